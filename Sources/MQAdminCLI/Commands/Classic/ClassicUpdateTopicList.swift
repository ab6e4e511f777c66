import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `updateTopicList`: create or update the topics of a JSON file on one broker or a cluster's masters
/// with one UPDATE_AND_CREATE_TOPIC_LIST request per broker (Apache 5.3 and the bundled broker).
struct ClassicUpdateTopicList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "updateTopicList",
        abstract: "create or update topic in batch (Apache's classic command and output).",
        discussion: """
            -f names a JSON list of Apache's TopicConfig objects ({"topicName":"T","readQueueNums":8,...}); \
            missing fields take Apache's defaults (16 queues, perm 6). Every item is checked before anything is \
            sent, and each broker stores the whole list or none of it. Unlike Apache's tool, a missing or empty \
            file is an error (exit 2), and -c prints no usage text after its lines.
            """)

    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "create topic to which broker")
    var brokerAddr: String?

    @Option(name: [.customShort("c"), .customLong("clusterName")], help: "create topic to which cluster")
    var clusterName: String?

    @Option(
        name: [.customShort("f"), .customLong("filename")],
        help: "Path to a file with list of org.apache.rocketmq.common.TopicConfig in json format")
    var filename: String

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try ClassicBrokerOrCluster.validate(broker: brokerAddr?.trimmed, cluster: clusterName)
    }

    func run() async throws {
        let topics = try MetadataListFile.topics(at: filename.trimmed, option: "-f")
        let view = try await Session.with(connection) { session in
            let brokers = try await GroupTargets.resolve(
                session.client, cluster: clusterName?.trimmed, broker: brokerAddr?.trimmed)
            return await MetadataListWriteView.write(kind: "topics", names: topics.map(\.topicName), to: brokers) {
                try await session.client.writeTopicConfigList(topics, broker: $0.address)
            }
        }
        Emit.output(view, format: output.output) {
            view.succeeded.map {
                "submit batch of topic config to \($0.address) success, please check the result later.\n"
            }.joined()
        }
        try BrokerOutcome.check(view.brokers, what: "updateTopicList")
    }
}

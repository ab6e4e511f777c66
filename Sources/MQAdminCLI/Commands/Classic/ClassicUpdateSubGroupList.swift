import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `updateSubGroupList`: create or update the groups of a JSON file on one broker or a cluster's
/// masters with one UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST request per broker (Apache 5.3.1+, bundled broker).
struct ClassicUpdateSubGroupList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "updateSubGroupList",
        abstract: "Update or create subscription group in batch (Apache's classic command and output).",
        discussion: """
            -f names a JSON list of Apache's SubscriptionGroupConfig objects ({"groupName":"g","retryMaxTimes":16,\
            ...}); missing fields take Apache's defaults. Every item is checked before anything is sent, and each \
            broker stores the whole list or none of it. Unlike Apache's tool, a missing or empty file is an error \
            (exit 2), and -c prints no usage text after its lines.
            """)

    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "create groups to which broker")
    var brokerAddr: String?

    @Option(name: [.customShort("c"), .customLong("clusterName")], help: "create groups to which cluster")
    var clusterName: String?

    @Option(
        name: [.customShort("f"), .customLong("filename")],
        help: "Path to a file with a list of SubscriptionGroupConfig in json format")
    var filename: String

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try ClassicBrokerOrCluster.validate(broker: brokerAddr?.trimmed, cluster: clusterName)
    }

    func run() async throws {
        let groups = try MetadataListFile.groups(at: filename.trimmed, option: "-f")
        let view = try await Session.with(connection) { session in
            let brokers = try await GroupTargets.resolve(
                session.client, cluster: clusterName?.trimmed, broker: brokerAddr?.trimmed)
            return await MetadataListWriteView.write(kind: "groups", names: groups.map(\.groupName), to: brokers) {
                try await session.client.writeGroupConfigList(groups, broker: $0.address)
            }
        }
        Emit.output(view, format: output.output) {
            // Apache words the line differently for -b and -c.
            let what = brokerAddr != nil ? "group config" : "subscription group config"
            return view.succeeded.map {
                "submit batch of \(what) to \($0.address) success, please check the result later.\n"
            }.joined()
        }
        try BrokerOutcome.check(view.brokers, what: "updateSubGroupList")
    }
}

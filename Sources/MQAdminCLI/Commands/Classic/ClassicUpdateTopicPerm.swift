import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `updateTopicPerm -t TOPIC -p PERM (-b BROKER_ADDR | -c CLUSTER)`: change only a topic's permission.
struct ClassicUpdateTopicPerm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "updateTopicPerm",
        abstract: "Update topic perm (Apache's classic command and output).",
        discussion: """
            Classic form of `mqadmin topic update TOPIC --perm`. Each broker keeps its own queue counts, order \
            flag and attributes (Apache's tool rewrites every broker with the first broker's queue counts and \
            drops the rest), and -c changes the topic only on the masters that have it (Apache's creates it on \
            the others). With -b the broker must be a master serving the topic (exit 3 otherwise).
            """)

    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "create topic to which broker")
    var brokerAddr: String?

    @Option(name: [.customShort("c"), .customLong("clusterName")], help: "create topic to which cluster")
    var clusterName: String?

    @Option(name: [.customShort("t"), .customLong("topic")], help: "topic name")
    var topic: String

    @Option(
        name: [.customShort("p"), .customLong("perm")], help: "set topic's permission(2|4|6), intro[2:W; 4:R; 6:RW]")
    var perm: String

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try ClassicBrokerOrCluster.validate(broker: brokerAddr?.trimmed, cluster: clusterName)
        try TopicArgs.topic(topic.trimmed)
        _ = try TopicArgs.perm(perm, option: "-p")
    }

    func run() async throws {
        let topic = self.topic.trimmed
        let newPerm = try TopicArgs.perm(perm, option: "-p")
        let outcome = try await Session.withClient(connection) { client -> (view: TopicWriteView, same: Bool) in
            let route = try await client.route(topic: topic, refresh: true)
            let info = try await client.clusterInfo()
            let targets: [BrokerEndpoint]
            if let address = brokerAddr?.trimmed {
                let serving = Set(route.brokerDatas.compactMap { $0.masterAddress })
                guard serving.contains(address), let e = try? info.writeTargets(cluster: nil, broker: address) else {
                    throw CLIError(
                        "updateTopicPerm error broker not exit or broker is not master!. (\(address) is not the "
                            + "master of a broker serving \(topic); see `mqadmin topicRoute -t \(topic)`)",
                        exit: .notFound)
                }
                targets = e
                let name = route.brokerDatas.first { $0.masterAddress == address }?.brokerName
                if route.queueDatas.first(where: { $0.brokerName == name })?.perm == newPerm {
                    return (TopicWriteView(topic: topic, action: "updateTopicPerm", results: []), true)
                }
            } else {
                targets = try info.masters(cluster: clusterName?.trimmed)
            }
            let results = try await client.updateTopic(topic, change: TopicChange(perm: newPerm), on: targets)
            return (TopicWriteView(topic: topic, action: "updateTopicPerm", results: results), false)
        }
        let view = outcome.view
        Emit.output(view, format: output.output) {
            if outcome.same { return "new perm equals to the old one!\n" }
            var out = ""
            for b in view.brokers where b.result == .updated || b.result == .unchanged {
                out += "update topic perm from \(b.previous?.perm ?? 0) to \(newPerm) in \(b.address) success.\n"
                // Apache prints the written config after the -b line.
                if brokerAddr != nil, let c = b.config {
                    out += ClassicLayouts.topicConfigLine(TopicConfig(c), modification: c.attributes) + ".\n"
                }
            }
            return out
        }
        try view.failIfPartial()
    }
}

extension TopicConfig {
    /// Back from the JSON form commands print.
    fileprivate init(_ j: TopicConfigJSON) {
        self.init(
            topicName: j.topicName, readQueueNums: j.readQueueNums, writeQueueNums: j.writeQueueNums, perm: j.perm,
            topicFilterType: j.topicFilterType, topicSysFlag: j.topicSysFlag, order: j.order, attributes: j.attributes)
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `updateTopic`: create or update a topic on one broker (`-b`) or every master of a cluster
/// (`-c`), printing Apache's lines (admin-trace-acl §2.1).
struct ClassicUpdateTopic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "updateTopic",
        abstract: "Update or create topic (Apache's classic command and output).",
        discussion: """
            Like Apache's, it writes the full configuration: options left out get their defaults (8 queues, \
            perm 6), even on an existing topic. `mqadmin topic update` changes only what it is given.
            """)

    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "create topic to which broker")
    var brokerAddr: String?

    @Option(name: [.customShort("c"), .customLong("clusterName")], help: "create topic to which cluster")
    var clusterName: String?

    @Option(name: [.customShort("t"), .customLong("topic")], help: "topic name")
    var topic: String

    @Option(
        name: [.customShort("r"), .customLong("readQueueNums")], parsing: .unconditional, help: "set read queue nums")
    var readQueueNums = "8"

    @Option(
        name: [.customShort("w"), .customLong("writeQueueNums")], parsing: .unconditional, help: "set write queue nums")
    var writeQueueNums = "8"

    @Option(
        name: [.customShort("p"), .customLong("perm")], help: "set topic's permission(2|4|6), intro[2:W 4:R; 6:RW]")
    var perm = "6"

    @Option(name: [.customShort("o"), .customLong("order")], help: "set topic's order(true|false)")
    var order = "false"

    @Option(name: [.customShort("u"), .customLong("unit")], help: "is unit topic (true|false)")
    var unit = "false"

    @Option(name: [.customShort("s"), .customLong("hasUnitSub")], help: "has unit sub (true|false)")
    var hasUnitSub = "false"

    @Option(name: [.customShort("a"), .customLong("attributes")], help: "attribute(+a=b,+c=d,-e)")
    var attributes: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try ClassicBrokerOrCluster.validate(broker: brokerAddr?.trimmed, cluster: clusterName)
        try TopicArgs.topic(topic.trimmed)
        _ = try request()
    }

    /// The configuration Apache's CLI builds, and the attribute modification.
    func request() throws -> (config: TopicConfig, attributes: [String: String]) {
        let unitFlag: Int32 = try TopicArgs.bool(unit, option: "-u") ? 1 : 0
        let subFlag: Int32 = try TopicArgs.bool(hasUnitSub, option: "-s") ? 2 : 0
        let config = TopicConfig(
            topicName: topic.trimmed, readQueueNums: try TopicArgs.queueCount(readQueueNums, option: "-r"),
            writeQueueNums: try TopicArgs.queueCount(writeQueueNums, option: "-w"),
            perm: try TopicArgs.perm(perm, option: "-p"),
            topicSysFlag: unitFlag | subFlag, order: try TopicArgs.bool(order, option: "-o"))
        return (config, try attributes.map { try TopicArgs.attributes($0.trimmed, option: "-a") } ?? [:])
    }

    func run() async throws {
        let (config, modification) = try request()
        let view = try await Session.withClient(connection) { client in
            let info = try await client.clusterInfo()
            let targets =
                try brokerAddr.map { try info.writeTargets(cluster: nil, broker: $0.trimmed, allowUnregistered: true) }
                ?? info.masters(cluster: clusterName?.trimmed)
            let results = try await client.upsertTopic(config, attributes: modification, on: targets)
            return await TopicWriteView.after(
                results, topic: config.topicName, action: "upsert", order: config.order,
                writeQueues: config.writeQueueNums, mergeOrderConf: brokerAddr != nil, client: client)
        }
        Emit.output(view, format: output.output) { lines(view, config: config, modification: modification) }
        try view.failIfPartial()
    }

    /// Apache's lines: the order line (before, with -b; after, with -c), one success line per broker,
    /// and the TopicConfig line once everything succeeded.
    func lines(_ view: TopicWriteView, config: TopicConfig, modification: [String: String]) -> String {
        var out = ""
        let orderLine = config.order && view.orderConf != nil && view.orderError == nil
        if orderLine && brokerAddr != nil {
            let name = view.brokers.first?.broker ?? ""
            out += "set broker orderConf. isOrder=true, orderConf=[\(name):\(config.writeQueueNums)]\n"
        }
        for b in view.brokers where b.result != .failed { out += "create topic to \(b.address) success.\n" }
        if orderLine && clusterName != nil {
            out += "set cluster orderConf. isOrder=true, orderConf=[\(view.orderConf ?? "")]\n"
        }
        if view.succeeded { out += ClassicLayouts.topicConfigLine(config, modification: modification) + "\n" }
        return out
    }
}

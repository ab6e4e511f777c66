import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin topic route TOPIC`: which brokers serve the topic, with how many queues.
struct TopicRouteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route", abstract: "Show the brokers serving a topic and their queue counts.")

    @Argument(help: "Topic name.", completion: .custom(LiveNames.topics))
    var topic: String

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try TopicArgs.topic(topic) }

    func run() async throws {
        let view = try await Session.withClient(connection) { client in
            TopicRouteView(topic: topic, route: try await client.route(topic: topic, refresh: true))
        }
        Emit.output(view, format: output.output) { view.table() }
    }
}

/// The result of `topic route` (and classic `topicRoute --output json`), docs/json/topics.md.
struct TopicRouteView: Encodable, Sendable {
    struct Broker: Encodable, Sendable {
        var cluster: String
        var broker: String
        /// Broker id (0 = master) → address.
        var addresses: [String: String]
        var readQueues: Int32
        var writeQueues: Int32
        var perm: Int32
        var permName: String
        var topicSysFlag: Int32
    }

    struct Totals: Encodable, Sendable {
        var brokers: Int
        var readQueues: Int32
        var writeQueues: Int32
    }

    var topic: String
    var brokers: [Broker]
    @NullEncoded var orderTopicConf: String?
    var totals: Totals

    init(topic: String, route: TopicRouteData) {
        self.topic = topic
        let queues = Dictionary(route.queueDatas.map { ($0.brokerName, $0) }, uniquingKeysWith: { a, _ in a })
        brokers = route.brokerDatas.sorted { $0.brokerName < $1.brokerName }.map { b in
            let q = queues[b.brokerName]
            return Broker(
                cluster: b.cluster, broker: b.brokerName,
                addresses: Dictionary(uniqueKeysWithValues: b.brokerAddrs.map { (String($0.key), $0.value) }),
                readQueues: q?.readQueueNums ?? 0, writeQueues: q?.writeQueueNums ?? 0, perm: q?.perm ?? 0,
                permName: PermName.string(q?.perm ?? 0), topicSysFlag: q?.topicSysFlag ?? 0)
        }
        orderTopicConf = route.orderTopicConf
        totals = Totals(
            brokers: brokers.count, readQueues: brokers.reduce(0) { $0 + $1.readQueues },
            writeQueues: brokers.reduce(0) { $0 + $1.writeQueues })
    }

    func table() -> String {
        var t = TextTable([
            .init("BROKER"), .init("CLUSTER"), .init("ADDRESSES"), .init("READ", .right), .init("WRITE", .right),
            .init("PERM"),
        ])
        for b in brokers {
            let addrs = b.addresses.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }.map { "\($0.key)=\($0.value)" }
            t.add(
                b.broker, b.cluster, addrs.joined(separator: ","), String(b.readQueues), String(b.writeQueues),
                b.permName)
        }
        t.add("TOTAL", "", "", String(totals.readQueues), String(totals.writeQueues), "")
        return t.render()
    }
}

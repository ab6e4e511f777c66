import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `updateOrderConf -t TOPIC -m get|put|delete [-v CONF]`: a topic's order configuration
/// (`brokerName:queues;...`) in the name servers' KV namespace ORDER_TOPIC_CONFIG.
struct ClassicUpdateOrderConf: AsyncParsableCommand {
    enum Method: String, ExpressibleByArgument, CaseIterable {
        case get, put, delete
    }

    static let configuration = CommandConfiguration(
        commandName: "updateOrderConf",
        abstract: "Create or update or delete order conf (Apache's classic command and output).",
        discussion: """
            put and delete change every name server of -n; get reads the first that answers. As in Apache's \
            tool the line ends without a newline. A topic without an order conf exits 3 on get.
            """)

    @Option(name: [.customShort("t"), .customLong("topic")], help: "topic name")
    var topic: String

    @Option(
        name: [.customShort("v"), .customLong("orderConf")],
        help: "set order conf [eg. brokerName1:num;brokerName2:num]")
    var orderConf: String?

    @Option(name: [.customShort("m"), .customLong("method")], help: "option type [eg. put|get|delete")
    var method: Method

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try TopicArgs.topic(topic.trimmed)
        if method == .put {
            guard let conf = orderConf?.trimmed, !conf.isEmpty else {
                throw ValidationError("please set orderConf with option -v, e.g. -v \"broker-a:4;broker-b:4\"")
            }
            try Self.check(conf)
        }
    }

    /// `brokerName:queues` entries joined by `;`, as routes and producers read them.
    static func check(_ conf: String) throws {
        for entry in conf.split(separator: ";", omittingEmptySubsequences: false) {
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, let n = Int32(parts[1]), n > 0 else {
                throw ValidationError("-v \"\(conf)\": \"\(entry)\" is not BROKER_NAME:QUEUES, e.g. broker-a:4")
            }
        }
    }

    func run() async throws {
        let topic = self.topic.trimmed
        let view = try await Session.withClient(connection) { client -> OrderConfView in
            switch method {
            case .get:
                guard let conf = try await client.orderConf(topic: topic) else {
                    throw CLIError(
                        "topic \(topic) has no order conf on the name servers; set one with -m put -v", exit: .notFound)
                }
                return OrderConfView(topic: topic, method: method.rawValue, orderConf: conf, nameServers: [])
            case .put:
                let conf = orderConf?.trimmed ?? ""
                let results = await client.putOrderConf(topic: topic, conf: conf)
                return OrderConfView(topic: topic, method: method.rawValue, orderConf: conf, nameServers: results)
            case .delete:
                let results = await client.removeOrderConf(topic: topic)
                return OrderConfView(topic: topic, method: method.rawValue, orderConf: nil, nameServers: results)
            }
        }
        Emit.output(view, format: output.output) { view.failures.isEmpty ? view.classicLine : "" }
        if let first = view.failures.first {
            throw CLIError(
                "updateOrderConf -m \(method.rawValue) failed on name server \(first.address): \(first.error ?? "")",
                exit: .failed)
        }
    }
}

/// `updateOrderConf` output: the topic's order conf and, for put and delete, each name server's result.
struct OrderConfView: Encodable {
    struct NameServer: Encodable {
        var address: String
        @NullEncoded var error: String?
    }

    var topic: String
    var method: String
    @NullEncoded var orderConf: String?
    var nameServers: [NameServer]

    init(topic: String, method: String, orderConf: String?, nameServers: [BrokerResult<Void>]) {
        self.topic = topic
        self.method = method
        self.orderConf = orderConf
        self.nameServers = nameServers.map { NameServer(address: $0.endpoint.address, error: $0.error?.description) }
    }

    var failures: [NameServer] { nameServers.filter { $0.error != nil } }

    /// Apache's line, without a newline (its printf has none).
    var classicLine: String {
        switch method {
        case "get": return "get orderConf success. topic=[\(topic)], orderConf=[\(orderConf ?? "null")] "
        case "put": return "update orderConf success. topic=[\(topic)], orderConf=[\(orderConf ?? "")]"
        default: return "delete orderConf success. topic=[\(topic)]"
        }
    }
}

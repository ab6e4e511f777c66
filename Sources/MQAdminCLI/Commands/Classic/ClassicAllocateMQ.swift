import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `allocateMQ`: which of the topic's queues AllocateMessageQueueAveragely gives each of `-i`'s
/// clients, printed as Apache's RebalanceResult JSON (computed here; nothing is sent to the clients).
struct ClassicAllocateMQ: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocateMQ",
        abstract: "Allocate MQ.",
        discussion: """
            Prints {"result":{client:[queue, ...], ...}} for the clients of -i (comma-separated, in that \
            order), over the topic's readable queues taken in the order Apache's tool takes them (a Java hash \
            set), clients in its hash-map order. --output json gives the same allocation with the clients in \
            -i's order.
            """
    )

    @Option(name: [.customShort("t"), .customLong("topic")], help: "topic name", completion: .custom(LiveNames.topics))
    var topic: String
    @Option(name: [.customShort("i"), .customLong("ipList")], help: "ipList") var ipList: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    /// `--output json`.
    struct View: Encodable {
        struct Share: Encodable {
            var client: String
            var queues: [MessageQueue]
        }

        var topic: String
        var allocation: [Share]
    }

    func validate() throws {
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
    }

    func run() async throws {
        let route = try await Session.withClient(connection) { client in try await client.route(topic: topic) }
        let shares = Self.allocation(topic: topic, route: route, clients: Self.clients(ipList))
        let view = View(topic: topic, allocation: shares.map { View.Share(client: $0.client, queues: $0.queues) })
        Emit.output(view, format: output.output) { Self.layout(shares) + "\n" }
    }

    /// Java's `String.split(",")`: empty entries kept except trailing ones.
    static func clients(_ list: String) -> [String] {
        var parts = list.trimmingCharacters(in: .whitespaces).split(separator: ",", omittingEmptySubsequences: false)
            .map(String.init)
        while parts.count > 1, parts.last == "" { parts.removeLast() }
        return parts
    }

    /// Each distinct client (first occurrence, in `clients`' order) with its queues, as Apache's tool computes
    /// them: the route's readable queues in its HashSet's order, the client's index its first in the list.
    static func allocation(topic: String, route: TopicRouteData, clients: [String])
        -> [(client: String, queues: [MessageQueue])]
    {
        let queues = JavaHashOrder.ordered(
            QueueAllocation.subscribeQueues(topic: topic, route: route), hash: { JavaHashOrder.hash($0) })
        var seen = Set<String>()
        return clients.filter { seen.insert($0).inserted }.map {
            ($0, QueueAllocation.averagely(queues, clients: clients, me: $0))
        }
    }

    /// The allocation as fastjson writes Apache's RebalanceResult: clients in its HashMap's order, queue
    /// fields alphabetical.
    static func layout(_ shares: [(client: String, queues: [MessageQueue])]) -> String {
        let byClient = Dictionary(shares.map { ($0.client, $0.queues) }, uniquingKeysWith: { first, _ in first })
        let members = JavaHashOrder.ordered(shares.map(\.client)).map { client in
            JSONMember(key: .string(client), value: .array((byClient[client] ?? []).map(queueJSON)))
        }
        return JSONWriter.string(.object([JSONMember(key: .string("result"), value: .object(members))]))
    }

    static func queueJSON(_ mq: MessageQueue) -> JSONValue {
        .object([
            JSONMember(key: .string("brokerName"), value: .string(mq.brokerName)),
            JSONMember(key: .string("queueId"), value: .int(mq.queueId)),
            JSONMember(key: .string("topic"), value: .string(mq.topic)),
        ])
    }
}

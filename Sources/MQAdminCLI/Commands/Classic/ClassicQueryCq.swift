import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `queryCq`: consume-queue entries of one queue from an index, in Apache's layout (its
/// `ConsumeQueueData.toString()` per entry, `======` separators).
struct ClassicQueryCq: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queryCq", abstract: "Query consume queue entries (Apache's layout).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    @Option(name: [.customShort("t"), .customLong("topic")], help: "topic name", completion: .custom(LiveNames.topics))
    var topic: String
    @Option(name: [.customShort("q"), .customLong("queue")], help: "queue num, ie. 1") var queue: Int32
    @Option(name: [.customShort("i"), .customLong("index")], help: "start queue index.") var index: Int64
    @Option(name: [.customShort("c"), .customLong("count")], help: "how many.") var count: Int32 = 10
    @Option(name: [.customShort("b"), .customLong("broker")], help: "broker addr.") var broker: String?
    @Option(name: [.customShort("g"), .customLong("consumer")], help: "consumer group.") var group: String?

    struct Entry: Encodable, Sendable {
        var idx: Int64
        var physicOffset: Int64
        var physicSize: Int32
        var tagsCode: Int64
        var extendDataJson: OrNull<String>
        var bitMap: OrNull<String>
        var eval: Bool
        var msg: OrNull<String>
    }

    struct View: Encodable, Sendable {
        var broker: String
        var topic: String
        var queueId: Int32
        var maxQueueIndex: Int64
        var minQueueIndex: Int64
        var filterData: OrNull<String>
        var entries: [Entry]
    }

    func validate() throws {
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        guard count >= 1 else { throw ValidationError("-c/--count must be at least 1") }
    }

    func run() async throws {
        let (address, body) = try await Session.withClient(connection) { client in
            var address = broker
            if address == nil {
                // Apache's choice: the first broker of the route, its master.
                let route = try await client.route(topic: topic)
                guard let first = route.brokerDatas.first?.masterAddress else {
                    throw CLIError("No topic route data! (topic \(topic) has no master broker)", exit: .notFound)
                }
                address = first
            }
            let body = try await client.queryConsumeQueue(
                broker: address!, topic: topic, queueId: queue, index: index, count: count, group: group)
            return (address!, body)
        }
        let entries = body.queueData.enumerated().map { i, q in
            Entry(
                idx: index + Int64(i), physicOffset: q.physicOffset, physicSize: q.physicSize, tagsCode: q.tagsCode,
                extendDataJson: OrNull(q.extendDataJson), bitMap: OrNull(q.bitMap), eval: q.eval, msg: OrNull(q.msg))
        }
        let view = View(
            broker: address, topic: topic, queueId: queue, maxQueueIndex: body.maxQueueIndex,
            minQueueIndex: body.minQueueIndex, filterData: OrNull(body.filterData), entries: entries)
        Emit.output(view, format: output.output) { Self.layout(body, entries) }
    }

    static let separator = "======================================\n"

    static func layout(_ body: QueryConsumeQueueResponseBody, _ entries: [Entry]) -> String {
        var out = ""
        if let subscription = body.subscriptionData {
            let json = FastjsonPretty.string((try? FastJSONEncoder().encodeToValue(subscription)) ?? .object([]))
            out += "Subscription data: \n\(json)\n" + separator
        }
        if let filter = body.filterData { out += "Filter data: \n\(filter)\n" + separator }
        out += "Queue data: \nmax: \(body.maxQueueIndex), min: \(body.minQueueIndex)\n" + separator
        for e in entries {
            out += "idx: \(e.idx)\n"
            out += "ConsumeQueueData{physicOffset=\(e.physicOffset), physicSize=\(e.physicSize), "
                + "tagsCode=\(e.tagsCode), extendDataJson='\(e.extendDataJson.value ?? "null")', "
                + "bitMap='\(e.bitMap.value ?? "null")', eval=\(e.eval), msg='\(e.msg.value ?? "null")'}\n"
            out += separator
        }
        return out
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin offset show GROUP [-t TOPIC]`: per queue, the broker offset, committed offset, lag and last consumed time.
struct OffsetShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a group's offsets per queue: broker offset, committed offset, lag, last consumed time.",
        discussion: "Without -t, every topic the group has committed offsets for (its retry topic included)."
    )

    @Argument(help: "Consumer group.", completion: .custom(LiveNames.groups)) var group: String
    @Option(name: [.customShort("t"), .customLong("topic")], help: "Only this topic.",
        completion: .custom(LiveNames.topics))
    var topic: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try GroupTargets.validateName(group) }

    func run() async throws {
        let view = try await Session.with(connection) { session in
            let client = session.client
            _ = try await GroupTargets.existing(
                client, group: group, on: try await GroupTargets.resolve(client, cluster: nil, broker: nil))
            var topics = [String]()
            if let topic { topics = [topic] } else { topics = try await client.consumedTopics(group: group) }
            var states: [QueueOffsetState] = []
            for t in topics { states += try await client.offsetStates(group: group, topic: t) }
            return OffsetShowView(group: group, topic: topic, states: states)
        }
        Emit.output(view, format: output.output) { view.table }
    }
}

/// `offset show` as JSON (docs/json/groups.md) and as a table.
struct OffsetShowView: Encodable {
    struct Queue: Encodable {
        var topic: String
        var broker: String
        var queueId: Int32
        var minOffset: Int64
        var brokerOffset: Int64
        var committedOffset: OrNull<Int64>
        var committedOffsetReason: OrNull<String>
        var lag: Int64
        var lastConsumedTimestamp: OrNull<Int64>
        var lastConsumedTime: OrNull<String>
        var lastConsumedReason: OrNull<String>
    }

    var group: String
    var topic: OrNull<String>
    var queues: [Queue]
    /// Sums over `queues` (docs/json-output.md: totals are in `totals`, named as the per-row fields).
    var totals: LagTotals

    init(group: String, topic: String?, states: [QueueOffsetState]) {
        self.group = group
        self.topic = OrNull(topic)
        queues = states.map { s in
            Queue(
                topic: s.queue.topic, broker: s.queue.brokerName, queueId: s.queue.queueId, minOffset: s.minOffset,
                brokerOffset: s.maxOffset, committedOffset: OrNull(s.committed),
                committedOffsetReason: OrNull(
                    s.committed == nil ? "the group has no committed offset on this queue" : nil),
                lag: s.lag, lastConsumedTimestamp: OrNull(s.lastConsumedTimestamp),
                lastConsumedTime: OrNull(s.lastConsumedTimestamp.map(TimeFormat.iso)),
                lastConsumedReason: OrNull(
                    s.lastConsumedTimestamp != nil
                        ? nil
                        : (s.committed ?? 0) <= s.minOffset
                            ? "nothing consumed yet" : "the last consumed message was deleted"))
        }
        totals = LagTotals(lag: states.reduce(0) { $0 + $1.lag })
    }

    var table: String {
        var t = TextTable([
            .init("TOPIC"), .init("BROKER"), .init("QUEUE", .right), .init("BROKER-OFFSET", .right),
            .init("COMMITTED", .right), .init("LAG", .right), .init("LAST-CONSUMED"),
        ])
        for q in queues {
            t.add(
                q.topic, q.broker, String(q.queueId), String(q.brokerOffset),
                q.committedOffset.value.map(String.init) ?? "-",
                String(q.lag), q.lastConsumedTimestamp.value.map(TimeFormat.iso) ?? "-")
        }
        return t.render() + "Total lag: \(totals.lag)\n"
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `resetOffsetByTime`: executes at once (as Apache's does), after saving the old offsets to the journal.
struct ClassicResetOffsetByTime: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resetOffsetByTime",
        abstract: "Reset consumer offset by timestamp(without client restart).",
        discussion: """
            Classic form of `mqadmin offset reset`: applies immediately, with no plan or confirmation. The previous \
            offsets are saved, so `mqadmin offset undo` restores them. With -b and -q, one queue (to -o if given).
            """
    )

    @Option(name: [.customShort("g"), .customLong("group")], help: "set the consumer group",
        completion: .custom(LiveNames.groups))
    var group: String
    @Option(name: [.customShort("t"), .customLong("topic")], help: "set the topic",
        completion: .custom(LiveNames.topics))
    var topic: String
    @Option(
        name: [.customShort("s"), .customLong("timestamp")],
        help: "set the timestamp[now|currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
    var timestamp: String
    @Option(
        name: [.customShort("f"), .customLong("force")],
        help: "set the force rollback by timestamp switch[true|false]. Deprecated.")
    var force: String?
    @Option(name: [.customShort("b"), .customLong("broker")], help: "broker addr") var broker: String?
    @Option(name: [.customShort("q"), .customLong("queue")], help: "queue id") var queue: Int32?
    @Option(
        name: [.customShort("o"), .customLong("offset")], help: "Expect queue offset, not support old version broker")
    var offset: Int64?
    @Option(
        name: [.customShort("c"), .customLong("cluster")],
        help: "Cluster name or lmq parent topic, lmq is used to find the route.")
    var cluster: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try GroupTargets.validateName(group, option: "-g")
        try GroupTargets.checkBool(force, option: "-f")
        try TimeArgument.validate(timestamp, option: "-s", classic: true)
        if let offset, offset < 0 { throw ValidationError("-o must be 0 or more") }
        if let broker, HostPort(broker) == nil {
            throw ValidationError("-b \"\(broker)\" is not HOST:PORT (a broker address)")
        }
    }

    var text: String { timestamp.trimmingCharacters(in: .whitespaces) }
    var forceValue: Bool { force.map(GroupTargets.javaBool) ?? true }

    func run() async throws {
        let ts = try TimeArgument.require(timestamp, option: "-s", classic: true)
        if let broker, let queue, queue >= 0 { return try await resetQueue(broker: broker, queue: queue, ts: ts) }
        let (rows, id, failure) = try await Session.with(connection) { session in
            try await ClassicReset.byTime(
                session.client, connection: connection, group: group, topic: topic, timestamp: ts,
                operation: "resetOffsetByTime -g \(group) -t \(topic) -s \(text)")
        }
        let view = ClassicReset.View(
            group: group, topic: topic, timestamp: ts, timestampText: text, force: forceValue, queues: rows,
            journalId: id)
        Emit.output(view, format: output.output) {
            "start reset consumer offset by specified, group[\(group)], topic[\(topic)], force[\(forceValue)], "
                + "timestamp(string)[\(text)], timestamp(long)[\(ts)]\n" + ClassicReset.table(rows)
        }
        if let failure { throw failure }
    }

    /// Apache's per-queue branch (-b ADDR -q ID [-o OFFSET]); unlike Apache's it also writes offset 0.
    func resetQueue(broker: String, queue: Int32, ts: Int64) async throws {
        let (target, id) = try await Session.with(connection) { session in
            let client = session.client
            _ = try await GroupTargets.existing(
                client, group: group, on: try await GroupTargets.resolve(client, cluster: nil, broker: nil))
            let brokers = try await GroupTargets.resolve(client, cluster: nil, broker: broker)
            let mq = MessageQueue(topic: topic, brokerName: brokers[0].name, queueId: queue)
            var target = offset ?? 0
            if offset == nil { target = try await client.searchOffset(mq, timestamp: ts) }
            let plan = try await client.planOffsets(group: group, offsets: [(mq, target)], what: "resetOffsetByTime")
            let id = try PlanRunner.saveJournal(
                plan, connection: connection,
                operation: "resetOffsetByTime -g \(group) -t \(topic) -b \(broker) -q \(queue)")
            try await client.resetOffset(group: group, queue: mq, offset: target, broker: broker)
            return (target, id)
        }
        let name = broker
        let view = ClassicReset.View(
            group: group, topic: topic, timestamp: ts, timestampText: text, force: forceValue,
            queues: [ClassicReset.Row(broker: name, queueId: queue, offset: target)], journalId: id)
        Emit.output(view, format: output.output) {
            "start reset consumer offset by specified, group[\(group)], topic[\(topic)], queueId[\(queue)], "
                + "broker[\(broker)], "
                + "timestamp(string)[\(text)], timestamp(long)[\(ts)]\nreset consumer offset to \(target)\n"
        }
    }
}

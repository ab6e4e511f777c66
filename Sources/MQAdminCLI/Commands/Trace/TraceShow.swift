import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin trace show MSGID` / `mqadmin trace show --topic T --key K`
struct TraceShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a message's trace as a timeline: produced, stored, and consumed by each group.",
        discussion: """
            Reads the trace records RocketMQ clients write to the trace topic (Apache's format: Java clients \
            with enableMsgTrace, `message send --trace`, `message consume --trace`), keyed by the message's \
            client msgId (UNIQ_KEY). One row per hop: the send (producer group, client host, cost, status), \
            the store (broker, store time), and per consumer group the wait until delivery and each consume \
            (start, cost, status, retries), on an ASCII timeline with the slowest hop marked. With --topic and \
            --key the messages are found by key first. Exits 3 when the message has no trace.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("The message's client msgId (UNIQ_KEY), or its offset msgId.", valueName: "msgid"))
    var msgId: String?
    @Option(
        name: [.customShort("t"), .long], help: "The message's topic (needed with --key).",
        completion: .custom(LiveNames.topics))
    var topic: String?
    @Option(name: [.customShort("k"), .long], help: "Find the messages by this key (with --topic).") var key: String?
    @Option(
        name: .customLong("trace-topic"), help: ArgumentHelp("Topic the traces were written to.", valueName: "topic"),
        completion: .custom(LiveNames.topics))
    var traceTopic = SystemTopics.trace
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Traces stored at or after this time: " + TimeArgument.forms + ".", valueName: "time"))
    var begin: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Traces stored at or before this time: " + TimeArgument.forms + ".", valueName: "time"))
    var end: String?
    @Option(help: "At most this many trace messages per broker.") var max: Int32 = 64

    func validate() throws {
        switch (msgId, key) {
        case (nil, nil): throw ValidationError("give a MSGID, or --topic T --key K to find the message by key")
        case (.some, .some): throw ValidationError("give a MSGID or --key, not both")
        case (nil, .some) where topic == nil: throw ValidationError("--key needs --topic (the message's topic)")
        default: break
        }
        if let id = msgId, id.isEmpty || id.contains(" ") {
            throw ValidationError("MSGID \"\(id)\" is empty or has spaces")
        }
        if let topic, let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        if let why = SystemTopics.validate(topic: traceTopic) { throw ValidationError("--trace-topic: " + why) }
        guard max > 0 else { throw ValidationError("--max must be at least 1") }
        let w = try window()
        guard w.begin <= w.end else { throw ValidationError("--begin is after --end") }
    }

    func window() throws -> TraceQuery.Window {
        TraceQuery.Window(
            begin: try begin.map { try TimeArgument.require($0, option: "--begin") } ?? 0,
            end: try end.map { try TimeArgument.require($0, option: "--end") } ?? .max, maxNum: max)
    }

    func run() async throws {
        let w = try window()
        let report = try await Session.with(connection) { session in
            if let key, let topic {
                return try await TraceQuery.byKey(session, topic: topic, key: key, traceTopic: traceTopic, window: w)
            }
            return try await TraceQuery.byId(
                session, msgId: msgId ?? "", topic: topic, traceTopic: traceTopic, window: w)
        }
        Emit.output(TraceShowJSON(report), format: output.output) { TraceTimeline.render(report) }
        try TraceFinish.finish(report)
    }
}

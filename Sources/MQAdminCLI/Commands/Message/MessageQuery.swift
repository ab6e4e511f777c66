import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin message query --topic T --key K`
struct MessageQuery: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Find messages by key through the brokers' key index.",
        discussion: """
            Asks every master broker of the topic's route. --begin/--end take epoch milliseconds, ISO-8601 \
            with a zone (2024-05-01T10:00:00Z) or a time relative to now (-2h). Exits 3 when nothing matches.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Option(name: [.customShort("t"), .long], help: "Topic of the messages.",
        completion: .custom(LiveNames.topics))
    var topic: String
    @Option(name: [.customShort("k"), .long], help: "Message key (one of the message's KEYS).") var key: String
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Stored at or after this time: " + TimeArgument.forms + ".", valueName: "time"))
    var begin: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Stored at or before this time: " + TimeArgument.forms + ".", valueName: "time"))
    var end: String?
    @Option(help: "At most this many messages per broker.") var max: Int32 = 64
    @Option(
        name: .customLong("body-format"), help: "Body encoding in JSON: text, hex or base64 (default: text if UTF-8).")
    var bodyFormat: BodyFormat?

    func validate() throws {
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        guard max > 0 else { throw ValidationError("--max must be at least 1") }
        let (b, e) = try times()
        guard b <= e else { throw ValidationError("--begin is after --end") }
    }

    func times() throws -> (Int64, Int64) {
        (
            try begin.map { try TimeArgument.require($0, option: "--begin") } ?? 0,
            try end.map { try TimeArgument.require($0, option: "--end") } ?? .max
        )
    }

    func run() async throws {
        let (b, e) = try times()
        let found = try await Session.with(connection) { session in
            try await KeyQuery.run(session, topic: topic, key: key, begin: b, end: e, maxNum: max)
        }
        let json = QueryJSON(
            topic: topic, key: key, begin: b, end: e == .max ? OrNull(nil) : OrNull(e),
            messages: found.views.map { MessageJSON($0, format: bodyFormat) })
        Emit.output(json, format: output.output) { Self.table(found.views) }
        try LookupFailures.finish(found.failures, what: "query")
    }

    static func table(_ views: [MessageView]) -> String {
        var t = TextTable(
            [
                .init("MSG ID"), .init("BROKER"), .init("QUEUE", .right), .init("OFFSET", .right), .init("STORED"),
                .init("TAGS"), .init("KEYS"),
            ])
        for v in views {
            let m = v.message
            t.add([
                m.msgId, v.broker ?? m.storeHost.description, String(m.queueId), String(m.queueOffset),
                TimeFormat.iso(m.storeTimestamp), m.tags ?? "-", m.keys.joined(separator: " "),
            ])
        }
        return t.render(trimmingTrailingSpaces: true)
    }
}

/// The JSON shape of `message query`.
struct QueryJSON: Encodable {
    var topic: String
    var key: String
    var begin: Int64
    var end: OrNull<Int64>
    var messages: [MessageJSON]
}

import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// Apache's `queryMsgTraceById`: a `#Type #ProducerGroup ...` block per Pub record, then a
/// `#Type #ConsumerGroup ...` block per consumer group of SubAfter records (admin-trace-acl §5.5).
struct ClassicQueryMsgTraceById: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queryMsgTraceById", abstract: "Query a message trace (Apache's layout; see `trace show`).",
        aliases: ["QueryMsgTraceById"])

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    @Option(name: [.customShort("i"), .customLong("msgId")], help: "Message Id") var msgId: String
    @Option(
        name: [.customShort("t"), .customLong("traceTopic")], help: "The name value of message trace topic",
        completion: .custom(LiveNames.topics))
    var traceTopic = SystemTopics.trace
    @Option(
        name: [.customShort("b"), .customLong("beginTimestamp")], parsing: .unconditional,
        help: "Begin timestamp (ms, ISO-8601 or -2h). default: 0")
    var begin: String?
    @Option(
        name: [.customShort("e"), .customLong("endTimestamp")], parsing: .unconditional,
        help: "End timestamp (ms, ISO-8601 or -2h). default: no end")
    var end: String?
    @Option(
        name: [.customShort("c"), .customLong("maxNum")],
        help: "The maximum number of messages returned by the query, default: 64")
    var maxNum: Int32 = 64

    func validate() throws {
        if msgId.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("-i/--msgId is empty") }
        if let why = SystemTopics.validate(topic: traceTopic.trimmingCharacters(in: .whitespaces)) {
            throw ValidationError("-t: " + why)
        }
        guard maxNum > 0 else { throw ValidationError("-c/--maxNum must be at least 1") }
        _ = try window()
    }

    func window() throws -> TraceQuery.Window {
        TraceQuery.Window(
            begin: try begin.map { try TimeArgument.require($0, option: "-b", classic: true) } ?? 0,
            end: try end.map { try TimeArgument.require($0, option: "-e", classic: true) } ?? .max, maxNum: maxNum)
    }

    func run() async throws {
        let w = try window()
        let id = msgId.trimmingCharacters(in: .whitespaces)
        let topic = traceTopic.trimmingCharacters(in: .whitespaces)
        let report = try await Session.with(connection) { session in
            try await TraceQuery.byId(session, msgId: id, topic: nil, traceTopic: topic, window: w)
        }
        Emit.output(TraceShowJSON(report), format: output.output) {
            report.traces.map { ClassicTraceText.render($0, now: Int64(Date().timeIntervalSince1970 * 1000)) }
                .joined()
        }
        if output.output == .table {
            for u in report.traces.flatMap(\.unreadable) {
                Emit.note(
                    "mqadmin: unreadable trace record \(u.unreadable.index) of trace message "
                        + "\(u.source.offsetMsgId): \(u.unreadable.reason)")
            }
        }
        try TraceFinish.finish(report)
    }
}

import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// `mqadmin message export TOPIC [--since T] [--until T] [--queue Q] [--key K] [--tag T] [-f FILE|-]`
struct MessageExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a topic's messages in a time window as JSON lines (bodies base64, every property).",
        discussion: """
            One JSON object per message (docs/schemas/message.export.json), in store-time order: topic, queue, \
            offset, ids, store and born time, keys, tags, every property as a map, the body in base64 and the \
            reconsume times. Reads as TOOLS_CONSUMER and commits nothing. -f FILE writes the file (0600) and \
            prints a summary; without -f, or -f -, the lines go to stdout and the summary to stderr. \
            `message import` sends such a file to a topic.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Topic to export.", completion: .custom(LiveNames.topics)) var topic: String
    @Option(help: ArgumentHelp("First store time (inclusive): \(TimeArgument.forms).", valueName: "time"))
    var since: String?
    @Option(help: ArgumentHelp("Store time to stop before (exclusive), same forms.", valueName: "time"))
    var until: String?
    @Option(name: [.customShort("b"), .long], help: "Only this broker's queues.") var broker: String?
    @Option(name: [.customShort("q"), .long], help: "Only this queue id.") var queue: Int32?
    @Option(name: [.customShort("k"), .long], help: "Only messages whose keys include this key.") var key: String?
    @Option(help: ArgumentHelp("Tag filter: * or TagA || TagB.", valueName: "expr")) var tag = "*"
    @Option(
        name: [.customShort("f"), .long], help: ArgumentHelp("Write to this file (\"-\" = stdout).", valueName: "path"))
    var file = "-"
    @Option(help: "At most this many messages (default 100000).") var limit = 100_000

    func validate() throws {
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        if let queue, queue < 0 { throw ValidationError("--queue must be 0 or more") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if let since { try TimeArgument.validate(since, option: "--since") }
        if let until { try TimeArgument.validate(until, option: "--until") }
    }

    func run() async throws {
        var window = MessageWindow(topic: topic)
        window.since = try since.map { try TimeArgument.require($0, option: "--since") }
        window.until = try until.map { try TimeArgument.require($0, option: "--until") }
        window.broker = broker
        window.queueId = queue
        window.key = key
        window.tags = tag
        if let from = window.since, let to = window.until, to <= from {
            throw CLIError("--until must be later than --since (the window is empty)", exit: .usage)
        }
        let found = try await Session.withClient(connection) { [window] client in
            do {
                return try await client.browse(window, limit: limit)
            } catch ClientError.invalidArgument(let why) {
                throw CLIError(why, exit: .notFound)
            }
        }
        let text = found.messages.map { Emit.line(MessageExportLine($0)) }.joined()
        let summary = MessageExportSummary(topic: topic, file: file, count: found.messages.count, more: found.more)
        if file == "-" {
            Emit.write(text)
            Emit.note(summary.text)
        } else {
            try Self.write(text, to: file)
            Emit.output(summary, format: output.output) { summary.text + "\n" }
        }
        if found.more { Emit.note("more messages in the window: exported the first \(limit); use --limit") }
        try LookupFailures.finish(found.failures, what: "export")
    }

    /// Writes the file whole (0600: message bodies are nobody else's business) or says why not.
    static func write(_ text: String, to path: String) throws {
        let created = FileManager.default.createFile(
            atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        guard created else {
            throw CLIError("cannot write \(path); check the directory exists and is writable", exit: .permissionDenied)
        }
    }
}

/// What `message export -f FILE` reports.
struct MessageExportSummary: Encodable {
    var topic: String
    var file: String
    var count: Int
    /// Messages were left out to keep to --limit.
    var more: Bool

    var text: String {
        "exported \(count) message\(count == 1 ? "" : "s") of \(topic) to \(file == "-" ? "stdout" : file)"
    }
}

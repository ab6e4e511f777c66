import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// `mqadmin message import TOPIC -f FILE|- [--execute]`
struct MessageImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Send the messages of a `message export` file to a topic (plan; --execute sends).",
        discussion: """
            Reads every line first and refuses the whole file (exit 2, each bad line named with its number and \
            why) before sending anything. Each message keeps its body, flag, keys, tags and properties byte for \
            byte, its message id (UNIQ_KEY) included; only the properties that steer the broker (delay, timer, \
            transaction, store bookkeeping) are dropped (docs/dlq.md). Blank lines are skipped. Without \
            --execute prints the plan; with it, sends one at a time and prints a result per line; exits 1 when \
            any send failed, naming the line and why. The topic must exist.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Topic to send to.", completion: .custom(LiveNames.topics)) var topic: String
    @Option(
        name: [.customShort("f"), .long],
        help: ArgumentHelp("A `message export` file (\"-\" = stdin).", valueName: "path"))
    var file: String
    @OptionGroup var execute: ExecuteOptions

    func validate() throws {
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
    }

    func run() async throws {
        let messages = try MessageImportFile.read(file, topic: topic)
        let view = try await Session.withClient(connection) { client in
            do {
                _ = try await client.route(topic: topic, refresh: true)
            } catch ClientError.topicNotFound {
                throw CLIError(
                    "topic \(topic) does not exist; create it first with `mqadmin topic create \(topic)`",
                    exit: .notFound)
            }
            var view = MessageImportView(topic: topic, messages: messages)
            guard execute.execute else { return view }
            if output.output == .table { Emit.write(view.table() + "\n") }
            try Confirm.destructive(
                "send \(messages.count) message\(messages.count == 1 ? "" : "s") to topic \(topic)", token: topic,
                yes: execute.yes)
            let producer = Producer(group: SendSupport.producerGroup, client: client)
            for (i, entry) in messages.enumerated() {
                do {
                    let sent = try await producer.send(entry.message)
                    view.record(i, sent: sent.msgId)
                } catch {
                    view.record(i, error: "\(error)")
                }
            }
            return view
        }
        Emit.output(view, format: output.output) { view.table() }
        guard execute.execute else {
            Emit.note("Plan only: nothing sent. Add --execute to send.")
            return
        }
        if let first = view.lines.first(where: { $0.result == "failed" }) {
            let failed = view.lines.filter { $0.result == "failed" }.count
            throw CLIError(
                "\(failed) of \(view.lines.count) messages not sent: first line \(first.line): "
                    + (first.error.value ?? ""),
                exit: .failed)
        }
    }
}

/// An import file read and checked whole.
enum MessageImportFile {
    /// Every non-blank line as a message to `topic`, or exit 2 naming each bad line (all before the last on
    /// stderr, the last as the error), so nothing is sent from a file with one bad line.
    static func read(_ file: String, topic: String) throws -> [(line: Int, message: Message)] {
        let data: Data
        if file == "-" {
            data = Console.current.readAll()
        } else {
            guard let d = FileManager.default.contents(atPath: file) else {
                throw CLIError("cannot read \(file); check the path", exit: .usage)
            }
            data = d
        }
        var messages: [(line: Int, message: Message)] = []
        var problems: [String] = []
        let decoder = JSONDecoder()
        for (i, raw) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let text = String(decoding: raw, as: UTF8.self)
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            do {
                let line = try decoder.decode(MessageImportLine.self, from: Data(raw))
                messages.append((i + 1, try line.message(to: topic)))
            } catch let problem as ImportLineProblem {
                problems.append("line \(i + 1): \(problem)")
            } catch {
                problems.append("line \(i + 1): \(OffsetImport.describe(error))")
            }
        }
        if let last = problems.last {
            let name = file == "-" ? "stdin" : file
            for p in problems.dropLast() { Emit.note("mqadmin: \(name) \(p)") }
            throw CLIError(
                "\(name) \(last); \(problems.count) bad line\(problems.count == 1 ? "" : "s"), nothing sent",
                exit: .usage)
        }
        guard !messages.isEmpty else { throw CLIError("\(file) holds no messages; nothing to import", exit: .usage) }
        return messages
    }
}

/// `message import`: the plan or the per-line results.
struct MessageImportView: Encodable {
    struct Line: Encodable {
        var line: Int
        var keys: [String]
        var tags: OrNull<String>
        var bodySize: Int
        /// Properties sent (KEYS, TAGS and UNIQ_KEY included).
        var properties: Int
        /// planned, sent or failed.
        var result: String
        var msgId: OrNull<String>
        var error: OrNull<String>
    }

    var topic: String
    var executed = false
    var sent = 0
    var failed = 0
    var lines: [Line]

    init(topic: String, messages: [(line: Int, message: Message)]) {
        self.topic = topic
        lines = messages.map { entry in
            let m = entry.message
            return Line(
                line: entry.line, keys: m.keys, tags: OrNull(m.tags), bodySize: m.body.readableBytes,
                properties: m.properties.count, result: "planned", msgId: OrNull(m.properties.uniqueKey),
                error: OrNull(nil))
        }
    }

    mutating func record(_ index: Int, sent msgId: String) {
        executed = true
        lines[index].result = "sent"
        lines[index].msgId = OrNull(msgId)
        sent += 1
    }

    mutating func record(_ index: Int, error: String) {
        executed = true
        lines[index].result = "failed"
        lines[index].error = OrNull(error)
        failed += 1
    }

    func table() -> String {
        var t = TextTable("Line", "Keys", "Tags", "Body Bytes", "Properties", "Result")
        for l in lines {
            let result: String
            switch l.result {
            case "planned": result = "would send to \(topic)"
            case "sent": result = "ok " + (l.msgId.value ?? "")
            default: result = "failed: " + (l.error.value ?? "")
            }
            t.add(
                String(l.line), l.keys.isEmpty ? "-" : l.keys.joined(separator: " "), l.tags.value ?? "-",
                String(l.bodySize), String(l.properties), result)
        }
        var text = t.render(trimmingTrailingSpaces: true)
        if executed { text += "sent \(sent), failed \(failed) to \(topic)\n" }
        return text
    }
}

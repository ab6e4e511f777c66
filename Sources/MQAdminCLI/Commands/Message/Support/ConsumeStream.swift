import Foundation
import MQClient
import MQProtocol
import Synchronization
import UnixSignals

/// How `message consume` prints: each message on one line as it arrives (a table row, or under `-o json` one
/// JSON object: JSON Lines), then one closing summary (docs/json/messages.md).
final class ConsumeStream: Sendable {
    let format: OutputFormat
    let bodyFormat: BodyFormat?
    let names: BrokerNames
    /// Captured once: messages arrive on the consumer's own tasks, which may not carry the command's console.
    let console: Console
    /// The command's display zone, captured for the same reason (`TimeFormat.zone` is task-local).
    let zone: LazyZone
    private let headerPrinted = Mutex(false)

    init(format: OutputFormat, bodyFormat: BodyFormat?, names: BrokerNames, console: Console) {
        self.format = format
        self.bodyFormat = bodyFormat
        self.names = names
        self.console = console
        self.zone = TimeFormat.display
    }

    /// Column widths of the streamed table: rows print before the longest value is known.
    static let columns: [(title: String, width: Int, right: Bool)] = [
        ("BROKER", 10, false), ("QUEUE", 5, true), ("OFFSET", 8, true), ("MSG ID", 32, false), ("TAGS", 8, false),
        ("KEYS", 10, false), ("STORED", 24, false), ("BODY", 0, false),
    ]

    func print(_ m: MessageExt) {
        TimeFormat.$display.withValue(zone) { printInZone(m) }
    }

    private func printInZone(_ m: MessageExt) {
        let view = MessageView(m, broker: names.name(m.storeHost), bodyIsStored: false)
        switch format {
        case .json:
            console.write(Emit.line(MessageJSON(view, format: bodyFormat)))
        case .table:
            let header = headerPrinted.withLock { printed in
                defer { printed = true }
                return printed ? "" : Self.line(Self.columns.map(\.title))
            }
            console.write(header + Self.line(row(view)))
        }
    }

    func row(_ v: MessageView) -> [String] {
        let m = v.message
        var body = v.bodyString(bodyFormat).replacingOccurrences(of: "\n", with: "\\n")
        if body.count > 60 { body = String(body.prefix(57)) + "..." }
        return [
            v.broker ?? m.storeHost.description, String(m.queueId), String(m.queueOffset), m.msgId, m.tags ?? "-",
            m.keys.joined(separator: " "), TimeFormat.iso(m.storeTimestamp), body,
        ]
    }

    static func line(_ cells: [String]) -> String {
        var out = ""
        for (cell, column) in zip(cells, columns) {
            let pad = String(repeating: " ", count: max(0, column.width - cell.count))
            out += (column.right ? pad + cell : cell + pad) + "  "
        }
        return out.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
    }

    /// What follows the rows: the commits, or why there were none.
    static func ending(_ s: ConsumeSummary, committing: Bool) -> String {
        var out = s.count == 0 ? "no messages to consume\n" : ""
        if !committing {
            out += "\noffsets not committed (--no-commit)\n"
        } else if !s.commits.isEmpty {
            out +=
                "\ncommitted: "
                + s.commits.map { "\($0.queue.brokerName)/\($0.queue.queueId)=\($0.offset)" }.joined(separator: " ")
                + "\n"
        }
        return out
    }
}

/// The summary line closing `message consume -o json`.
struct ConsumeSummaryJSON: Encodable {
    struct Commit: Encodable {
        var broker: String
        var queueId: Int32
        var offset: Int64
    }
    var topic: String
    var group: String
    var from: String
    var count: Int
    /// Why it stopped: count, idle or interrupted.
    var ended: String
    var commits: [Commit]
}

/// The id `message consume` is a member of its group as: says it is mqadmin, where and which process.
enum MemberIdentity {
    private static let issued = Mutex(0)

    /// `mqadmin@HOST@PID`; `#N` is added from the second member of one process (tests run several at once).
    static func next() -> String {
        let n = issued.withLock { count in
            count += 1
            return count
        }
        var name = [CChar](repeating: 0, count: 256)
        let host =
            gethostname(&name, name.count) == 0
            ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "localhost"
        let base = "mqadmin@\(host)@\(getpid())"
        return n == 1 ? base : "\(base)#\(n)"
    }
}

/// Runs `body` until it returns or SIGINT/SIGTERM arrives, which cancel it; `body` treats cancellation as "stop
/// cleanly" and returns. In the REPL, Ctrl-C cancels the command's task instead, which takes the same path.
enum UntilSignalled {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                for await _ in signals { return nil }
                return nil
            }
            while let next = try await group.next() {
                if let value = next {
                    group.cancelAll()
                    return value
                }
                group.cancelAll()
            }
            throw CancellationError()
        }
    }
}

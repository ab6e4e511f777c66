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
            begin: try begin.map { try TimeArgument.require($0, option: "-b") } ?? 0,
            end: try end.map { try TimeArgument.require($0, option: "-e") } ?? .max, maxNum: maxNum)
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

/// The text `queryMsgTraceById` prints.
enum ClassicTraceText {
    static let format = "%-10s %-20s %-20s %-20s %-10s %-10s%n"

    /// Pub blocks in the order found, then SubAfter rows grouped by consumer group in the order a
    /// Java `HashMap<String, List>(16)` iterates them. Times `yyyy-MM-dd HH:mm:ss` (local); the client
    /// host is the IP the trace message came from. A SubAfter without a time (AccessChannel CLOUD)
    /// shows its SubBefore's time (Java shows the query time, `now`, when there is none).
    static func render(_ t: MessageTrace, now: Int64) -> String {
        var out = ""
        var groups: [String: [String]] = [:]
        var order: [String] = []
        var beforeTime: [String: Int64] = [:]
        var beforeGroup: [String: String] = [:]
        for f in t.records {
            if case .subBefore(let b) = f.record {
                beforeTime[b.requestId] = b.timestamp
                beforeGroup[b.requestId] = b.group
            }
        }
        for f in t.records {
            let host = f.source.bornHost.hostString
            switch f.record {
            case .pub(let p):
                out += JavaFormat.format(
                    format, ["#Type", "#ProducerGroup", "#ClientHost", "#SendTime", "#CostTimes", "#Status"])
                out += JavaFormat.format(
                    format,
                    [
                        "Pub", p.group, host, TimeFormat.seconds(p.timestamp), "\(p.costTime)ms",
                        p.success ? "success" : "failed",
                    ])
                out += "\n"
            case .subAfter(let a):
                let group = a.group ?? beforeGroup[a.requestId] ?? ""
                let time = a.timestamp ?? beforeTime[a.requestId] ?? now
                if groups[group] == nil { order.append(group) }
                groups[group, default: []].append(
                    JavaFormat.format(
                        format,
                        [
                            "Sub", group, host, TimeFormat.seconds(time), "\(a.costTime)ms",
                            a.success ? "success" : "failed",
                        ]))
            default:
                break
            }
        }
        for group in JavaHashMapOrder.keys(order, initialCapacity: 16) {
            out += JavaFormat.format(
                format, ["#Type", "#ConsumerGroup", "#ClientHost", "#ConsumerTime", "#CostTimes", "#Status"])
            out += (groups[group] ?? []).joined()
            out += "\n"
        }
        return out
    }
}

/// The iteration order of a Java `HashMap<String, ?>` given its keys in insertion order: by bucket
/// (`(h ^ h >>> 16) & (capacity - 1)` at the final table size), insertion order within a bucket.
enum JavaHashMapOrder {
    static func keys(_ inserted: [String], initialCapacity: Int) -> [String] {
        var capacity = initialCapacity
        while inserted.count > capacity * 3 / 4 { capacity *= 2 }
        return inserted.enumerated().sorted { a, b in
            let (x, y) = (bucket(a.element, capacity), bucket(b.element, capacity))
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    static func bucket(_ key: String, _ capacity: Int) -> Int {
        let h = UInt32(bitPattern: JavaHash.hashCode(key))
        return Int((h ^ (h >> 16)) & UInt32(capacity - 1))
    }
}

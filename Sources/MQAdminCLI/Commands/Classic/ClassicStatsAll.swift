import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// Apache's `statsAll`: per topic and consuming group, the backlog and the put / get rates and day totals the
/// brokers counted (VIEW_BROKER_STATS_DATA TOPIC_PUT_NUMS and GROUP_GET_NUMS).
struct ClassicStatsAll: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statsAll",
        abstract: "Topic and Consumer tps stats.",
        discussion: """
            Retry and DLQ topics are left out, as in Apache. Topics are printed in name order and a topic whose \
            route or statistics cannot be read is skipped silently (Apache does the same; its order is that of \
            a Java hash set).
            """
    )

    @Flag(name: [.customShort("a"), .customLong("activeTopic")], help: "print active topic only")
    var activeTopic = false
    @Option(name: [.customShort("t"), .customLong("topic")], help: "print select topic only",
        completion: .custom(LiveNames.topics))
    var topic: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    /// `--output json`: one row per topic and group; a topic nobody consumes has null group and out fields.
    struct View: Encodable {
        struct Row: Encodable {
            var topic: String
            var group: OrNull<String>
            var accumulation: Int64
            var inTps: Double
            var outTps: OrNull<Double>
            var inMsg24Hour: Int64
            var outMsg24Hour: OrNull<Int64>
        }

        var rows: [Row]

        init(_ rows: [StatsAllRow]) {
            self.rows = rows.map {
                Row(
                    topic: $0.topic, group: OrNull($0.group), accumulation: $0.accumulation, inTps: $0.inTps,
                    outTps: OrNull($0.outTps), inMsg24Hour: $0.inMsg24Hour, outMsg24Hour: OrNull($0.outMsg24Hour))
            }
        }
    }

    func run() async throws {
        let rows = try await Session.withClient(connection) { client in
            var rows: [StatsAllRow] = []
            for name in try await client.allTopics() where Self.listed(name, only: topic) {
                guard let found = try? await client.statsAll(topic: name) else { continue }
                rows += found.filter { !activeTopic || Self.isActive($0) }
            }
            return rows
        }
        Emit.output(View(rows), format: output.output) { Self.layout(rows) }
    }

    static func listed(_ name: String, only selected: String?) -> Bool {
        if name.hasPrefix(SystemTopics.retryPrefix) || name.hasPrefix(SystemTopics.dlqPrefix) { return false }
        if let selected, !selected.isEmpty { return name == selected }
        return true
    }

    /// `-a`: Apache prints a row when the topic took messages today or the group got some.
    static func isActive(_ row: StatsAllRow) -> Bool { row.inMsg24Hour > 0 || (row.outMsg24Hour ?? 0) > 0 }

    static let header = JavaFormat.format(
        "%-64s  %-64s %12s %11s %11s %14s %14s%n",
        ["#Topic", "#Consumer Group", "#Accumulation", "#InTPS", "#OutTPS", "#InMsg24Hour", "#OutMsg24Hour"])

    static func layout(_ rows: [StatsAllRow]) -> String {
        var out = header
        for r in rows {
            let line = "%-64s  %-64s %12s %11s %11s %14s %14s%n"
            out += JavaFormat.format(
                line,
                [
                    Printf.front(r.topic, 64), Printf.front(r.group ?? "", 64), String(r.accumulation),
                    twoDecimals(r.inTps), r.outTps.map(twoDecimals) ?? "", String(r.inMsg24Hour),
                    r.outMsg24Hour.map { String($0) } ?? "NO_CONSUMER",
                ])
        }
        return out
    }

    /// Java's `%.2f`: half up on the shortest decimal form of the double (0.125 → 0.13, where C gives 0.12).
    static func twoDecimals(_ v: Double) -> String {
        guard v.isFinite, var exact = Decimal(string: "\(v)") else { return String(format: "%.2f", v) }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 2, .plain)
        return String(format: "%.2f", NSDecimalNumber(decimal: rounded).doubleValue)
    }
}

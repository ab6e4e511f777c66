import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `brokerConsumeStats`: one line per group and queue of a broker that has consumed something
/// (last timestamp > 0) and lags at least `-l`, then `Diff Total`.
struct ClassicBrokerConsumeStats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brokerConsumeStats", abstract: "Fetch consume stats data of a broker (Apache's layout).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "Broker address") var brokerAddr: String
    @Option(name: [.customShort("t"), .customLong("timeoutMillis")], help: "request timeout Millis")
    var timeoutMillis: Int64 = 50000
    @Option(name: [.customShort("l"), .customLong("level")], help: "threshold of print diff") var level: Int64 = 0
    @Option(name: [.customShort("o"), .customLong("order")], help: "order topic") var order = "false"

    struct Row: Encodable, Sendable {
        var topic: String
        var group: String
        var broker: String
        var queueId: Int32
        var brokerOffset: Int64
        var consumerOffset: Int64
        var diff: Int64
        var lastTimestamp: Int64
    }

    struct View: Encodable, Sendable {
        var brokerAddr: String
        var rows: [Row]
        var totalDiff: Int64
    }

    func validate() throws {
        guard timeoutMillis > 0 else { throw ValidationError("-t/--timeoutMillis must be a positive number") }
    }

    func run() async throws {
        let isOrder = order.trimmingCharacters(in: .whitespaces).lowercased() == "true"
        let list = try await Session.withClient(connection) {
            try await $0.brokerConsumeStats(broker: brokerAddr, isOrder: isOrder, timeout: .milliseconds(timeoutMillis))
        }
        var rows: [Row] = []
        for entry in list.consumeStatsList {
            for (group, perTopic) in entry {
                for stats in perTopic {
                    let queues = stats.offsetTable.entries.sorted {
                        ($0.queue.topic, $0.queue.brokerName, $0.queue.queueId)
                            < ($1.queue.topic, $1.queue.brokerName, $1.queue.queueId)
                    }
                    for (q, w) in queues {
                        let diff = w.brokerOffset - w.consumerOffset
                        guard diff >= level, w.lastTimestamp > 0 else { continue }
                        rows.append(
                            Row(
                                topic: q.topic, group: group, broker: q.brokerName, queueId: q.queueId,
                                brokerOffset: w.brokerOffset, consumerOffset: w.consumerOffset, diff: diff,
                                lastTimestamp: w.lastTimestamp))
                    }
                }
            }
        }
        let view = View(brokerAddr: brokerAddr, rows: rows, totalDiff: list.totalDiff)
        Emit.output(view, format: output.output) { Self.layout(view) }
    }

    static func layout(_ view: View) -> String {
        var out = JavaFormat.format(
            "%-64s  %-64s  %-32s  %-4s  %-20s  %-20s  %-20s  %s%n",
            ["#Topic", "#Group", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff", "#LastTime"])
        for r in view.rows {
            out += JavaFormat.format(
                "%-64s  %-64s  %-32s  %-4d  %-20d  %-20d  %-20d  %s%n",
                [
                    Printf.front(r.topic, 64), r.group, Printf.front(r.broker, 32), String(r.queueId),
                    String(r.brokerOffset), String(r.consumerOffset), String(r.diff),
                    TimeFormat.seconds(r.lastTimestamp),
                ])
        }
        return out + "\nDiff Total: \(view.totalDiff)\n"
    }
}

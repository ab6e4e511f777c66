import MQClient
import MQProtocol

/// `backlog report -o prometheus`: the text exposition format, one HELP/TYPE block per metric. Every sample
/// carries `cluster` and `namesrv` labels naming the target, so one Prometheus can scrape several clusters.
enum BacklogPrometheus {
    static func render(_ r: BacklogReport, queues: Bool, target: ReportTarget?) -> String {
        var out = ""
        let targetPairs = targetLabels(target)
        func family(_ name: String, _ help: String, _ samples: [(labels: [(String, String)], value: String)]) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for s in samples { out += name + labels(targetPairs + s.labels) + " " + s.value + "\n" }
        }
        func rowLabels(_ row: BacklogRow) -> [(String, String)] { [("group", row.group), ("topic", row.topic)] }
        family(
            "rocketmq_consumer_lag_messages", "Messages not yet consumed: broker max offset minus committed offset.",
            r.rows.map { (rowLabels($0), String($0.lag)) })
        family(
            "rocketmq_consumer_lag_seconds", "Age of the oldest unconsumed message (absent when unknown).",
            r.rows.compactMap { row in row.lagMillis.map { (rowLabels(row), seconds($0)) } })
        family(
            "rocketmq_consumer_broker_offset", "Sum of the queues' max offsets.",
            r.rows.map { (rowLabels($0), String($0.brokerOffset)) })
        family(
            "rocketmq_consumer_committed_offset", "Sum of the group's committed offsets.",
            r.rows.map { (rowLabels($0), String($0.committedOffset)) })
        family(
            "rocketmq_consumer_lost_messages", "Messages deleted by retention before the group consumed them.",
            r.rows.map { (rowLabels($0), String($0.lostMessages)) })
        family(
            "rocketmq_consumer_inflight_messages",
            "Messages delivered and not yet committed (a POP group's received and not acked).",
            r.rows.map { (rowLabels($0), String($0.inflight)) })
        family(
            "rocketmq_consumer_consume_tps", "Messages per second delivered to the group over the last minute.",
            r.rows.map { (rowLabels($0), number($0.consumeTps)) })
        family(
            "rocketmq_consumer_online_consumers", "Online consumer clients of the group.",
            r.rows.map { (rowLabels($0), String($0.consumers)) })
        family(
            "rocketmq_consumer_status", "1 for the group's current status on the topic, 0 for the others.",
            r.rows.flatMap { row in
                BacklogStatus.allCases.map {
                    (rowLabels(row) + [("status", $0.rawValue)], row.status == $0 ? "1" : "0")
                }
            })
        if queues {
            let all = r.rows.flatMap { row in row.queues.map { (row, $0) } }
            func queueLabels(_ row: BacklogRow, _ q: BacklogQueueRow) -> [(String, String)] {
                rowLabels(row) + [("broker", q.queue.brokerName), ("queue", String(q.queue.queueId))]
            }
            family(
                "rocketmq_consumer_queue_lag_messages", "Messages not yet consumed in one queue.",
                all.map { (queueLabels($0.0, $0.1), String($0.1.lag)) })
            family(
                "rocketmq_consumer_queue_lag_seconds", "Age of the oldest unconsumed message in one queue.",
                all.compactMap { row, q in q.lagMillis.map { (queueLabels(row, q), seconds($0)) } })
        }
        let brokers = Set(r.retentionHours.keys).union(r.failures.map(\.broker)).sorted()
        family(
            "rocketmq_backlog_broker_up", "1 when the broker answered this report's requests, 0 when it did not.",
            brokers.map { b in ([("broker", b)], r.failures.contains { $0.broker == b } ? "0" : "1") })
        return out
    }

    /// `cluster` (the clusters, comma-separated) and `namesrv` (the name servers, or `bundled:DIR`).
    static func targetLabels(_ target: ReportTarget?) -> [(String, String)] {
        guard let target else { return [] }
        let namesrv = target.nameServers?.joined(separator: ";") ?? "bundled:\(target.dataDirectory ?? "")"
        return [("cluster", target.clusters.joined(separator: ",")), ("namesrv", namesrv)]
    }

    static func labels(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",") + "}"
    }

    /// Label values escape backslash, double quote and newline.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x5C || $0 == 0x22 || $0 == 0x0A }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func seconds(_ millis: Int64) -> String { number(Double(millis) / 1000) }

    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}

import MQClient
import MQProtocol

/// The people's view of a backlog report: one aligned row per group and topic (or per queue).
enum BacklogText {
    static func render(_ r: BacklogReport, queues: Bool) -> String {
        if r.rows.isEmpty {
            return "no consumer groups with committed offsets or online consumers\n" + footer(r)
        }
        var out = queues ? queueTable(r) : rowTable(r)
        out += footer(r)
        return out
    }

    private static func rowTable(_ r: BacklogReport) -> String {
        let notes = r.rows.contains { !$0.reasons.isEmpty }
        var columns: [TextTable.Column] = [
            .init("GROUP"), .init("TOPIC"), .init("MAX-OFFSET", .right), .init("COMMITTED", .right),
            .init("LAG", .right), .init("LAG-TIME", .right), .init("TPS", .right), .init("CONSUMERS", .right),
            .init("STATUS"),
        ]
        if notes { columns.append(.init("NOTE")) }
        var t = TextTable(columns)
        for row in r.rows {
            var cells = [
                row.group, row.topic, String(row.brokerOffset), String(row.committedOffset), String(row.lag),
                TimeFormat.lag(millis: row.lagMillis), String(format: "%.2f", row.consumeTps), String(row.consumers),
                row.status.rawValue,
            ]
            if notes { cells.append(row.reasons.joined(separator: "; ")) }
            t.add(cells)
        }
        return t.render(trimmingTrailingSpaces: true)
    }

    private static func queueTable(_ r: BacklogReport) -> String {
        let notes = r.rows.contains { $0.queues.contains { !$0.reasons.isEmpty } }
        var columns: [TextTable.Column] = [
            .init("GROUP"), .init("TOPIC"), .init("BROKER"), .init("QUEUE", .right), .init("MIN-OFFSET", .right),
            .init("MAX-OFFSET", .right), .init("COMMITTED", .right), .init("LAG", .right), .init("LAG-TIME", .right),
            .init("STATUS"),
        ]
        if notes { columns.append(.init("NOTE")) }
        var t = TextTable(columns)
        for row in r.rows {
            for q in row.queues {
                var cells = [
                    row.group, row.topic, q.queue.brokerName, String(q.queue.queueId),
                    q.minOffset.map(String.init) ?? "-",
                    String(q.brokerOffset), String(q.committedOffset), String(q.lag),
                    TimeFormat.lag(millis: q.lagMillis), q.status.rawValue,
                ]
                if notes { cells.append(q.reasons.joined(separator: "; ")) }
                t.add(cells)
            }
        }
        return t.render(trimmingTrailingSpaces: true)
    }

    private static func footer(_ r: BacklogReport) -> String {
        let groups = Set(r.rows.map(\.group)).count
        var out =
            "\nTotal: \(r.totalLag) messages behind over \(groups) group(s) and \(r.rows.count) group/topic row(s)"
        if let age = r.maxLagMillis, r.totalLag > 0 { out += "; oldest unconsumed \(TimeFormat.duration(millis: age))" }
        out += String(format: "; consuming %.2f msg/s\n", r.totalConsumeTps)
        out +=
            "Status: "
            + BacklogStatus.allCases.reversed().map { "\(r.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        out += "\n"
        if let w = r.windowMillis {
            out += "Sampled twice, \(TimeFormat.duration(millis: w)) apart (STALLED = committed offset did not move)\n"
        } else {
            out += "One sample (no group with online consumers was behind, or --window 0)\n"
        }
        return out
    }
}

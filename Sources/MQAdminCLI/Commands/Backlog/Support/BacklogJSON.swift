import Foundation
import MQClient
import MQProtocol

/// The JSON shape of `backlog report` (docs/json/messages.md), version `mqadmin.backlog/v1`.
struct BacklogJSON: Encodable {
    struct Window: Encodable {
        var millis: OrNull<Int64>
        var samples: Int
    }
    struct Filters: Encodable {
        var group: OrNull<String>
        var topic: OrNull<String>
    }
    struct Queue: Encodable {
        var broker: String
        var queueId: Int32
        var brokerOffset: Int64
        var committedOffset: Int64
        var neverCommitted: Bool
        var minOffset: OrNull<Int64>
        var lag: Int64
        var inflight: Int64
        var lostMessages: Int64
        var lagMillis: OrNull<Int64>
        var lagMillisReason: OrNull<String>
        var oldestUnconsumedTimestamp: OrNull<Int64>
        var committedMoved: OrNull<Bool>
        var status: String
        var reasons: [String]
    }
    struct Row: Encodable {
        var group: String
        var topic: String
        var brokers: [String]
        var brokerOffset: Int64
        var committedOffset: Int64
        var lag: Int64
        /// Delivered and not yet committed (for a POP group: received, not acked).
        var inflight: Int64
        var lostMessages: Int64
        var lagMillis: OrNull<Int64>
        var lagMillisReason: OrNull<String>
        var oldestUnconsumedTimestamp: OrNull<Int64>
        var oldestUnconsumedTime: OrNull<String>
        var consumeTps: Double
        var consumers: Int
        var status: String
        var reasons: [String]
        var queues: [Queue]?
    }
    struct Totals: Encodable {
        var rows: Int
        var groups: Int
        var lag: Int64
        var maxLagMillis: OrNull<Int64>
        var consumeTps: Double
        var byStatus: [String: Int]
    }
    struct Retention: Encodable {
        var broker: String
        var fileReservedTimeHours: OrNull<Double>
    }
    struct Thresholds: Encodable {
        var lagOver: OrNull<Int64>
        var ageOverMillis: OrNull<Int64>
        var exceeded: [String]
    }

    var schema = "mqadmin.backlog/v1"
    var generatedAt: Int64
    var generatedAtIso: String
    var window: Window
    var filters: Filters
    var rows: [Row]
    var totals: Totals
    var retention: [Retention]
    var failures: [BacklogFailure]
    var thresholds: Thresholds

    init(_ r: BacklogReport, group: String?, topic: String?, queues: Bool, thresholds: BacklogThresholds) {
        generatedAt = r.generatedAt
        generatedAtIso = TimeFormat.iso(r.generatedAt)
        let isoTime = TimeFormat.isoWriter()
        window = Window(millis: OrNull(r.windowMillis), samples: r.windowMillis == nil ? 1 : 2)
        filters = Filters(group: OrNull(group), topic: OrNull(topic))
        rows = r.rows.map { row in
            Row(
                group: row.group, topic: row.topic, brokers: row.brokers, brokerOffset: row.brokerOffset,
                committedOffset: row.committedOffset, lag: row.lag, inflight: row.inflight,
                lostMessages: row.lostMessages,
                lagMillis: OrNull(row.lagMillis), lagMillisReason: OrNull(row.lagUnknownReason),
                oldestUnconsumedTimestamp: OrNull(row.oldestUnconsumedTimestamp),
                oldestUnconsumedTime: OrNull(row.oldestUnconsumedTimestamp.map(isoTime)),
                consumeTps: row.consumeTps, consumers: row.consumers, status: row.status.rawValue,
                reasons: row.reasons, queues: queues ? row.queues.map(Self.queue) : nil)
        }
        var byStatus: [String: Int] = [:]
        for s in BacklogStatus.allCases { byStatus[s.rawValue] = r.count(s) }
        totals = Totals(
            rows: r.rows.count, groups: Set(r.rows.map(\.group)).count, lag: r.totalLag,
            maxLagMillis: OrNull(r.maxLagMillis), consumeTps: r.totalConsumeTps, byStatus: byStatus)
        retention = r.retentionHours.keys.sorted().map {
            Retention(broker: $0, fileReservedTimeHours: OrNull(r.retentionHours[$0] ?? nil))
        }
        failures = r.failures
        self.thresholds = Thresholds(
            lagOver: OrNull(thresholds.lagOver), ageOverMillis: OrNull(thresholds.ageOverMillis),
            exceeded: thresholds.exceeded(r))
    }

    static func queue(_ q: BacklogQueueRow) -> Queue {
        Queue(
            broker: q.queue.brokerName, queueId: q.queue.queueId, brokerOffset: q.brokerOffset,
            committedOffset: q.committedOffset, neverCommitted: q.neverCommitted, minOffset: OrNull(q.minOffset),
            lag: q.lag, inflight: q.inflight, lostMessages: q.lostMessages,
            lagMillis: OrNull(q.lagMillis), lagMillisReason: OrNull(q.lagUnknownReason),
            oldestUnconsumedTimestamp: OrNull(q.oldestUnconsumedTimestamp), committedMoved: OrNull(q.moved),
            status: q.status.rawValue, reasons: q.reasons)
    }
}

/// `--fail-if-lag-over` / `--fail-if-age-over`: which rows exceed them.
struct BacklogThresholds: Sendable {
    var lagOver: Int64?
    var ageOverMillis: Int64?

    /// One line per exceeded threshold and row.
    func exceeded(_ r: BacklogReport) -> [String] {
        var out: [String] = []
        for row in r.rows {
            if let limit = lagOver, row.lag > limit {
                out.append("\(row.group) on \(row.topic): lag \(row.lag) messages > \(limit)")
            }
            if let limit = ageOverMillis, let age = row.lagMillis, age > limit {
                out.append(
                    "\(row.group) on \(row.topic): oldest unconsumed message \(TimeFormat.duration(millis: age)) old "
                        + "> \(TimeFormat.duration(millis: limit))")
            }
        }
        return out
    }
}

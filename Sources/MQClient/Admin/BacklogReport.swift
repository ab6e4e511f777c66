import MQProtocol

/// How a group stands on a topic (or one queue), worst first: AT_RISK, NO_CONSUMERS, STALLED,
/// LAGGING, OK.
public enum BacklogStatus: String, Sendable, CaseIterable, Codable {
    /// Unconsumed messages were deleted by retention, are next in line for deletion, or are close to
    /// the broker's retention age.
    case atRisk = "AT_RISK"
    /// No consumer of the group is online.
    case noConsumers = "NO_CONSUMERS"
    /// Behind, and the committed offset did not move over the sample window.
    case stalled = "STALLED"
    /// Behind and moving (or only one sample was taken).
    case lagging = "LAGGING"
    /// Caught up.
    case ok = "OK"
}

/// One queue of a backlog row.
public struct BacklogQueueRow: Sendable {
    public var queue: MessageQueue
    public var brokerOffset: Int64
    public var committedOffset: Int64
    public var minOffset: Int64?
    /// The group never committed here; lag counts the messages still stored.
    public var neverCommitted: Bool
    /// Messages not yet consumed (broker offset − committed offset, never negative; where the group
    /// never committed, the messages still stored).
    public var lag: Int64
    /// Delivered, not yet committed (`BacklogQueueSample.inflight`).
    public var inflight: Int64
    /// Messages deleted by retention before the group consumed them (min offset − committed offset).
    public var lostMessages: Int64
    /// Now − store time of the oldest unconsumed message; nil when unknowable (see `lagUnknownReason`).
    public var lagMillis: Int64?
    public var lagUnknownReason: String?
    public var oldestUnconsumedTimestamp: Int64?
    /// Whether the committed offset changed over the window; nil with a single sample.
    public var moved: Bool?
    public var status: BacklogStatus
    public var reasons: [String]
}

/// A group's backlog on one topic, over all brokers and queues.
public struct BacklogRow: Sendable {
    public var group: String
    public var topic: String
    public var brokers: [String]
    public var brokerOffset: Int64
    public var committedOffset: Int64
    public var lag: Int64
    /// Σ of the queues' in-flight messages.
    public var inflight: Int64
    public var lostMessages: Int64
    /// The age of the oldest unconsumed message over the row's queues; nil when none is known.
    public var lagMillis: Int64?
    public var lagUnknownReason: String?
    public var oldestUnconsumedTimestamp: Int64?
    public var consumeTps: Double
    public var consumers: Int
    public var status: BacklogStatus
    public var reasons: [String]
    public var queues: [BacklogQueueRow]
}

/// The backlog of every group and topic, evaluated from one or two samples.
public struct BacklogReport: Sendable {
    public var generatedAt: Int64
    /// Time between the two samples; nil when only one was taken.
    public var windowMillis: Int64?
    public var rows: [BacklogRow]
    /// `fileReservedTime` (hours) per broker; nil when unknown.
    public var retentionHours: [String: Double?]
    public var failures: [BacklogFailure]

    /// Σ lag over rows.
    public var totalLag: Int64 { rows.reduce(0) { $0 + $1.lag } }
    /// The oldest unconsumed message over all rows.
    public var maxLagMillis: Int64? { rows.compactMap(\.lagMillis).max() }
    public var totalConsumeTps: Double { rows.reduce(0) { $0 + $1.consumeTps } }
    public func count(_ status: BacklogStatus) -> Int { rows.filter { $0.status == status }.count }

    /// Whether a second sample can change a status: some group with online consumers is behind.
    public static func needsSecondSample(_ sample: BacklogSample) -> Bool {
        sample.queues.contains { $0.committedOffset < $0.brokerOffset && (sample.onlineConsumers[$0.group] ?? 0) > 0 }
    }

    /// Evaluates `latest`; with `previous` (taken earlier) STALLED can be told from LAGGING.
    /// `riskMarginMillis`: a message this close to the broker's retention age counts as at risk
    /// (default 20% of the retention).
    public static func build(
        latest: BacklogSample, previous: BacklogSample?, riskMarginMillis: Int64? = nil
    )
        -> BacklogReport
    {
        let window = previous.map { latest.takenAt - $0.takenAt }
        var before: [QueueKey: Int64] = [:]
        for q in previous?.queues ?? [] { before[QueueKey(group: q.group, queue: q.queue)] = q.committedOffset }
        var byRow: [BacklogSample.GroupTopic: [BacklogQueueRow]] = [:]
        for q in latest.queues {
            let consumers = latest.onlineConsumers[q.group] ?? 0
            let retention = latest.retentionHours[q.queue.brokerName] ?? nil
            let moved =
                previous == nil ? nil : before[QueueKey(group: q.group, queue: q.queue)].map { $0 != q.committedOffset }
            let row = evaluate(
                q, now: latest.takenAt, consumers: consumers, retentionHours: retention, margin: riskMarginMillis,
                moved: moved ?? (previous == nil ? nil : true), windowMillis: window)
            byRow[BacklogSample.GroupTopic(group: q.group, topic: q.queue.topic), default: []].append(row)
        }
        let rows = byRow.map { key, queues in
            aggregate(
                key, queues: queues.sorted { $0.queue < $1.queue }, consumers: latest.onlineConsumers[key.group] ?? 0,
                tps: latest.consumeTps[key] ?? 0, windowMillis: window)
        }.sorted { ($1.lag, $0.group, $0.topic) < ($0.lag, $1.group, $1.topic) }
        return BacklogReport(
            generatedAt: latest.takenAt, windowMillis: window, rows: rows, retentionHours: latest.retentionHours,
            failures: latest.failures)
    }

    struct QueueKey: Hashable {
        var group: String
        var queue: MessageQueue
    }

    static func evaluate(
        _ q: BacklogQueueSample, now: Int64, consumers: Int, retentionHours: Double?, margin: Int64?, moved: Bool?,
        windowMillis: Int64?
    ) -> BacklogQueueRow {
        // Where the group never committed nothing was lost to retention: count what is still stored.
        let start = q.neverCommitted ? max(q.committedOffset, q.minOffset ?? 0) : q.committedOffset
        let lag = max(0, q.brokerOffset - start)
        let lost = q.neverCommitted ? 0 : q.minOffset.map { max(0, $0 - q.committedOffset) } ?? 0
        var lagMillis: Int64?
        var unknown: String?
        if lag == 0 {
            lagMillis = 0
        } else if lost > 0 {
            unknown = "the message at the committed offset was deleted by retention"
        } else if let next = q.nextTimestamp, next > 0 {
            lagMillis = max(0, now - next)
        } else {
            unknown = "the broker did not report the store time of the message at the committed offset"
        }
        var reasons: [String] = []
        let place = "\(q.queue.brokerName) queue \(q.queue.queueId)"
        if lost > 0 {
            reasons.append("\(lost) messages on \(place) were deleted by retention before being consumed")
        } else if lag > 0, !q.neverCommitted, let min = q.minOffset, min > 0, q.committedOffset == min {
            reasons.append(
                "the next unconsumed message on \(place) is the oldest one stored; retention deletes it next")
        }
        if lag > 0, lost == 0, !q.neverCommitted, let age = lagMillis, let hours = retentionHours, hours > 0 {
            let retention = Int64(hours * 3_600_000)
            if age >= retention - (margin ?? retention / 5) {
                reasons.append(
                    "the oldest unconsumed message on \(place) is \(describe(millis: age)) old; "
                        + "\(q.queue.brokerName) deletes messages after \(describe(hours: hours))")
            }
        }
        let atRisk = !reasons.isEmpty
        let status: BacklogStatus
        if atRisk {
            status = .atRisk
        } else if consumers == 0 {
            status = .noConsumers
            if lag > 0 { reasons.append("no consumer of the group is online") }
        } else if lag == 0 {
            status = .ok
        } else if moved == false {
            status = .stalled
            reasons.append("the committed offset did not move in \(describe(millis: windowMillis ?? 0))")
        } else {
            status = .lagging
        }
        return BacklogQueueRow(
            queue: q.queue, brokerOffset: q.brokerOffset, committedOffset: q.committedOffset, minOffset: q.minOffset,
            neverCommitted: q.neverCommitted, lag: lag, inflight: q.inflight, lostMessages: lost, lagMillis: lagMillis,
            lagUnknownReason: unknown,
            oldestUnconsumedTimestamp: lag > 0 ? q.nextTimestamp : nil, moved: moved, status: status, reasons: reasons)
    }

    static func aggregate(
        _ key: BacklogSample.GroupTopic, queues: [BacklogQueueRow], consumers: Int, tps: Double, windowMillis: Int64?
    ) -> BacklogRow {
        let lag = queues.reduce(0) { $0 + $1.lag }
        let lagging = queues.filter { $0.lag > 0 }
        let known = lagging.compactMap(\.lagMillis)
        let lagMillis: Int64? = lag == 0 ? 0 : known.max()
        let unknown = lagMillis == nil ? lagging.compactMap(\.lagUnknownReason).first : nil
        let oldest = lagging.compactMap(\.oldestUnconsumedTimestamp).min()
        var reasons: [String] = []
        let status: BacklogStatus
        if queues.contains(where: { $0.status == .atRisk }) {
            status = .atRisk
            reasons = queues.filter { $0.status == .atRisk }.flatMap(\.reasons)
            if consumers == 0 { reasons.append("no consumer of the group is online") }
        } else if consumers == 0 {
            status = .noConsumers
            reasons = ["no consumer of the group is online"]
        } else if lag == 0 {
            status = .ok
        } else if queues.allSatisfy({ $0.moved == false }) {
            status = .stalled
            reasons = [
                "the committed offset did not move in \(describe(millis: windowMillis ?? 0)) while \(lag) messages wait"
            ]
        } else {
            status = .lagging
        }
        return BacklogRow(
            group: key.group, topic: key.topic, brokers: Array(Set(queues.map(\.queue.brokerName))).sorted(),
            brokerOffset: queues.reduce(0) { $0 + $1.brokerOffset },
            committedOffset: queues.reduce(0) { $0 + $1.committedOffset }, lag: lag,
            inflight: queues.reduce(0) { $0 + $1.inflight },
            lostMessages: queues.reduce(0) { $0 + $1.lostMessages }, lagMillis: lagMillis, lagUnknownReason: unknown,
            oldestUnconsumedTimestamp: oldest, consumeTps: tps, consumers: consumers, status: status, reasons: reasons,
            queues: queues)
    }

    /// "45s", "3m 05s", "2h 03m", "1d 04h".
    public static func describe(millis: Int64) -> String {
        if millis < 1000 { return "\(millis)ms" }
        let s = millis / 1000
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m \(two(s % 60))s" }
        if s < 86400 { return "\(s / 3600)h \(two((s % 3600) / 60))m" }
        return "\(s / 86400)d \(two((s % 86400) / 3600))h"
    }

    static func describe(hours: Double) -> String {
        hours == hours.rounded() ? "\(Int(hours))h" : "\(hours)h"
    }
}

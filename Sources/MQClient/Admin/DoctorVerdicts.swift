import MQProtocol

/// How bad a verdict is. UNKNOWN: the evidence it needs is missing (its `unknownBecause` says which).
public enum DoctorSeverity: String, Sendable, CaseIterable, Codable, Comparable {
    case ok = "OK"
    case unknown = "UNKNOWN"
    case warn = "WARN"
    case crit = "CRIT"

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// One finding of `group doctor`: what it concludes and the evidence it rests on.
public struct DoctorVerdict: Sendable, Hashable {
    /// Stable name of the check (docs/doctor.md).
    public var check: String
    public var severity: DoctorSeverity
    public var summary: String
    public var evidence: [String]
    /// Set when the verdict could not be reached: the evidence that is missing, and why.
    public var unknownBecause: String?

    public init(
        check: String, severity: DoctorSeverity, summary: String, evidence: [String] = [],
        unknownBecause: String? = nil
    ) {
        self.check = check
        self.severity = severity
        self.summary = summary
        self.evidence = evidence
        self.unknownBecause = unknownBecause
    }
}

/// The checks, in the order they are shown. Thresholds: docs/doctor.md.
public enum GroupDoctor {
    /// A message reconsumed this many times keeps failing.
    public static let failingReconsumeTimes: Int32 = 2
    /// Why the clients' own view is missing, for an "unknown — because" line.
    static func runningInfoMissing(_ e: DoctorEvidence) -> String {
        e.runningInfoGap ?? "no member answered GET_CONSUMER_RUNNING_INFO"
    }
    static let oneSample = "one sample was taken (--interval 0)"

    public static func diagnose(_ e: DoctorEvidence) -> [DoctorVerdict] {
        [
            members(e), subscriptions(e), notPulling(e), rate(e), belowMinOffset(e), failingMessages(e),
            retryGrowth(e),
        ]
    }

    /// Topics the group consumes (its own retry topic apart), from the backlog.
    static func topics(_ e: DoctorEvidence) -> [String] {
        Set(e.report.rows.map(\.topic)).filter { !$0.hasPrefix(SystemTopics.retryPrefix) }.sorted()
    }

    static func members(_ e: DoctorEvidence) -> DoctorVerdict {
        let lag = e.report.rows.reduce(0) { $0 + $1.lag }
        guard !e.members.isEmpty else {
            return DoctorVerdict(
                check: "members", severity: lag > 0 ? .crit : .warn,
                summary: lag > 0
                    ? "no member is online: \(lag) messages wait and no queue has an owner"
                    : "no member is online",
                evidence: ["GET_CONSUMER_CONNECTION_LIST: no broker has a connection of \(e.group)"])
        }
        var evidence = e.members.map { "member \($0.clientId) (\($0.language), \($0.address))" }
        if let model = e.messageModel { evidence.append("message model \(model.rawValue)") }
        return DoctorVerdict(
            check: "members", severity: .ok, summary: "\(e.members.count) member(s) online", evidence: evidence)
    }

    static func subscriptions(_ e: DoctorEvidence) -> DoctorVerdict {
        let table = e.subscriptions.keys.sorted().map { "\($0) \(e.subscriptions[$0]!.subString)" }
        let evidence = table.isEmpty ? [] : ["the brokers' group-wide subscriptions: " + table.joined(separator: ", ")]
        if let infos = e.runningInfo {
            let distinct = Set(infos.map(\.subscriptions))
            if distinct.count > 1 {
                let lines = infos.map { info in
                    "\(info.clientId): "
                        + info.subscriptions.keys.sorted().map { "\($0) \(info.subscriptions[$0]!)" }.joined(
                            separator: ", ")
                }
                return DoctorVerdict(
                    check: "subscriptions", severity: .crit,
                    summary: "subscriptions differ between members: messages are lost to the members that do not "
                        + "subscribe them", evidence: evidence + lines)
            }
            return DoctorVerdict(
                check: "subscriptions", severity: .ok, summary: "every member subscribes the same", evidence: evidence)
        }
        if e.members.count <= 1 {
            return DoctorVerdict(
                check: "subscriptions", severity: .ok,
                summary: e.members.isEmpty ? "no member online to differ" : "one member: nothing to differ from",
                evidence: evidence)
        }
        return DoctorVerdict(
            check: "subscriptions", severity: .unknown, summary: "whether subscriptions differ between members",
            evidence: evidence,
            unknownBecause: "the brokers keep one subscription table per group (the newest heartbeat's), and "
                + runningInfoMissing(e))
    }

    static func notPulling(_ e: DoctorEvidence) -> DoctorVerdict {
        guard let window = e.windowMillis else {
            return DoctorVerdict(
                check: "not-pulling", severity: .unknown, summary: "whether a member stopped consuming",
                unknownBecause: oneSample)
        }
        let ids = e.members.map(\.clientId)
        let lagging = e.report.rows.flatMap(\.queues).filter { $0.lag > 0 }
        let stuck = lagging.filter { $0.moved == false }
        guard !ids.isEmpty else {
            return DoctorVerdict(
                check: "not-pulling", severity: lagging.isEmpty ? .ok : .crit,
                summary: lagging.isEmpty ? "nothing to consume" : "\(lagging.count) queue(s) behind have no owner",
                evidence: lagging.prefix(8).map { "\(place($0.queue)): lag \($0.lag), no member online" })
        }
        guard !stuck.isEmpty else {
            return DoctorVerdict(
                check: "not-pulling", severity: .ok,
                summary: lagging.isEmpty
                    ? "every queue is caught up"
                    : "every queue behind moved in \(BacklogReport.describe(millis: window))",
                evidence: [])
        }
        // Owners as the official clients allocate by default; a client with another strategy may own others.
        var byTopic: [String: [MessageQueue]] = [:]
        for row in e.report.rows { byTopic[row.topic] = row.queues.map(\.queue) }
        var owners: [MessageQueue: String] = [:]
        for queues in byTopic.values {
            owners.merge(MQClientInstance.averageAllocation(queues: queues, clientIds: ids)) { a, _ in a }
        }
        var byOwner: [String: [BacklogQueueRow]] = [:]
        for q in stuck { byOwner[owners[q.queue] ?? "?", default: []].append(q) }
        var evidence: [String] = []
        var explained = 0
        for owner in byOwner.keys.sorted() {
            for q in byOwner[owner]!.prefix(6) {
                var line = stuckLine(q, owner: owner, window: window, e)
                if let own = clientView(of: q.queue, e) {
                    line += "; " + own
                    explained += 1
                }
                evidence.append(line)
            }
        }
        let shown = byOwner.values.reduce(0) { $0 + min($1.count, 6) }
        return DoctorVerdict(
            check: "not-pulling", severity: .warn,
            summary: "member(s) not consuming: " + byOwner.keys.sorted().joined(separator: ", ")
                + " (stopped pulling, hung in its listener, or an orderly queue stuck on a failing message)",
            evidence: evidence,
            unknownBecause: explained == shown ? nil : "which of these it is: " + runningInfoMissing(e))
    }

    /// What the client holding `queue` says of it (its running info): whether it still pulls, whether its
    /// listener still returns, what it holds. Nil when no answering client holds the queue.
    static func clientView(of queue: MessageQueue, _ e: DoctorEvidence) -> String? {
        guard let infos = e.runningInfo, let now = e.latest.takenAt as Int64? else { return nil }
        for info in infos {
            guard let q = info.queues[queue] else { continue }
            func ago(_ t: Int64) -> String { t > 0 ? BacklogReport.describe(millis: max(0, now - t)) + " ago" : "never" }
            var line = "\(info.clientId) holds it: last pull \(ago(q.lastPullTimestamp)), last consume "
                + "\(ago(q.lastConsumeTimestamp)), \(q.cachedMessages) cached"
            if q.locked { line += ", locked (orderly)" }
            if q.dropped { line += ", dropped" }
            return line
        }
        return nil
    }

    static func stuckLine(_ q: BacklogQueueRow, owner: String, window: Int64, _ e: DoctorEvidence) -> String {
        var line = "\(place(q.queue)): committed offset \(q.committedOffset) did not move in "
        line += "\(BacklogReport.describe(millis: window)), lag \(q.lag)"
        if let age = q.lagMillis { line += ", oldest waiting \(BacklogReport.describe(millis: age))" }
        if let m = e.waitingOn[q.queue] {
            line += ", next message \(m.msgId)"
            if !m.keys.isEmpty { line += " keys " + m.keys.joined(separator: " ") }
        }
        return line + "; owner by average allocation: \(owner)"
    }

    static func rate(_ e: DoctorEvidence) -> DoctorVerdict {
        guard let previous = e.previous, let window = e.windowMillis, window > 0 else {
            return DoctorVerdict(
                check: "rate", severity: .unknown, summary: "whether consumption keeps up with production",
                unknownBecause: oneSample)
        }
        var worst = DoctorSeverity.ok
        var evidence: [String] = []
        var summaries: [String] = []
        for topic in topics(e) {
            let now = e.latest.queues.filter { $0.queue.topic == topic }
            let then = previous.queues.filter { $0.queue.topic == topic }
            let seconds = Double(window) / 1000
            let put = Double(sum(now, \.brokerOffset) - sum(then, \.brokerOffset)) / seconds
            let consumed = Double(sum(now, \.committedOffset) - sum(then, \.committedOffset)) / seconds
            let lag = e.report.rows.first { $0.topic == topic }?.lag ?? 0
            evidence.append(
                "\(topic): produced \(fmt(put))/s, consumed \(fmt(consumed))/s over "
                    + "\(BacklogReport.describe(millis: window)), lag \(lag)")
            guard lag > 0 else { continue }
            if consumed > put {
                let eta = Int64(Double(lag) / (consumed - put) * 1000)
                summaries.append("\(topic) drains in about \(BacklogReport.describe(millis: eta))")
            } else {
                worst = max(worst, .warn)
                summaries.append(
                    "\(topic): consumption slower than production, lag grows by \(fmt(put - consumed))/s; "
                        + "it never drains at these rates")
            }
        }
        return DoctorVerdict(
            check: "rate", severity: worst,
            summary: summaries.isEmpty ? "consumption keeps up with production" : summaries.joined(separator: "; "),
            evidence: evidence)
    }

    static func belowMinOffset(_ e: DoctorEvidence) -> DoctorVerdict {
        let lost = e.report.rows.flatMap(\.queues).filter { $0.lostMessages > 0 }
        let unknownMin = e.report.rows.flatMap(\.queues).filter { $0.lag > 0 && $0.minOffset == nil }
        if !lost.isEmpty {
            return DoctorVerdict(
                check: "below-min-offset", severity: .crit,
                summary: "committed offsets below the min offset: \(lost.reduce(0) { $0 + $1.lostMessages }) "
                    + "messages were deleted before being consumed",
                evidence: lost.prefix(8).map {
                    "\(place($0.queue)): committed offset \($0.committedOffset) < min offset \($0.minOffset ?? 0)"
                })
        }
        if !unknownMin.isEmpty {
            return DoctorVerdict(
                check: "below-min-offset", severity: .unknown, summary: "whether offsets are below the min offset",
                unknownBecause: "the brokers did not report the min offset of \(unknownMin.count) queue(s)")
        }
        return DoctorVerdict(
            check: "below-min-offset", severity: .ok, summary: "every committed offset is at or above its min offset")
    }

    /// Which members sent back a message (bundled broker's send-back tally), or nil when no broker says.
    static func senders(of originId: String, _ e: DoctorEvidence) -> [String]? {
        guard e.members.contains(where: { $0.sendBacks != nil }) else { return nil }
        return e.members.filter { $0.sentBackIds.contains(originId) }.map(\.clientId)
    }

    static func failingMessages(_ e: DoctorEvidence) -> DoctorVerdict {
        let failing = e.failing.filter { $0.reconsumeTimes >= failingReconsumeTimes || $0.inDeadLetter }
        guard !failing.isEmpty else {
            let seen = e.failing.count
            return DoctorVerdict(
                check: "failing-message", severity: .ok,
                summary: seen == 0
                    ? "no message in \(e.retry.topic)"
                    : "no message failed \(failingReconsumeTimes) times or more (\(seen) retried once)")
        }
        var evidence: [String] = []
        var unknown: String?
        for m in failing.prefix(8) {
            var line =
                "message \(m.msgId)" + (m.keys.isEmpty ? "" : " keys \(m.keys.joined(separator: " "))")
                + " of \(m.topic): reconsumed \(m.reconsumeTimes) times, \(m.copies) cop\(m.copies == 1 ? "y" : "ies") "
                + "in \(m.inDeadLetter ? e.deadLetter.topic : e.retry.topic)"
            if let who = senders(of: m.originId, e) {
                line +=
                    who.isEmpty
                    ? "; sent back by a client no longer online" : "; sent back by " + who.joined(separator: ", ")
            } else if let failers = failingClients(e, topic: m.topic), !failers.isEmpty {
                line += "; failing to consume \(m.topic) (running info): " + failers.joined(separator: ", ")
            } else {
                unknown =
                    "which client fails them: the brokers do not say who sent messages back (Apache brokers), "
                    + "and " + runningInfoMissing(e)
            }
            evidence.append(line)
        }
        let keys = Set(failing.flatMap(\.keys)).sorted()
        return DoctorVerdict(
            check: "failing-message", severity: failing.contains { $0.inDeadLetter } ? .crit : .warn,
            summary: "\(failing.count) message(s) keep failing"
                + (keys.isEmpty ? "" : " (keys \(keys.prefix(5).joined(separator: ", ")))"),
            evidence: evidence, unknownBecause: unknown)
    }

    static func retryGrowth(_ e: DoctorEvidence) -> DoctorVerdict {
        let retryLag = e.report.rows.filter { $0.topic.hasPrefix(SystemTopics.retryPrefix) }.reduce(0) { $0 + $1.lag }
        var evidence: [String] = []
        let window = e.windowMillis.map { BacklogReport.describe(millis: $0) }
        for t in [e.retry, e.deadLetter] {
            if let after = t.after {
                let growth = window != nil ? ", +\(t.growth ?? 0) in \(window!)" : ""
                evidence.append("\(t.topic): max offset \(after)\(growth)")
            } else {
                evidence.append("\(t.topic) does not exist")
            }
        }
        if retryLag > 0 { evidence.append("retry lag: \(retryLag) messages") }
        let senders = e.members.filter { ($0.sendBacksInWindow ?? $0.sendBackTotal ?? 0) > 0 }
        for m in senders {
            let inWindow = e.windowMillis != nil ? m.sendBacksInWindow : nil
            evidence.append(
                "\(m.clientId) sent back \(inWindow.map { "\($0) in \(window!)" } ?? "") "
                    + "(\(m.sendBackTotal ?? 0) since it connected)")
        }
        guard e.windowMillis != nil else {
            return DoctorVerdict(
                check: "retry-dlq-growth", severity: retryLag > 0 ? .warn : .unknown,
                summary: retryLag > 0 ? "\(retryLag) messages wait for retry" : "whether retry or DLQ grows",
                evidence: evidence, unknownBecause: oneSample)
        }
        let dlq = e.deadLetter.growth ?? 0
        let retry = e.retry.growth ?? 0
        guard dlq > 0 || retry > 0 else {
            return DoctorVerdict(
                check: "retry-dlq-growth", severity: .ok, summary: "neither retry nor DLQ grew", evidence: evidence)
        }
        var summary = dlq > 0 ? "\(dlq) message(s) went to the DLQ" : "retry grows: \(retry) message(s) sent back"
        let keys = Set(e.failing.filter { $0.reconsumeTimes >= failingReconsumeTimes }.flatMap(\.keys)).sorted()
        if !keys.isEmpty { summary += "; failing keys \(keys.prefix(5).joined(separator: ", "))" }
        var unknown: String?
        let growing = senders.filter { ($0.sendBacksInWindow ?? 0) > 0 }
        if !growing.isEmpty {
            summary += "; cause: " + growing.map(\.clientId).joined(separator: ", ") + " returns them for reconsumption"
        } else if !e.members.contains(where: { $0.sendBacks != nil }) {
            let failers = failingClients(e, topic: nil) ?? []
            if failers.isEmpty {
                unknown =
                    "which client sends them back: the brokers do not say (Apache brokers), and " + runningInfoMissing(e)
            } else {
                summary += "; cause: " + failers.joined(separator: ", ") + " fails to consume (its running info)"
            }
        }
        for info in e.runningInfo ?? [] {
            for (topic, tps) in info.consumeFailedTps.sorted(by: { $0.key < $1.key }) where tps > 0 {
                evidence.append("\(info.clientId) running info: \(topic) consumeFailedTPS \(fmt(tps))")
            }
        }
        return DoctorVerdict(
            check: "retry-dlq-growth", severity: dlq > 0 ? .crit : .warn, summary: summary, evidence: evidence,
            unknownBecause: unknown)
    }

    /// Clients whose running info shows failed consumption (of `topic`, or of any topic); nil without running info.
    static func failingClients(_ e: DoctorEvidence, topic: String?) -> [String]? {
        guard let infos = e.runningInfo else { return nil }
        return infos.filter { info in
            info.consumeFailedTps.contains { (topic == nil || $0.key == topic) && $0.value > 0 }
        }.map(\.clientId).sorted()
    }

    static func place(_ q: MessageQueue) -> String { "\(q.topic) \(q.brokerName) queue \(q.queueId)" }
    static func sum(_ qs: [BacklogQueueSample], _ key: KeyPath<BacklogQueueSample, Int64>) -> Int64 {
        qs.reduce(0) { $0 + $1[keyPath: key] }
    }
    static func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int64(r)) : String(r)
    }
}

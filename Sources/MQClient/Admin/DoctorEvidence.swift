import MQProtocol

/// What one client says about itself (Apache's ConsumerRunningInfo, reduced to what `group doctor` reads), asked
/// with GET_CONSUMER_RUNNING_INFO through a broker as `group status` asks it.
public struct DoctorClientInfo: Sendable, Hashable {
    public var clientId: String
    /// Topic → subscription expression, as this client subscribes.
    public var subscriptions: [String: String]
    /// Topic → messages per second this client failed to consume (and sent back).
    public var consumeFailedTps: [String: Double]
    /// The queues this client holds, as it sees them.
    public var queues: [MessageQueue: DoctorQueueState]

    public init(
        clientId: String, subscriptions: [String: String], consumeFailedTps: [String: Double],
        queues: [MessageQueue: DoctorQueueState] = [:]
    ) {
        self.clientId = clientId
        self.subscriptions = subscriptions
        self.consumeFailedTps = consumeFailedTps
        self.queues = queues
    }

    init(clientId: String, _ info: ConsumerRunningInfo) {
        var subscriptions: [String: String] = [:]
        for s in info.subscriptionSet { subscriptions[s.topic] = s.subString }
        var failed: [String: Double] = [:]
        for t in info.statusTable { failed[t.topic] = t.status.consumeFailedTPS }
        var queues: [MessageQueue: DoctorQueueState] = [:]
        for (queue, q) in info.mqTable.entries {
            queues[queue] = DoctorQueueState(
                lastPullTimestamp: q.lastPullTimestamp, lastConsumeTimestamp: q.lastConsumeTimestamp,
                cachedMessages: q.cachedMsgCount, locked: q.locked, dropped: q.droped)
        }
        self.init(clientId: clientId, subscriptions: subscriptions, consumeFailedTps: failed, queues: queues)
    }
}

/// One queue in a client's running info: when it last pulled and consumed, and what it holds.
public struct DoctorQueueState: Sendable, Hashable {
    /// Milliseconds since the epoch; 0 when never.
    public var lastPullTimestamp: Int64
    public var lastConsumeTimestamp: Int64
    public var cachedMessages: Int64
    public var locked: Bool
    public var dropped: Bool
}

/// One online member of the group as the brokers see it.
public struct DoctorMember: Sendable, Hashable {
    public var clientId: String
    public var address: String
    public var language: String
    /// Messages it sent back, per broker name (first and latest sample); nil where the broker does not say
    /// (Apache brokers).
    public var sendBacksBefore: [String: Int64]?
    public var sendBacks: [String: Int64]?
    /// Original message ids of its latest send-backs, over all brokers.
    public var sentBackIds: Set<String>

    /// Messages it sent back over the window (nil when unknown).
    public var sendBacksInWindow: Int64? {
        guard let after = sendBacks else { return nil }
        let before = sendBacksBefore ?? [:]
        return after.reduce(0) { $0 + max(0, $1.value - (before[$1.key] ?? 0)) }
    }
    public var sendBackTotal: Int64? { sendBacks?.values.reduce(0, +) }
}

/// The max offsets of a group's retry or dead-letter topic, summed over its queues, at both samples.
public struct TopicGrowth: Sendable, Hashable {
    public var topic: String
    /// nil when the topic does not exist (yet).
    public var before: Int64?
    public var after: Int64?
    public var growth: Int64? {
        guard let after else { return nil }
        return after - (before ?? 0)
    }
}

/// One original message seen in the retry (or dead-letter) topic: every copy a failed consumption sent back.
public struct FailingMessage: Sendable, Hashable {
    /// ORIGIN_MESSAGE_ID (the original's offset message id), or the copy's own id without one.
    public var originId: String
    /// The id clients show (UNIQ_KEY).
    public var msgId: String
    public var keys: [String]
    public var tags: String?
    /// The topic it was first sent to (RETRY_TOPIC).
    public var topic: String
    /// Copies seen, and the highest reconsume count among them.
    public var copies: Int
    public var reconsumeTimes: Int32
    public var lastStored: Int64
    public var inDeadLetter: Bool
}

/// The message at a queue's committed offset: the next one its owner has to consume.
public struct WaitingMessage: Sendable, Hashable {
    public var msgId: String
    public var keys: [String]
    public var storeTimestamp: Int64
    public var reconsumeTimes: Int32
}

/// Everything `group doctor` looks at: two backlog samples, the members, retry/DLQ growth, the failing messages.
public struct DoctorEvidence: Sendable {
    public var group: String
    /// The backlog of the group (both samples when `previous` is set).
    public var latest: BacklogSample
    public var previous: BacklogSample?
    public var report: BacklogReport
    /// Online members; empty when offline.
    public var members: [DoctorMember]
    /// The broker's view of the group's subscriptions: one table per group, not per member.
    public var subscriptions: [String: SubscriptionData]
    public var consumeType: ConsumeType?
    public var messageModel: MessageModel?
    public var retry: TopicGrowth
    public var deadLetter: TopicGrowth
    /// Messages seen failing, most failed first.
    public var failing: [FailingMessage]
    /// The message each stuck queue (behind, committed offset unmoved) waits on, where it could be read.
    public var waitingOn: [MessageQueue: WaitingMessage] = [:]
    /// The clients' own view (those that answered GET_CONSUMER_RUNNING_INFO); nil when none did.
    public var runningInfo: [DoctorClientInfo]?
    /// Why the running info is missing or partial: who did not answer and why; nil when every member answered.
    public var runningInfoGap: String? = nil
    public var failures: [BacklogFailure]

    public var windowMillis: Int64? { previous.map { latest.takenAt - $0.takenAt } }
}

extension MQClientInstance {
    /// Gathers the evidence: a sample, then (when `windowMillis` > 0) a second one that much later.
    public func doctorEvidence(group: String, windowMillis: Int64, failingLimit: Int = 256) async throws
        -> DoctorEvidence
    {
        let retryTopic = SystemTopics.retryTopic(group)
        let dlqTopic = SystemTopics.dlqTopic(group)
        let first = try await backlogSample(group: group)
        let firstMembers = try await doctorMembers(group: group)
        let retryBefore = await topicMaxOffset(retryTopic)
        let dlqBefore = await topicMaxOffset(dlqTopic)
        var previous: BacklogSample?
        var latest = first
        var members = firstMembers
        if windowMillis > 0 {
            try await Task.sleep(for: .milliseconds(windowMillis))
            previous = first
            latest = try await backlogSample(group: group)
            members = try await doctorMembers(group: group)
        }
        let before = Dictionary(firstMembers.list.map { ($0.clientId, $0) }, uniquingKeysWith: { a, _ in a })
        if windowMillis > 0 {
            for i in members.list.indices {
                members.list[i].sendBacksBefore = before[members.list[i].clientId]?.sendBacks ?? [:]
            }
        }
        var failing = await failingMessages(topic: retryTopic, limit: failingLimit, deadLetter: false)
        failing += await failingMessages(topic: dlqTopic, limit: failingLimit / 4, deadLetter: true)
        failing = mergeFailing(failing)
        let report = BacklogReport.build(latest: latest, previous: previous)
        var evidence = DoctorEvidence(
            group: group, latest: latest, previous: previous, report: report, members: members.list,
            subscriptions: members.connection?.subscriptionTable ?? [:], consumeType: members.connection?.consumeType,
            messageModel: members.connection?.messageModel,
            retry: TopicGrowth(
                topic: retryTopic, before: windowMillis > 0 ? retryBefore : nil, after: await topicMaxOffset(retryTopic)
            ),
            deadLetter: TopicGrowth(
                topic: dlqTopic, before: windowMillis > 0 ? dlqBefore : nil, after: await topicMaxOffset(dlqTopic)),
            failing: failing, runningInfo: nil, failures: latest.failures)
        (evidence.runningInfo, evidence.runningInfoGap) = await doctorRunningInfo(
            group: group, online: !members.list.isEmpty)
        let stuck = report.rows.flatMap(\.queues).filter { $0.lag > 0 && $0.moved == false && $0.lostMessages == 0 }
        for q in stuck.prefix(8) {
            // An orderly consumer retries a failing message in place: the queue then waits on that message.
            guard
                let r = try? await pull(group: Self.toolsGroup, queue: q.queue, offset: q.committedOffset, maxNums: 1),
                let m = r.messages.first(where: { $0.queueOffset == q.committedOffset })
            else { continue }
            evidence.waitingOn[q.queue] = WaitingMessage(
                msgId: m.msgId, keys: m.keys, storeTimestamp: m.storeTimestamp, reconsumeTimes: m.reconsumeTimes)
        }
        return evidence
    }

    /// Asks every member for its running info (as `group status` does); a member that does not answer (the
    /// C++ client answers, some clients time out) leaves a gap the verdicts name instead of failing the command.
    func doctorRunningInfo(group: String, online: Bool) async -> ([DoctorClientInfo]?, String?) {
        guard online else { return (nil, "no member is online to ask") }
        let asked: [ClientRunningInfo]
        do {
            asked = try await groupRunningInfo(group: group)
        } catch {
            return (nil, "asking the members for their running info failed: \(error)")
        }
        var answered: [DoctorClientInfo] = []
        var silent: [String] = []
        for member in asked {
            switch member.answer {
            case .answered(let info): answered.append(DoctorClientInfo(clientId: member.clientId, info))
            case .didNotAnswer(let why): silent.append("\(member.clientId) did not answer GET_CONSUMER_RUNNING_INFO (\(why))")
            }
        }
        let gap = silent.isEmpty ? nil : silent.joined(separator: "; ")
        return (answered.isEmpty ? nil : answered, answered.isEmpty ? (gap ?? "no member answered") : gap)
    }

    /// The group's members from every master's connection list, with the send-back counts each broker keeps.
    func doctorMembers(group: String) async throws -> (list: [DoctorMember], connection: ConsumerConnection?) {
        let info = try await clusterInfo()
        let masters = info.brokerAddrTable.values.compactMap { b in b.masterAddress.map { (b.brokerName, $0) } }
            .sorted { $0.0 < $1.0 }
        var byId: [String: DoctorMember] = [:]
        var first: ConsumerConnection?
        for (name, address) in masters {
            guard let c = try? await consumerConnection(group: group, broker: address) else { continue }
            if first == nil { first = c }
            for conn in c.connectionSet {
                var m =
                    byId[conn.clientId]
                    ?? DoctorMember(
                        clientId: conn.clientId, address: conn.clientAddr, language: conn.language,
                        sendBacksBefore: nil, sendBacks: nil, sentBackIds: [])
                if let n = conn.sendBackCount {
                    m.sendBacks = (m.sendBacks ?? [:]).merging([name: n]) { a, _ in a }
                } else if c.connectionSet.contains(where: { $0.sendBackCount != nil }) {
                    // This broker keeps counts (another connection has one): this one sent nothing back.
                    m.sendBacks = (m.sendBacks ?? [:]).merging([name: 0]) { a, _ in a }
                }
                m.sentBackIds.formUnion(conn.sendBackMessageIds ?? [])
                byId[conn.clientId] = m
            }
        }
        return (byId.values.sorted { $0.clientId < $1.clientId }, first)
    }

    /// Σ max offset over a topic's queues; nil when the topic has no route.
    func topicMaxOffset(_ topic: String) async -> Int64? {
        guard let brokers = try? await topicQueues(topic) else { return nil }
        var total: Int64 = 0
        for (_, queues) in brokers {
            for mq in queues {
                guard let n = try? await maxOffset(mq) else { return nil }
                total += n
            }
        }
        return total
    }

    /// The newest messages of a retry or dead-letter topic, one entry per original message.
    public func failingMessages(topic: String, limit: Int, deadLetter: Bool) async -> [FailingMessage] {
        guard limit > 0, (try? await topicQueues(topic)) != nil,
            let read = try? await newestMessages(MessageWindow(topic: topic), count: limit)
        else { return [] }
        return read.messages.map { m in
            FailingMessage(
                originId: m.properties[MessageConst.originMessageId] ?? m.offsetMsgId, msgId: m.msgId, keys: m.keys,
                tags: m.tags, topic: m.properties[MessageConst.retryTopic] ?? m.topic, copies: 1,
                reconsumeTimes: m.reconsumeTimes, lastStored: m.storeTimestamp, inDeadLetter: deadLetter)
        }
    }

    func mergeFailing(_ all: [FailingMessage]) -> [FailingMessage] {
        var byOrigin: [String: FailingMessage] = [:]
        for f in all {
            guard var m = byOrigin[f.originId] else {
                byOrigin[f.originId] = f
                continue
            }
            m.copies += f.copies
            m.reconsumeTimes = max(m.reconsumeTimes, f.reconsumeTimes)
            m.lastStored = max(m.lastStored, f.lastStored)
            m.inDeadLetter = m.inDeadLetter || f.inDeadLetter
            byOrigin[f.originId] = m
        }
        return byOrigin.values.sorted {
            ($1.reconsumeTimes, $1.copies, $0.originId) < ($0.reconsumeTimes, $0.copies, $1.originId)
        }
    }
}

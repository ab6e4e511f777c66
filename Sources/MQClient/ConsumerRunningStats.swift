import MQProtocol
import NIOConcurrencyHelpers

/// What a push consumer reports when an admin asks for its running info (GET_CONSUMER_RUNNING_INFO): per queue
/// its position and the batch in hand, per topic pull and consume rates over the last minute. Kept behind a
/// lock, not in the consumer's actor, because the question arrives on an event loop that must answer at once.
final class ConsumerRunningStats: Sendable {
    struct QueueState {
        var commitOffset: Int64 = 0
        var cached: [(offset: Int64, size: Int)] = []
        var lastPull: Int64 = 0
        var lastConsume: Int64 = 0
        var dropped = false
        /// What the queue's pull task is doing now, for the task dump.
        var activity = "starting"
    }

    /// One second of one topic's events.
    struct Second {
        var second: Int64
        var pulls = 0
        var pullMillis: Int64 = 0
        var pulledMessages = 0
        var consumedOK = 0
        var consumedFailed = 0
        var consumeMillis: Int64 = 0
        var batches = 0
    }

    private struct Storage {
        var queues: [MessageQueue: QueueState] = [:]
        var seconds: [String: [Second]] = [:]
        /// Failed messages per topic with when, for Apache's "failed in the last hour".
        var failures: [String: [(at: Int64, count: Int)]] = [:]
    }

    let startTimestamp: Int64
    private let storage = NIOLockedValueBox(Storage())
    /// The subscriptions as last sent in a heartbeat.
    let subscriptions = NIOLockedValueBox<[SubscriptionData]>([])
    static let window: Int64 = 60

    init(now: Int64 = nowMillis()) { startTimestamp = now }

    func started(_ mq: MessageQueue, at offset: Int64) {
        storage.withLockedValue { s in
            s.queues[mq] = QueueState(commitOffset: offset, activity: "pulling")
        }
    }

    func dropped(_ mq: MessageQueue) {
        storage.withLockedValue { $0.queues[mq] = nil }
    }

    /// A pull is sent: Apache's clients stamp `lastPullTimestamp` here, so a pull held at the broker (long
    /// polling) does not look like a stalled queue.
    func pulling(_ mq: MessageQueue, now: Int64 = nowMillis()) {
        storage.withLockedValue { s in
            s.queues[mq, default: QueueState()].lastPull = now
            s.queues[mq]?.activity = "waiting for a pull answer (held at the broker when there is nothing new)"
        }
    }

    func pulled(_ mq: MessageQueue, messages: [MessageExt], millis: Int64, now: Int64 = nowMillis()) {
        storage.withLockedValue { s in
            s.queues[mq, default: QueueState()].activity = "pulling"
            if !messages.isEmpty {
                s.queues[mq]?.cached = messages.map { ($0.queueOffset, $0.body.readableBytes) }
                s.queues[mq]?.activity = "handing \(messages.count) messages to the handler"
            }
            Self.bump(&s, mq.topic, now) {
                $0.pulls += 1
                $0.pullMillis += millis
                $0.pulledMessages += messages.count
            }
        }
    }

    func consumed(_ mq: MessageQueue, count: Int, ok: Bool, millis: Int64, now: Int64 = nowMillis()) {
        storage.withLockedValue { s in
            s.queues[mq]?.cached = []
            s.queues[mq]?.lastConsume = now
            s.queues[mq]?.activity = "pulling"
            Self.bump(&s, mq.topic, now) {
                $0.batches += 1
                $0.consumeMillis += millis
                if ok { $0.consumedOK += count } else { $0.consumedFailed += count }
            }
            if !ok { s.failures[mq.topic, default: []].append((now, count)) }
        }
    }

    func committed(_ mq: MessageQueue, offset: Int64) {
        storage.withLockedValue { $0.queues[mq]?.commitOffset = offset }
    }

    private static func bump(_ s: inout Storage, _ topic: String, _ now: Int64, _ change: (inout Second) -> Void) {
        let second = now / 1000
        var list = s.seconds[topic] ?? []
        if list.last?.second != second { list.append(Second(second: second)) }
        change(&list[list.count - 1])
        list.removeAll { $0.second <= second - window }
        s.seconds[topic] = list
    }

    /// Apache's `ConsumerRunningInfo` of this consumer. `jstack` is not a Java stack (Swift cannot dump other
    /// threads' stacks): it is a dump of the consumer's pull tasks, one line each, and says so.
    func runningInfo(consumer: PushConsumer, jstack: Bool, now: Int64 = nowMillis()) -> ConsumerRunningInfo {
        let (s, subscriptions) = (storage.withLockedValue { $0 }, self.subscriptions.withLockedValue { $0 })
        var info = ConsumerRunningInfo()
        info.properties = [
            (ConsumerRunningInfo.propConsumeType, ConsumeType.consumePassively.rawValue),
            (ConsumerRunningInfo.propConsumeOrderly, "false"),
            (ConsumerRunningInfo.propThreadPoolCoreSize, "1"),
            (ConsumerRunningInfo.propClientVersion, MQVersion.describe(MQVersion.current)),
            (ConsumerRunningInfo.propConsumerStartTimestamp, String(startTimestamp)),
            (ConsumerRunningInfo.propNameServerAddr, consumer.client.nameServers.joined(separator: ";")),
            ("consumerGroup", consumer.group),
            ("messageModel", consumer.messageModel.rawValue),
            ("consumeFromWhere", consumer.consumeFromWhere.rawValue),
            ("pullBatchSize", String(consumer.batchSize)),
            ("clientImplementation", "mqadmin Swift client"),
        ]
        info.subscriptionSet = subscriptions.sorted { $0.topic < $1.topic }
        for (mq, q) in s.queues.sorted(by: { $0.key < $1.key }) {
            var p = ProcessQueueInfo()
            p.commitOffset = q.commitOffset
            p.cachedMsgCount = Int64(q.cached.count)
            p.cachedMsgMinOffset = q.cached.map(\.offset).min() ?? 0
            p.cachedMsgMaxOffset = q.cached.map(\.offset).max() ?? 0
            p.cachedMsgSizeInMiB = Int64(q.cached.reduce(0) { $0 + $1.size } / (1024 * 1024))
            p.droped = q.dropped
            p.lastPullTimestamp = q.lastPull
            p.lastConsumeTimestamp = q.lastConsume
            info.mqTable[mq] = p
        }
        let topics = Set(subscriptions.map(\.topic)).union(s.seconds.keys).sorted()
        info.statusTable = topics.map { ($0, Self.status(s.seconds[$0] ?? [], s.failures[$0] ?? [], now)) }
        if jstack { info.jstack = Self.taskDump(s.queues, now: now) }
        return info
    }

    private static func status(
        _ seconds: [Second], _ failures: [(at: Int64, count: Int)], _ now: Int64
    ) -> TopicConsumeStatus {
        let recent = seconds.filter { $0.second > now / 1000 - window }
        let pulls = recent.reduce(0) { $0 + $1.pulls }
        let batches = recent.reduce(0) { $0 + $1.batches }
        let span = Double(window)
        return TopicConsumeStatus(
            pullRT: pulls == 0 ? 0 : Double(recent.reduce(0) { $0 + $1.pullMillis }) / Double(pulls),
            pullTPS: Double(recent.reduce(0) { $0 + $1.pulledMessages }) / span,
            consumeRT: batches == 0 ? 0 : Double(recent.reduce(0) { $0 + $1.consumeMillis }) / Double(batches),
            consumeOKTPS: Double(recent.reduce(0) { $0 + $1.consumedOK }) / span,
            consumeFailedTPS: Double(recent.reduce(0) { $0 + $1.consumedFailed }) / span,
            consumeFailedMsgs: Int64(failures.filter { $0.at > now - 3_600_000 }.reduce(0) { $0 + $1.count }))
    }

    private static func taskDump(_ queues: [MessageQueue: QueueState], now: Int64) -> String {
        var out = "Swift task dump (not a thread stack: a Swift process cannot dump other threads' stacks)\n"
        out += "one pull task per owned queue:\n"
        for (mq, q) in queues.sorted(by: { $0.key < $1.key }) {
            let idle = q.lastPull == 0 ? "never pulled" : "last pull \(now - q.lastPull) ms ago"
            out += "  \(mq.topic) \(mq.brokerName) \(mq.queueId): \(q.activity); \(idle)\n"
        }
        return out
    }
}

extension MQClientInstance {
    /// GET_CONSUMER_RUNNING_INFO, relayed by a broker: the group's push consumer in this process answers
    /// (Apache's `ClientRemotingProcessor#getConsumerRunningInfo`), with Java's refusal when there is none.
    func answerRunningInfo(_ request: RemotingCommand) -> RemotingCommand {
        let header = try? request.decodeHeader(GetConsumerRunningInfoRequestHeader.self)
        let group = header?.consumerGroup ?? ""
        guard let header, let provide = runningInfoProviders.withLockedValue({ $0[group] }) else {
            return request.response(.systemError, remark: "The Consumer Group <\(group)> not exist in this consumer")
        }
        return request.response().withJSONBody(provide(header.jstackEnable))
    }
}

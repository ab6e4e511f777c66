import MQClient
import MQProtocol

/// `group status` output (docs/schemas/group.status.json): per member what it said about itself, or why it
/// did not answer.
struct GroupStatusView: Encodable {
    struct Member: Codable, Sendable {
        var clientId: String
        var address: OrNull<String>
        var language: OrNull<String>
        var version: OrNull<String>
        /// The broker that relayed the question.
        var broker: OrNull<String>
        var answered: Bool
        var reason: OrNull<String>
        var status: OrNull<Status>
    }

    struct Status: Codable, Sendable {
        var consumeType: OrNull<String>
        var consumeOrderly: Bool
        var threadPoolCoreSize: OrNull<String>
        var clientVersion: OrNull<String>
        var startTimestamp: OrNull<Int64>
        var startTime: OrNull<String>
        var properties: [String: String]
        var queues: [Queue]
        var topics: [TopicRates]
        var subscriptions: [Subscription]
        var popQueues: Int
        var stack: OrNull<String>
    }

    struct Queue: Codable, Sendable {
        var broker: String
        var topic: String
        var queueId: Int32
        var committedOffset: Int64
        var cachedMessages: Int64
        var cachedMinOffset: Int64
        var cachedMaxOffset: Int64
        var cachedSizeMiB: Int64
        var locked: Bool
        var dropped: Bool
        var tryUnlockTimes: Int64
        var lastPullTimestamp: OrNull<Int64>
        var lastPullTime: OrNull<String>
        var lastConsumeTimestamp: OrNull<Int64>
        var lastConsumeTime: OrNull<String>
    }

    struct TopicRates: Codable, Sendable {
        var topic: String
        var pullRTMillis: Double
        var pullTps: Double
        var consumeRTMillis: Double
        var consumeOkTps: Double
        var consumeFailedTps: Double
        var consumeFailedMessagesLastHour: Int64
    }

    struct Subscription: Codable, Sendable {
        var topic: String
        var expression: String
    }

    var group: String
    var members: [Member]
    var answered: Int
    var didNotAnswer: Int
    /// When the ages in the table were computed (ms since the epoch).
    var now: Int64

    init(group: String, members infos: [ClientRunningInfo], now: Int64, stack: Bool) {
        self.group = group
        self.now = now
        members = infos.map { Self.member($0, stack: stack) }
        answered = members.filter(\.answered).count
        didNotAnswer = members.count - answered
    }

    private static func member(_ m: ClientRunningInfo, stack: Bool) -> Member {
        var member = Member(
            clientId: m.clientId, address: OrNull(m.connection?.clientAddr), language: OrNull(m.connection?.language),
            version: OrNull(m.connection.map { MQVersion.describe($0.version) }), broker: OrNull(m.broker?.name),
            answered: m.info != nil, reason: OrNull(m.failure), status: OrNull(nil))
        guard let info = m.info else { return member }
        let time = { (ms: Int64) in OrNull(ms > 0 ? TimeFormat.iso(ms) : nil) }
        let queues = info.mqTable.entries.sorted { $0.queue < $1.queue }.map { mq, p in
            Queue(
                broker: mq.brokerName, topic: mq.topic, queueId: mq.queueId, committedOffset: p.commitOffset,
                cachedMessages: p.cachedMsgCount, cachedMinOffset: p.cachedMsgMinOffset,
                cachedMaxOffset: p.cachedMsgMaxOffset, cachedSizeMiB: p.cachedMsgSizeInMiB, locked: p.locked,
                dropped: p.droped, tryUnlockTimes: p.tryUnlockTimes,
                lastPullTimestamp: OrNull(p.lastPullTimestamp > 0 ? p.lastPullTimestamp : nil),
                lastPullTime: time(p.lastPullTimestamp),
                lastConsumeTimestamp: OrNull(p.lastConsumeTimestamp > 0 ? p.lastConsumeTimestamp : nil),
                lastConsumeTime: time(p.lastConsumeTimestamp))
        }
        let topics = info.statusTable.sorted { $0.topic < $1.topic }.map { topic, s in
            TopicRates(
                topic: topic, pullRTMillis: s.pullRT, pullTps: s.pullTPS, consumeRTMillis: s.consumeRT,
                consumeOkTps: s.consumeOKTPS, consumeFailedTps: s.consumeFailedTPS,
                consumeFailedMessagesLastHour: s.consumeFailedMsgs)
        }
        let start = info.startTimestamp
        member.status = OrNull(
            Status(
                consumeType: OrNull(info.property(ConsumerRunningInfo.propConsumeType)),
                consumeOrderly: info.consumeOrderly,
                threadPoolCoreSize: OrNull(info.property(ConsumerRunningInfo.propThreadPoolCoreSize)),
                clientVersion: OrNull(info.property(ConsumerRunningInfo.propClientVersion)),
                startTimestamp: OrNull(start), startTime: OrNull(start.map { TimeFormat.iso($0) }),
                properties: Dictionary(info.properties.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }),
                queues: queues, topics: topics,
                subscriptions: info.subscriptionSet.sorted { $0.topic < $1.topic }.map {
                    Subscription(topic: $0.topic, expression: $0.subString)
                },
                popQueues: info.mqPopTable.entries.count,
                stack: OrNull(stack ? (info.jstack ?? "(the client sent no stack)") : nil)))
        return member
    }

    /// "3s ago", "-" for never.
    private func age(_ millis: Int64?) -> String {
        guard let millis, millis > 0 else { return "-" }
        return TimeFormat.duration(millis: max(0, now - millis)) + " ago"
    }

    var table: String {
        var out = ""
        for (i, m) in members.enumerated() {
            if i > 0 { out += "\n" }
            guard let s = m.status.value else {
                out += "client \(m.clientId) did not answer: \(m.reason.value ?? "unknown")\n"
                continue
            }
            out += "Client:    \(m.clientId)\n"
            out += "Address:   \(m.address.value ?? "-")  via \(m.broker.value ?? "-")\n"
            out += "Language:  \(m.language.value ?? "-")  version \(s.clientVersion.value ?? m.version.value ?? "-")\n"
            out += "Consume:   \(s.consumeType.value ?? "-")\(s.consumeOrderly ? ", orderly" : "")"
            out += "  thread pool \(s.threadPoolCoreSize.value ?? "-")\n"
            if let start = s.startTimestamp.value {
                out += "Started:   \(TimeFormat.iso(start)) (\(age(start)))\n"
            }
            var q = TextTable(
                [.init("BROKER"), .init("TOPIC"), .init("QUEUE", .right), .init("COMMITTED", .right),
                 .init("CACHED", .right), .init("CACHED-MIB", .right), .init("LOCKED"), .init("LAST-PULL"),
                 .init("LAST-CONSUME")])
            for r in s.queues {
                q.add(
                    r.broker, r.topic, String(r.queueId), String(r.committedOffset), String(r.cachedMessages),
                    String(r.cachedSizeMiB), r.dropped ? "dropped" : (r.locked ? "yes" : "no"),
                    age(r.lastPullTimestamp.value), age(r.lastConsumeTimestamp.value))
            }
            out += "\n" + q.render()
            var t = TextTable(
                [.init("TOPIC"), .init("PULL-RT-MS", .right), .init("PULL-TPS", .right),
                 .init("CONSUME-RT-MS", .right), .init("OK-TPS", .right), .init("FAILED-TPS", .right),
                 .init("FAILED-1H", .right)])
            for r in s.topics {
                t.add(
                    r.topic, Self.rate(r.pullRTMillis), Self.rate(r.pullTps), Self.rate(r.consumeRTMillis),
                    Self.rate(r.consumeOkTps), Self.rate(r.consumeFailedTps), String(r.consumeFailedMessagesLastHour))
            }
            out += "\n" + t.render()
            var sub = TextTable("SUBSCRIPTION", "EXPRESSION")
            for r in s.subscriptions { sub.add(r.topic, r.expression) }
            out += "\n" + sub.render()
            if s.popQueues > 0 { out += "POP queues: \(s.popQueues)\n" }
            if let stack = s.stack.value {
                out += "\nStack:\n" + stack + (stack.hasSuffix("\n") ? "" : "\n")
            }
        }
        return out
    }

    private static func rate(_ value: Double) -> String { String(format: "%.2f", value) }
}

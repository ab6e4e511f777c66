/// Topic names POP uses (Apache's `KeyBuilder`).
public enum PopTopics {
    /// The pop log: the broker's durable POP state (docs/store-format.md "POP log"), one queue.
    public static let popLog = "rmq_sys_pop_log"
    /// Apache's `KeyBuilder.POP_ORDER_REVIVE_QUEUE`: the revive queue id orderly handles carry.
    public static let orderlyReviveQueueId: Int32 = 999

    /// The POP retry topic of (group, topic), Apache's V1 form `%RETRY%{group}_{topic}` (its default).
    public static func retryTopic(group: String, topic: String) -> String {
        SystemTopics.retryPrefix + group + "_" + topic
    }

    /// The V2 form `%RETRY%{group}+{topic}` (`enableRetryTopicV2`), read on ack (handle flag "2").
    public static func retryTopicV2(group: String, topic: String) -> String {
        SystemTopics.retryPrefix + group + "+" + topic
    }
}

/// Which topic a handle's message was popped from: Apache's `ExtraInfoUtil` flag ("0", "1", "2").
public enum PopTopicFlag: String, Sendable, Hashable {
    case normal = "0"
    case retry = "1"
    case retryV2 = "2"

    /// Apache writes "1" for every topic with the retry prefix.
    public init(topic: String) {
        self = topic.hasPrefix(SystemTopics.retryPrefix) ? .retry : .normal
    }

    public var isRetry: Bool { self != .normal }

    /// The topic the message really lives in, given the original topic and the group (`getRealTopic`).
    public func realTopic(topic: String, group: String) -> String {
        switch self {
        case .normal: topic
        case .retry: PopTopics.retryTopic(group: group, topic: topic)
        case .retryV2: PopTopics.retryTopicV2(group: group, topic: topic)
        }
    }
}

/// A POP receipt handle (Apache's "extraInfo", `ExtraInfoUtil.buildExtraInfo`): space-separated
/// `ckQueueOffset popTime invisibleTime reviveQid topicFlag brokerName queueId queueOffset [commitLogOffset]`.
public struct PopExtraInfo: Sendable, Hashable, CustomStringConvertible {
    /// The start offset of the pop's checkpoint in that queue.
    public var ckQueueOffset: Int64
    /// Broker milliseconds at pop (the handle's generation: a change of invisible time makes a new one).
    public var popTime: Int64
    public var invisibleTime: Int64
    public var reviveQueueId: Int32
    public var topicFlag: PopTopicFlag
    public var brokerName: String
    public var queueId: Int32
    /// The message's own queue offset.
    public var queueOffset: Int64
    /// The 9th field the gRPC proxy appends.
    public var commitLogOffset: Int64?

    public init(
        ckQueueOffset: Int64, popTime: Int64, invisibleTime: Int64, reviveQueueId: Int32, topicFlag: PopTopicFlag,
        brokerName: String, queueId: Int32, queueOffset: Int64, commitLogOffset: Int64? = nil
    ) {
        self.ckQueueOffset = ckQueueOffset
        self.popTime = popTime
        self.invisibleTime = invisibleTime
        self.reviveQueueId = reviveQueueId
        self.topicFlag = topicFlag
        self.brokerName = brokerName
        self.queueId = queueId
        self.queueOffset = queueOffset
        self.commitLogOffset = commitLogOffset
    }

    /// Parses a handle; nil (never a trap) for anything that is not one, so a client's garbage is a clear error.
    public init?(parsing text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 8 || parts.count == 9,
            let so = Int64(parts[0]), let pt = Int64(parts[1]), let it = Int64(parts[2]),
            let rq = Int32(parts[3]), let flag = PopTopicFlag(rawValue: String(parts[4])), !parts[5].isEmpty,
            let qid = Int32(parts[6]), let offset = Int64(parts[7])
        else { return nil }
        var clo: Int64?
        if parts.count == 9 {
            guard let v = Int64(parts[8]) else { return nil }
            clo = v
        }
        self.init(
            ckQueueOffset: so, popTime: pt, invisibleTime: it, reviveQueueId: rq, topicFlag: flag,
            brokerName: String(parts[5]), queueId: qid, queueOffset: offset, commitLogOffset: clo)
    }

    public var description: String {
        var text = "\(ckQueueOffset) \(popTime) \(invisibleTime) \(reviveQueueId) \(topicFlag.rawValue) \(brokerName)"
        text += " \(queueId) \(queueOffset)"
        if let commitLogOffset { text += " \(commitLogOffset)" }
        return text
    }

    /// When the message becomes visible again unless acked.
    public var nextVisibleTime: Int64 { popTime &+ invisibleTime }
    public var isOrderly: Bool { reviveQueueId == PopTopics.orderlyReviveQueueId }
}

/// The per-queue strings of POP_MESSAGE's response header (`startOffsetInfo`, `msgOffsetInfo`,
/// `orderCountInfo`): `;`-separated items of `flag key value`, built and read as Apache's `ExtraInfoUtil` does.
public struct PopOffsetInfo: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var retry: Bool
        /// The queue id, or `qo<queueId>%<offset>` in a per-offset orderCountInfo item.
        public var key: String
        public var value: String
    }

    public var items: [Item] = []

    public init() {}

    public mutating func addStartOffset(retry: Bool, queueId: Int32, startOffset: Int64) {
        items.append(Item(retry: retry, key: "\(queueId)", value: "\(startOffset)"))
    }

    public mutating func addMessageOffsets(retry: Bool, queueId: Int32, offsets: [Int64]) {
        items.append(Item(retry: retry, key: "\(queueId)", value: offsets.map(String.init).joined(separator: ",")))
    }

    /// A queue's smallest consume count (`buildQueueIdOrderCountInfo`).
    public mutating func addQueueOrderCount(retry: Bool, queueId: Int32, count: Int32) {
        items.append(Item(retry: retry, key: "\(queueId)", value: "\(count)"))
    }

    /// One offset's consume count (`buildQueueOffsetOrderCountInfo`).
    public mutating func addOffsetOrderCount(retry: Bool, queueId: Int32, offset: Int64, count: Int32) {
        items.append(Item(retry: retry, key: Self.queueOffsetKey(queueId: queueId, offset: offset), value: "\(count)"))
    }

    public static func queueOffsetKey(queueId: Int32, offset: Int64) -> String { "qo\(queueId)%\(offset)" }

    /// The header string; nil when empty (the field is then left out, as Apache does).
    public var headerValue: String? {
        items.isEmpty ? nil : items.map { "\($0.retry ? "1" : "0") \($0.key) \($0.value)" }.joined(separator: ";")
    }

    /// Reads a header string; nil for a malformed one (Apache throws IllegalArgumentException).
    public init?(parsing text: String) {
        for one in text.split(separator: ";", omittingEmptySubsequences: false) {
            let parts = one.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "0" || parts[0] == "1", !parts[1].isEmpty else { return nil }
            let item = Item(retry: parts[0] == "1", key: String(parts[1]), value: String(parts[2]))
            guard !items.contains(where: { $0.retry == item.retry && $0.key == item.key }) else { return nil }
            items.append(item)
        }
    }

    /// Apache's map key `flag@key`.
    public func value(retry: Bool, key: String) -> String? {
        items.first { $0.retry == retry && $0.key == key }?.value
    }

    /// The offsets of a msgOffsetInfo item; nil when absent or not numbers.
    public func offsets(retry: Bool, queueId: Int32) -> [Int64]? {
        guard let value = value(retry: retry, key: "\(queueId)") else { return nil }
        var out: [Int64] = []
        for part in value.split(separator: ",", omittingEmptySubsequences: false) {
            guard let v = Int64(part) else { return nil }
            out.append(v)
        }
        return out
    }
}

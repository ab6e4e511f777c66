/// GET_CONSUMER_RUNNING_INFO (307) answer body: what one consumer reports about itself (Apache's
/// `ConsumerRunningInfo`). Decoded leniently, because three writers disagree on its shape: Java's fastjson
/// (MessageQueue objects as map keys, numbers as numbers, 5.x adds `mqPopTable` and `userConsumerInfo`) and the
/// C++ client (the same keys, numbers of ProcessQueueInfo written as strings, only seven properties).
public struct ConsumerRunningInfo: Codable, Sendable {
    public static let propNameServerAddr = "PROP_NAMESERVER_ADDR"
    public static let propThreadPoolCoreSize = "PROP_THREADPOOL_CORE_SIZE"
    public static let propConsumeOrderly = "PROP_CONSUMEORDERLY"
    public static let propConsumeType = "PROP_CONSUME_TYPE"
    public static let propClientVersion = "PROP_CLIENT_VERSION"
    public static let propConsumerStartTimestamp = "PROP_CONSUMER_START_TIMESTAMP"

    /// The client's properties in the order it wrote them (a Java client writes its Hashtable order).
    public var properties: [(key: String, value: String)]
    public var subscriptionSet: [SubscriptionData]
    public var mqTable: MessageQueueMap<ProcessQueueInfo>
    /// 5.x: queues consumed by POP, with their state (kept as sent: mqadmin only counts and prints them).
    public var mqPopTable: MessageQueueMap<PopProcessQueueInfo>
    public var statusTable: [(topic: String, status: TopicConsumeStatus)]
    /// 5.x: free-form key/values the application added.
    public var userConsumerInfo: [(key: String, value: String)]
    /// Java: the thread stacks when asked (`jstackEnable`); Swift: a task dump; C++: empty.
    public var jstack: String?

    public init(
        properties: [(key: String, value: String)] = [], subscriptionSet: [SubscriptionData] = [],
        mqTable: MessageQueueMap<ProcessQueueInfo> = MessageQueueMap(),
        statusTable: [(topic: String, status: TopicConsumeStatus)] = [], jstack: String? = nil
    ) {
        self.properties = properties
        self.subscriptionSet = subscriptionSet
        self.mqTable = mqTable
        self.mqPopTable = MessageQueueMap()
        self.statusTable = statusTable
        self.userConsumerInfo = []
        self.jstack = jstack
    }

    public func property(_ key: String) -> String? { properties.first { $0.key == key }?.value }

    /// PROP_CONSUME_TYPE is CONSUME_PASSIVELY (push), as Apache's `isPushType`.
    public var isPush: Bool { property(Self.propConsumeType) == ConsumeType.consumePassively.rawValue }
    public var consumeOrderly: Bool { property(Self.propConsumeOrderly) == "true" }
    public var startTimestamp: Int64? { property(Self.propConsumerStartTimestamp).flatMap { Int64($0) } }

    enum CodingKeys: String, CodingKey {
        case properties, subscriptionSet, mqTable, mqPopTable, statusTable, userConsumerInfo, jstack
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        properties = try Self.pairs(c.decodeIfPresent(JSONValue.self, forKey: .properties))
        subscriptionSet = try c.decodeIfPresent([SubscriptionData].self, forKey: .subscriptionSet) ?? []
        mqTable = try c.decodeIfPresent(MessageQueueMap<ProcessQueueInfo>.self, forKey: .mqTable) ?? MessageQueueMap()
        mqPopTable =
            try c.decodeIfPresent(MessageQueueMap<PopProcessQueueInfo>.self, forKey: .mqPopTable) ?? MessageQueueMap()
        let status = try c.decodeIfPresent(JSONValue.self, forKey: .statusTable)
        if case .object(let members) = status {
            statusTable = try members.compactMap { m in
                guard let topic = m.key.keyText else { return nil }
                return (topic, try FastJSONDecoder().decode(TopicConsumeStatus.self, from: m.value))
            }
        } else {
            statusTable = []
        }
        userConsumerInfo = try Self.pairs(c.decodeIfPresent(JSONValue.self, forKey: .userConsumerInfo))
        jstack = try c.decodeIfPresent(String.self, forKey: .jstack).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A string map read in source order; scalars of any kind become their text.
    private static func pairs(_ value: JSONValue?) -> [(key: String, value: String)] {
        guard case .object(let members) = value else { return [] }
        return members.compactMap { m in
            guard let key = m.key.keyText else { return nil }
            return (key, m.value.stringValue ?? "")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(JSONValue.object(properties.map { JSONMember($0.key, .string($0.value)) }), forKey: .properties)
        try c.encode(subscriptionSet, forKey: .subscriptionSet)
        try c.encode(mqTable, forKey: .mqTable)
        try c.encode(mqPopTable, forKey: .mqPopTable)
        let e = FastJSONEncoder()
        let status = try statusTable.map { JSONMember($0.topic, try e.encodeToValue($0.status)) }
        try c.encode(JSONValue.object(status), forKey: .statusTable)
        let user = userConsumerInfo.map { JSONMember($0.key, .string($0.value)) }
        try c.encode(JSONValue.object(user), forKey: .userConsumerInfo)
        try c.encodeIfPresent(jstack, forKey: .jstack)
    }
}

/// One queue's state inside a consumer (Apache's `ProcessQueueInfo`). Every field defaults to 0 / false.
public struct ProcessQueueInfo: Codable, Sendable, Hashable {
    public var commitOffset: Int64 = 0
    public var cachedMsgMinOffset: Int64 = 0
    public var cachedMsgMaxOffset: Int64 = 0
    public var cachedMsgCount: Int64 = 0
    public var cachedMsgSizeInMiB: Int64 = 0
    public var transactionMsgMinOffset: Int64 = 0
    public var transactionMsgMaxOffset: Int64 = 0
    public var transactionMsgCount: Int64 = 0
    public var locked = false
    public var tryUnlockTimes: Int64 = 0
    public var lastLockTimestamp: Int64 = 0
    /// Apache's spelling.
    public var droped = false
    public var lastPullTimestamp: Int64 = 0
    public var lastConsumeTimestamp: Int64 = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case commitOffset, cachedMsgMinOffset, cachedMsgMaxOffset, cachedMsgCount, cachedMsgSizeInMiB
        case transactionMsgMinOffset, transactionMsgMaxOffset, transactionMsgCount, locked, tryUnlockTimes
        case lastLockTimestamp, droped, lastPullTimestamp, lastConsumeTimestamp
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func int(_ key: CodingKeys) throws -> Int64 { try c.decodeIfPresent(Int64.self, forKey: key) ?? 0 }
        commitOffset = try int(.commitOffset)
        cachedMsgMinOffset = try int(.cachedMsgMinOffset)
        cachedMsgMaxOffset = try int(.cachedMsgMaxOffset)
        cachedMsgCount = try int(.cachedMsgCount)
        cachedMsgSizeInMiB = try int(.cachedMsgSizeInMiB)
        transactionMsgMinOffset = try int(.transactionMsgMinOffset)
        transactionMsgMaxOffset = try int(.transactionMsgMaxOffset)
        transactionMsgCount = try int(.transactionMsgCount)
        locked = try c.decodeIfPresent(Bool.self, forKey: .locked) ?? false
        tryUnlockTimes = try int(.tryUnlockTimes)
        lastLockTimestamp = try int(.lastLockTimestamp)
        droped = try c.decodeIfPresent(Bool.self, forKey: .droped) ?? false
        lastPullTimestamp = try int(.lastPullTimestamp)
        lastConsumeTimestamp = try int(.lastConsumeTimestamp)
    }
}

/// A queue consumed by POP (5.x `PopProcessQueueInfo`).
public struct PopProcessQueueInfo: Codable, Sendable, Hashable {
    public var waitAckCount: Int64 = 0
    public var droped = false
    public var lastPopTimestamp: Int64 = 0

    public init() {}

    enum CodingKeys: String, CodingKey { case waitAckCount, droped, lastPopTimestamp }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        waitAckCount = try c.decodeIfPresent(Int64.self, forKey: .waitAckCount) ?? 0
        droped = try c.decodeIfPresent(Bool.self, forKey: .droped) ?? false
        lastPopTimestamp = try c.decodeIfPresent(Int64.self, forKey: .lastPopTimestamp) ?? 0
    }
}

/// One topic's rates inside a consumer (Apache's `ConsumeStatus`; renamed apart from the client's handler
/// result). RTs in ms, TPS per second over the client's last minute, failed messages in the last hour.
public struct TopicConsumeStatus: Codable, Sendable, Hashable {
    public var pullRT: Double = 0
    public var pullTPS: Double = 0
    public var consumeRT: Double = 0
    public var consumeOKTPS: Double = 0
    public var consumeFailedTPS: Double = 0
    public var consumeFailedMsgs: Int64 = 0

    public init(
        pullRT: Double = 0, pullTPS: Double = 0, consumeRT: Double = 0, consumeOKTPS: Double = 0,
        consumeFailedTPS: Double = 0, consumeFailedMsgs: Int64 = 0
    ) {
        self.pullRT = pullRT
        self.pullTPS = pullTPS
        self.consumeRT = consumeRT
        self.consumeOKTPS = consumeOKTPS
        self.consumeFailedTPS = consumeFailedTPS
        self.consumeFailedMsgs = consumeFailedMsgs
    }

    enum CodingKeys: String, CodingKey {
        case pullRT, pullTPS, consumeRT, consumeOKTPS, consumeFailedTPS, consumeFailedMsgs
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pullRT = try c.decodeIfPresent(Double.self, forKey: .pullRT) ?? 0
        pullTPS = try c.decodeIfPresent(Double.self, forKey: .pullTPS) ?? 0
        consumeRT = try c.decodeIfPresent(Double.self, forKey: .consumeRT) ?? 0
        consumeOKTPS = try c.decodeIfPresent(Double.self, forKey: .consumeOKTPS) ?? 0
        consumeFailedTPS = try c.decodeIfPresent(Double.self, forKey: .consumeFailedTPS) ?? 0
        consumeFailedMsgs = try c.decodeIfPresent(Int64.self, forKey: .consumeFailedMsgs) ?? 0
    }
}

/// One queue of a ConsumeStatsList entry: Apache's OffsetWrapper plus two mqadmin extensions
/// that let a backlog report avoid a round trip per queue. Java readers ignore the extra fields;
/// Apache brokers do not send them, so they decode as nil.
public struct BacklogOffsetWrapper: Codable, Sendable, Hashable {
    public var brokerOffset: Int64
    public var consumerOffset: Int64
    public var pullOffset: Int64
    /// Store time of the last consumed message (at consumerOffset − 1), 0 if none.
    public var lastTimestamp: Int64
    /// Extension: the queue's first offset still stored.
    public var minOffset: Int64?
    /// Extension: store time of the oldest unconsumed message (at consumerOffset, or at minOffset when
    /// the group never committed); absent when the group is caught up or that message is no longer stored.
    public var nextTimestamp: Int64?
    /// Extension: true when the group never committed an offset for this queue (consumerOffset is then
    /// Apache's 0); absent otherwise.
    public var neverCommitted: Bool?

    public init(
        brokerOffset: Int64, consumerOffset: Int64, pullOffset: Int64, lastTimestamp: Int64, minOffset: Int64? = nil,
        nextTimestamp: Int64? = nil, neverCommitted: Bool? = nil
    ) {
        self.brokerOffset = brokerOffset
        self.consumerOffset = consumerOffset
        self.pullOffset = pullOffset
        self.lastTimestamp = lastTimestamp
        self.minOffset = minOffset
        self.nextTimestamp = nextTimestamp
        self.neverCommitted = neverCommitted
    }

    enum CodingKeys: String, CodingKey {
        case brokerOffset, consumerOffset, pullOffset, lastTimestamp, minOffset, nextTimestamp, neverCommitted
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        brokerOffset = try c.decodeIfPresent(Int64.self, forKey: .brokerOffset) ?? 0
        consumerOffset = try c.decodeIfPresent(Int64.self, forKey: .consumerOffset) ?? 0
        pullOffset = try c.decodeIfPresent(Int64.self, forKey: .pullOffset) ?? 0
        lastTimestamp = try c.decodeIfPresent(Int64.self, forKey: .lastTimestamp) ?? 0
        minOffset = try c.decodeIfPresent(Int64.self, forKey: .minOffset)
        nextTimestamp = try c.decodeIfPresent(Int64.self, forKey: .nextTimestamp)
        neverCommitted = try c.decodeIfPresent(Bool.self, forKey: .neverCommitted)
    }
}

/// One group's consume stats for one topic inside a ConsumeStatsList.
public struct BacklogConsumeStats: Codable, Sendable {
    public var offsetTable: MessageQueueMap<BacklogOffsetWrapper>
    public var consumeTps: Double

    public init(offsetTable: MessageQueueMap<BacklogOffsetWrapper> = MessageQueueMap(), consumeTps: Double = 0) {
        self.offsetTable = offsetTable
        self.consumeTps = consumeTps
    }

    enum CodingKeys: String, CodingKey { case offsetTable, consumeTps }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        offsetTable =
            try c.decodeIfPresent(MessageQueueMap<BacklogOffsetWrapper>.self, forKey: .offsetTable)
            ?? MessageQueueMap()
        consumeTps = try c.decodeIfPresent(Double.self, forKey: .consumeTps) ?? 0
    }
}

/// GET_BROKER_CONSUME_STATS (317) body: `consumeStatsList` is a list of one-entry maps
/// `{group: [ConsumeStats per topic]}` (Apache's shape, wire.md §3.3).
public struct ConsumeStatsList: Codable, Sendable {
    public var brokerAddr: String
    public var consumeStatsList: [[String: [BacklogConsumeStats]]]
    public var totalDiff: Int64
    public var totalInflightDiff: Int64
    /// Extension: online consumer clients per group on this broker (groups with none are absent).
    /// nil from Apache brokers.
    public var onlineConsumers: [String: Int32]?

    public init(
        brokerAddr: String, consumeStatsList: [[String: [BacklogConsumeStats]]] = [], totalDiff: Int64 = 0,
        totalInflightDiff: Int64 = 0, onlineConsumers: [String: Int32]? = nil
    ) {
        self.brokerAddr = brokerAddr
        self.consumeStatsList = consumeStatsList
        self.totalDiff = totalDiff
        self.totalInflightDiff = totalInflightDiff
        self.onlineConsumers = onlineConsumers
    }

    enum CodingKeys: String, CodingKey {
        case brokerAddr, consumeStatsList, totalDiff, totalInflightDiff, onlineConsumers
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        brokerAddr = try c.decodeIfPresent(String.self, forKey: .brokerAddr) ?? ""
        consumeStatsList =
            try c.decodeIfPresent([[String: [BacklogConsumeStats]]].self, forKey: .consumeStatsList) ?? []
        totalDiff = try c.decodeIfPresent(Int64.self, forKey: .totalDiff) ?? 0
        totalInflightDiff = try c.decodeIfPresent(Int64.self, forKey: .totalInflightDiff) ?? 0
        onlineConsumers = try c.decodeIfPresent([String: Int32].self, forKey: .onlineConsumers)
    }
}

/// One queue of a QUERY_CONSUME_TIME_SPAN answer (wire.md §4.14).
public struct QueueTimeSpan: Codable, Sendable, Hashable {
    public var messageQueue: MessageQueue
    /// Store time of the queue's oldest stored message.
    public var minTimeStamp: Int64
    /// Store time of the queue's newest message.
    public var maxTimeStamp: Int64
    /// Store time of the last consumed message (the oldest stored one if none).
    public var consumeTimeStamp: Int64
    /// Now minus the store time of the oldest unconsumed message; 0 when caught up.
    public var delayTime: Int64

    public init(
        messageQueue: MessageQueue, minTimeStamp: Int64, maxTimeStamp: Int64, consumeTimeStamp: Int64, delayTime: Int64
    ) {
        self.messageQueue = messageQueue
        self.minTimeStamp = minTimeStamp
        self.maxTimeStamp = maxTimeStamp
        self.consumeTimeStamp = consumeTimeStamp
        self.delayTime = delayTime
    }

    enum CodingKeys: String, CodingKey { case messageQueue, minTimeStamp, maxTimeStamp, consumeTimeStamp, delayTime }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        messageQueue = try c.decode(MessageQueue.self, forKey: .messageQueue)
        minTimeStamp = try c.decodeIfPresent(Int64.self, forKey: .minTimeStamp) ?? 0
        maxTimeStamp = try c.decodeIfPresent(Int64.self, forKey: .maxTimeStamp) ?? 0
        consumeTimeStamp = try c.decodeIfPresent(Int64.self, forKey: .consumeTimeStamp) ?? 0
        delayTime = try c.decodeIfPresent(Int64.self, forKey: .delayTime) ?? 0
    }
}

/// QUERY_CONSUME_TIME_SPAN (303) body.
public struct QueryConsumeTimeSpanBody: Codable, Sendable {
    public var consumeTimeSpanSet: [QueueTimeSpan]

    public init(consumeTimeSpanSet: [QueueTimeSpan]) {
        self.consumeTimeSpanSet = consumeTimeSpanSet
    }

    enum CodingKeys: String, CodingKey { case consumeTimeSpanSet }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        consumeTimeSpanSet = try c.decodeIfPresent([QueueTimeSpan].self, forKey: .consumeTimeSpanSet) ?? []
    }
}

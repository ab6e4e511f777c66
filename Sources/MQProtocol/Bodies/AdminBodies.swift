/// Min/max offsets of one queue and the store time of its last message (TopicStatsTable entry).
public struct TopicOffset: Codable, Sendable, Hashable {
    public var minOffset: Int64
    public var maxOffset: Int64
    public var lastUpdateTimestamp: Int64

    public init(minOffset: Int64, maxOffset: Int64, lastUpdateTimestamp: Int64) {
        self.minOffset = minOffset
        self.maxOffset = maxOffset
        self.lastUpdateTimestamp = lastUpdateTimestamp
    }
}

/// GET_TOPIC_STATS_INFO body (wire.md §4.7).
public struct TopicStatsTable: Codable, Sendable {
    public var offsetTable: MessageQueueMap<TopicOffset>
    public var topicPutTps: Double

    public init(offsetTable: MessageQueueMap<TopicOffset>, topicPutTps: Double = 0) {
        self.offsetTable = offsetTable
        self.topicPutTps = topicPutTps
    }

    enum CodingKeys: String, CodingKey { case offsetTable, topicPutTps }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        offsetTable = try c.decodeIfPresent(MessageQueueMap<TopicOffset>.self, forKey: .offsetTable) ?? MessageQueueMap()
        topicPutTps = try c.decodeIfPresent(Double.self, forKey: .topicPutTps) ?? 0
    }
}

/// One queue's consumption numbers (ConsumeStats entry, wire.md §4.8), plus three optional mqadmin
/// extensions that let a backlog report avoid a round trip per queue. Java readers ignore them; Apache
/// brokers do not send them, so they decode as nil (and nil fields are not written).
public struct OffsetWrapper: Codable, Sendable, Hashable {
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

/// GET_CONSUME_STATS body.
public struct ConsumeStats: Codable, Sendable {
    public var offsetTable: MessageQueueMap<OffsetWrapper>
    public var consumeTps: Double

    public init(offsetTable: MessageQueueMap<OffsetWrapper> = MessageQueueMap(), consumeTps: Double = 0) {
        self.offsetTable = offsetTable
        self.consumeTps = consumeTps
    }

    enum CodingKeys: String, CodingKey { case offsetTable, consumeTps }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        offsetTable = try c.decodeIfPresent(MessageQueueMap<OffsetWrapper>.self, forKey: .offsetTable) ?? MessageQueueMap()
        consumeTps = try c.decodeIfPresent(Double.self, forKey: .consumeTps) ?? 0
    }

    /// Σ (brokerOffset − consumerOffset), as Apache's `computeTotalDiff`.
    public var totalDiff: Int64 { offsetTable.entries.reduce(0) { $0 + $1.value.brokerOffset - $1.value.consumerOffset } }
}

/// GET_CONSUME_STATS request header.
public struct GetConsumeStatsRequestHeader: CommandHeader, Equatable {
    public var consumerGroup: String
    public var topic: String?
    /// ';'-separated topics.
    public var topicList: String?

    public init(consumerGroup: String, topic: String? = nil, topicList: [String]? = nil) {
        self.consumerGroup = consumerGroup
        self.topic = topic
        self.topicList = topicList?.joined(separator: ";")
    }

    public init(fields f: HeaderFields) throws {
        consumerGroup = try f.require("consumerGroup")
        topic = f.string("topic").flatMap { $0.isEmpty ? nil : $0 }
        topicList = f.string("topicList").flatMap { $0.isEmpty ? nil : $0 }
    }

    public func encode(into f: inout [String: String]) {
        f["consumerGroup"] = consumerGroup
        f.put("topic", topic)
        f.put("topicList", topicList)
    }

    public var topics: [String]? { topicList.map { $0.split(separator: ";").map(String.init) } }
}

/// One client connection (ConsumerConnection / ProducerConnection entries).
public struct Connection: Codable, Sendable, Hashable {
    public var clientId: String
    public var clientAddr: String
    public var language: String
    public var version: Int32
    /// mqadmin extension (bundled broker, consumer connections only): messages this connection sent back to the
    /// broker (CONSUMER_SEND_MSG_BACK) for the group since it connected. Absent from Apache brokers and when none.
    public var sendBackCount: Int64?
    /// mqadmin extension: the original message ids of its latest send-backs (at most 16, newest last).
    public var sendBackMessageIds: [String]?
    /// mqadmin extension (bundled broker), JSON `protocol`: how the client talks to the broker, `REMOTING` or the
    /// gRPC client's `x-mq-protocol` (`GRPC_V2`). Absent from Apache brokers (fastjson clients ignore it).
    public var clientProtocol: String?
    /// mqadmin extension: the raw version a gRPC client announced (`x-mq-client-version`, e.g. `5.1.2`), which
    /// `version` can only approximate; absent for remoting clients.
    public var clientVersion: String?

    public init(
        clientId: String, clientAddr: String, language: String, version: Int32, sendBackCount: Int64? = nil,
        sendBackMessageIds: [String]? = nil, clientProtocol: String? = nil, clientVersion: String? = nil
    ) {
        self.clientId = clientId
        self.clientAddr = clientAddr
        self.language = language
        self.version = version
        self.sendBackCount = sendBackCount
        self.sendBackMessageIds = sendBackMessageIds
        self.clientProtocol = clientProtocol
        self.clientVersion = clientVersion
    }

    enum CodingKeys: String, CodingKey {
        case clientId, clientAddr, language, version, sendBackCount, sendBackMessageIds, clientVersion
        case clientProtocol = "protocol"
    }
}

/// GET_CONSUMER_CONNECTION_LIST body (wire.md §4.10).
public struct ConsumerConnection: Codable, Sendable {
    public var connectionSet: [Connection]
    public var subscriptionTable: [String: SubscriptionData]
    public var consumeType: ConsumeType?
    public var messageModel: MessageModel?
    public var consumeFromWhere: ConsumeFromWhere?

    public init(
        connectionSet: [Connection], subscriptionTable: [String: SubscriptionData], consumeType: ConsumeType?,
        messageModel: MessageModel?, consumeFromWhere: ConsumeFromWhere?
    ) {
        self.connectionSet = connectionSet
        self.subscriptionTable = subscriptionTable
        self.consumeType = consumeType
        self.messageModel = messageModel
        self.consumeFromWhere = consumeFromWhere
    }

    enum CodingKeys: String, CodingKey { case connectionSet, subscriptionTable, consumeType, messageModel, consumeFromWhere }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        connectionSet = try c.decodeIfPresent([Connection].self, forKey: .connectionSet) ?? []
        subscriptionTable = try c.decodeIfPresent([String: SubscriptionData].self, forKey: .subscriptionTable) ?? [:]
        consumeType = try c.decodeIfPresent(ConsumeType.self, forKey: .consumeType)
        messageModel = try c.decodeIfPresent(MessageModel.self, forKey: .messageModel)
        consumeFromWhere = try c.decodeIfPresent(ConsumeFromWhere.self, forKey: .consumeFromWhere)
    }
}

/// GET_PRODUCER_CONNECTION_LIST body.
public struct ProducerConnection: Codable, Sendable {
    public var connectionSet: [Connection]
    public init(connectionSet: [Connection]) { self.connectionSet = connectionSet }
}

/// ResetOffsetBody: the offsets a reset set, per queue (INVOKE_BROKER_TO_RESET_OFFSET response).
public struct ResetOffsetBody: Codable, Sendable {
    public var offsetTable: MessageQueueMap<Int64>
    public init(offsetTable: MessageQueueMap<Int64>) { self.offsetTable = offsetTable }
}

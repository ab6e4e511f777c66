/// An enum that travels as its Java name (`"CLUSTERING"`) from Java/Go peers and as its ordinal (`1`)
/// from the C++ client; we always write the name.
public protocol JavaEnum: Codable, Sendable, Hashable, CaseIterable, RawRepresentable where RawValue == String {}

extension JavaEnum {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let raw = try c.decode(JSONValue.self)
        if case .number(let n) = raw, let i = Int(n), i >= 0, i < Self.allCases.count {
            self = Array(Self.allCases)[i]
            return
        }
        guard let text = raw.stringValue, let v = Self(rawValue: text) ?? Int(text).flatMap({ i in
            i >= 0 && i < Self.allCases.count ? Array(Self.allCases)[i] : nil
        })
        else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown \(Self.self) value \(raw)")
        }
        self = v
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

public enum ConsumeType: String, JavaEnum {
    case consumeActively = "CONSUME_ACTIVELY"
    case consumePassively = "CONSUME_PASSIVELY"
    case consumePop = "CONSUME_POP"
}

public enum MessageModel: String, JavaEnum {
    case broadcasting = "BROADCASTING"
    case clustering = "CLUSTERING"
}

public enum ConsumeFromWhere: String, JavaEnum {
    case lastOffset = "CONSUME_FROM_LAST_OFFSET"
    case lastOffsetAndFromMinWhenBootFirst = "CONSUME_FROM_LAST_OFFSET_AND_FROM_MIN_WHEN_BOOT_FIRST"
    case minOffset = "CONSUME_FROM_MIN_OFFSET"
    case maxOffset = "CONSUME_FROM_MAX_OFFSET"
    case firstOffset = "CONSUME_FROM_FIRST_OFFSET"
    case timestamp = "CONSUME_FROM_TIMESTAMP"
}

/// One topic subscription of a consumer group (wire.md §4.9).
public struct SubscriptionData: Codable, Sendable, Hashable {
    public var classFilterMode = false
    public var topic: String
    public var subString: String
    public var tagsSet: [String] = []
    public var codeSet: [Int32] = []
    public var subVersion: Int64 = 0
    public var expressionType = "TAG"

    public init(topic: String, subString: String, subVersion: Int64 = 0) {
        self.topic = topic
        self.subString = subString
        self.subVersion = subVersion
    }

    enum CodingKeys: String, CodingKey {
        case classFilterMode, topic, subString, tagsSet, codeSet, subVersion, expressionType
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        topic = try c.decode(String.self, forKey: .topic)
        subString = try c.decodeIfPresent(String.self, forKey: .subString) ?? "*"
        classFilterMode = try c.decodeIfPresent(Bool.self, forKey: .classFilterMode) ?? false
        tagsSet = try c.decodeIfPresent([String].self, forKey: .tagsSet) ?? []
        codeSet = try c.decodeIfPresent([Int32].self, forKey: .codeSet) ?? []
        subVersion = try c.decodeIfPresent(Int64.self, forKey: .subVersion) ?? 0
        expressionType = try c.decodeIfPresent(String.self, forKey: .expressionType) ?? "TAG"
    }
}

public struct ConsumerData: Codable, Sendable, Hashable {
    public var groupName: String
    public var consumeType: ConsumeType
    public var messageModel: MessageModel
    public var consumeFromWhere: ConsumeFromWhere
    public var subscriptionDataSet: [SubscriptionData]
    public var unitMode = false

    public init(
        groupName: String, consumeType: ConsumeType = .consumePassively, messageModel: MessageModel = .clustering,
        consumeFromWhere: ConsumeFromWhere = .lastOffset, subscriptionDataSet: [SubscriptionData]
    ) {
        self.groupName = groupName
        self.consumeType = consumeType
        self.messageModel = messageModel
        self.consumeFromWhere = consumeFromWhere
        self.subscriptionDataSet = subscriptionDataSet
    }

    enum CodingKeys: String, CodingKey {
        case groupName, consumeType, messageModel, consumeFromWhere, subscriptionDataSet, unitMode
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        groupName = try c.decode(String.self, forKey: .groupName)
        consumeType = try c.decodeIfPresent(ConsumeType.self, forKey: .consumeType) ?? .consumePassively
        messageModel = try c.decodeIfPresent(MessageModel.self, forKey: .messageModel) ?? .clustering
        consumeFromWhere = try c.decodeIfPresent(ConsumeFromWhere.self, forKey: .consumeFromWhere) ?? .lastOffset
        subscriptionDataSet = try c.decodeIfPresent([SubscriptionData].self, forKey: .subscriptionDataSet) ?? []
        unitMode = try c.decodeIfPresent(Bool.self, forKey: .unitMode) ?? false
    }
}

public struct ProducerData: Codable, Sendable, Hashable {
    public var groupName: String
    public init(groupName: String) { self.groupName = groupName }
}

/// HEART_BEAT body.
public struct HeartbeatData: Codable, Sendable, Hashable {
    public var clientID: String
    public var producerDataSet: [ProducerData]
    public var consumerDataSet: [ConsumerData]
    public var heartbeatFingerprint: Int32 = 0
    public var withoutSub = false

    public init(clientID: String, producerDataSet: [ProducerData] = [], consumerDataSet: [ConsumerData] = []) {
        self.clientID = clientID
        self.producerDataSet = producerDataSet
        self.consumerDataSet = consumerDataSet
    }

    enum CodingKeys: String, CodingKey {
        case clientID, producerDataSet, consumerDataSet, heartbeatFingerprint, withoutSub
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        clientID = try c.decode(String.self, forKey: .clientID)
        producerDataSet = try c.decodeIfPresent([ProducerData].self, forKey: .producerDataSet) ?? []
        consumerDataSet = try c.decodeIfPresent([ConsumerData].self, forKey: .consumerDataSet) ?? []
        heartbeatFingerprint = try c.decodeIfPresent(Int32.self, forKey: .heartbeatFingerprint) ?? 0
        withoutSub = try c.decodeIfPresent(Bool.self, forKey: .withoutSub) ?? false
    }
}

/// A queue of a topic on one broker.
public struct MessageQueue: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var topic: String
    public var brokerName: String
    public var queueId: Int32

    public init(topic: String, brokerName: String, queueId: Int32) {
        self.topic = topic
        self.brokerName = brokerName
        self.queueId = queueId
    }

    public static func < (a: MessageQueue, b: MessageQueue) -> Bool {
        (a.topic, a.brokerName, a.queueId) < (b.topic, b.brokerName, b.queueId)
    }

    public var description: String { "\(topic)@\(brokerName)#\(queueId)" }
}

/// GET_CONSUMER_LIST_BY_GROUP response body.
public struct ConsumerListBody: Codable, Sendable, Hashable {
    public var consumerIdList: [String]
    public init(consumerIdList: [String]) { self.consumerIdList = consumerIdList }
}

/// LOCK_BATCH_MQ / UNLOCK_BATCH_MQ request body.
public struct LockBatchRequestBody: Codable, Sendable, Hashable {
    public var clientId: String
    public var consumerGroup: String
    public var mqSet: [MessageQueue]
    public var onlyThisBroker = false

    public init(clientId: String, consumerGroup: String, mqSet: [MessageQueue]) {
        self.clientId = clientId
        self.consumerGroup = consumerGroup
        self.mqSet = mqSet
    }

    enum CodingKeys: String, CodingKey { case clientId, consumerGroup, mqSet, onlyThisBroker }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        clientId = try c.decodeIfPresent(String.self, forKey: .clientId) ?? ""
        consumerGroup = try c.decode(String.self, forKey: .consumerGroup)
        mqSet = try c.decodeIfPresent([MessageQueue].self, forKey: .mqSet) ?? []
        onlyThisBroker = try c.decodeIfPresent(Bool.self, forKey: .onlyThisBroker) ?? false
    }
}

public struct LockBatchResponseBody: Codable, Sendable, Hashable {
    public var lockOKMQSet: [MessageQueue]
    public init(lockOKMQSet: [MessageQueue]) { self.lockOKMQSet = lockOKMQSet }
}

/// CHECK_CLIENT_CONFIG request body: a consumer asks whether the broker can serve one of its subscriptions
/// (Java clients send it for every SQL92 subscription before they start).
public struct CheckClientRequestBody: Codable, Sendable, Hashable {
    public var clientId: String?
    public var group: String?
    public var subscriptionData: SubscriptionData?
    public var namespace: String?

    public init(clientId: String?, group: String?, subscriptionData: SubscriptionData?) {
        self.clientId = clientId
        self.group = group
        self.subscriptionData = subscriptionData
    }
}

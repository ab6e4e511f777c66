/// PULL_MESSAGE (11) / LITE_PULL_MESSAGE (361) request header (wire.md §3.2, §7.4).
public struct PullMessageRequestHeader: CommandHeader, Equatable {
    public var consumerGroup: String
    public var topic: String
    public var queueId: Int32
    public var queueOffset: Int64
    public var maxMsgNums: Int32
    public var sysFlag: Int32
    public var commitOffset: Int64
    public var suspendTimeoutMillis: Int64
    public var subscription: String?
    public var subVersion: Int64
    public var expressionType: String?
    public var maxMsgBytes: Int32?

    public init(
        consumerGroup: String, topic: String, queueId: Int32, queueOffset: Int64, maxMsgNums: Int32 = 32,
        sysFlag: Int32 = 0, commitOffset: Int64 = 0, suspendTimeoutMillis: Int64 = 15_000,
        subscription: String? = nil, subVersion: Int64 = 0
    ) {
        self.consumerGroup = consumerGroup
        self.topic = topic
        self.queueId = queueId
        self.queueOffset = queueOffset
        self.maxMsgNums = maxMsgNums
        self.sysFlag = sysFlag
        self.commitOffset = commitOffset
        self.suspendTimeoutMillis = suspendTimeoutMillis
        self.subscription = subscription
        self.subVersion = subVersion
    }

    public init(fields f: HeaderFields) throws {
        consumerGroup = try f.require("consumerGroup")
        topic = try f.require("topic")
        queueId = try f.requireInt32("queueId")
        queueOffset = try f.requireInt64("queueOffset")
        maxMsgNums = try f.int32("maxMsgNums") ?? 32
        sysFlag = try f.int32("sysFlag") ?? 0
        commitOffset = try f.int64("commitOffset") ?? 0
        suspendTimeoutMillis = try f.int64("suspendTimeoutMillis") ?? 0
        subscription = f.string("subscription")
        subVersion = try f.int64("subVersion") ?? 0
        expressionType = f.string("expressionType")
        maxMsgBytes = try f.int32("maxMsgBytes")
    }

    public func encode(into f: inout [String: String]) {
        f["consumerGroup"] = consumerGroup
        f["topic"] = topic
        f.put("queueId", queueId)
        f.put("queueOffset", queueOffset)
        f.put("maxMsgNums", maxMsgNums)
        f.put("sysFlag", sysFlag)
        f.put("commitOffset", commitOffset)
        f.put("suspendTimeoutMillis", suspendTimeoutMillis)
        f.put("subscription", subscription)
        f.put("subVersion", subVersion)
        f.put("expressionType", expressionType)
        f.put("maxMsgBytes", maxMsgBytes)
    }
}

public struct PullMessageResponseHeader: CommandHeader, Equatable {
    public var suggestWhichBrokerId: Int64 = 0
    public var nextBeginOffset: Int64
    public var minOffset: Int64
    public var maxOffset: Int64
    public var topicSysFlag: Int32?
    public var groupSysFlag: Int32?

    public init(nextBeginOffset: Int64, minOffset: Int64, maxOffset: Int64) {
        self.nextBeginOffset = nextBeginOffset
        self.minOffset = minOffset
        self.maxOffset = maxOffset
    }

    public init(fields f: HeaderFields) throws {
        suggestWhichBrokerId = try f.int64("suggestWhichBrokerId") ?? 0
        nextBeginOffset = try f.requireInt64("nextBeginOffset")
        minOffset = try f.int64("minOffset") ?? 0
        maxOffset = try f.int64("maxOffset") ?? 0
        topicSysFlag = try f.int32("topicSysFlag")
        groupSysFlag = try f.int32("groupSysFlag")
    }

    public func encode(into f: inout [String: String]) {
        f.put("suggestWhichBrokerId", suggestWhichBrokerId)
        f.put("nextBeginOffset", nextBeginOffset)
        f.put("minOffset", minOffset)
        f.put("maxOffset", maxOffset)
        f.put("topicSysFlag", topicSysFlag)
        f.put("groupSysFlag", groupSysFlag)
    }
}

/// A header whose only field is a consumer group (GET_CONSUMER_LIST_BY_GROUP, NOTIFY_CONSUMER_IDS_CHANGED,
/// GET_CONSUMER_CONNECTION_LIST).
public struct ConsumerGroupHeader: CommandHeader, Equatable {
    public var consumerGroup: String

    public init(consumerGroup: String) {
        self.consumerGroup = consumerGroup
    }

    public init(fields f: HeaderFields) throws {
        consumerGroup = try f.require("consumerGroup")
    }

    public func encode(into f: inout [String: String]) {
        f["consumerGroup"] = consumerGroup
    }
}

/// UNREGISTER_CLIENT (35).
public struct UnregisterClientRequestHeader: CommandHeader, Equatable {
    public var clientID: String
    public var producerGroup: String?
    public var consumerGroup: String?

    public init(clientID: String, producerGroup: String? = nil, consumerGroup: String? = nil) {
        self.clientID = clientID
        self.producerGroup = producerGroup
        self.consumerGroup = consumerGroup
    }

    public init(fields f: HeaderFields) throws {
        clientID = try f.require("clientID")
        producerGroup = f.string("producerGroup").flatMap { $0.isEmpty ? nil : $0 }
        consumerGroup = f.string("consumerGroup").flatMap { $0.isEmpty ? nil : $0 }
    }

    public func encode(into f: inout [String: String]) {
        f["clientID"] = clientID
        f.put("producerGroup", producerGroup)
        f.put("consumerGroup", consumerGroup)
    }
}

/// SEND_MESSAGE (10) request header, long field names (wire.md §3.1).
public struct SendMessageRequestHeader: DirectHeader, Equatable {
    public var producerGroup: String
    public var topic: String
    public var defaultTopic: String = "TBW102"
    public var defaultTopicQueueNums: Int32 = 4
    /// Negative: the broker picks a queue.
    public var queueId: Int32
    public var sysFlag: Int32 = 0
    public var bornTimestamp: Int64 = 0
    public var flag: Int32 = 0
    public var properties: String?
    public var reconsumeTimes: Int32?
    public var unitMode: Bool?
    public var batch: Bool?
    public var maxReconsumeTimes: Int32?
    public var brokerName: String?

    public init(producerGroup: String, topic: String, queueId: Int32, properties: String? = nil) {
        self.producerGroup = producerGroup
        self.topic = topic
        self.queueId = queueId
        self.properties = properties
    }

    public init(fields f: HeaderFields) throws {
        producerGroup = try f.require("producerGroup")
        topic = try f.require("topic")
        defaultTopic = f.string("defaultTopic") ?? "TBW102"
        defaultTopicQueueNums = try f.int32("defaultTopicQueueNums") ?? 4
        queueId = try f.requireInt32("queueId")
        sysFlag = try f.int32("sysFlag") ?? 0
        bornTimestamp = try f.int64("bornTimestamp") ?? 0
        flag = try f.int32("flag") ?? 0
        properties = f.string("properties")
        reconsumeTimes = try f.int32("reconsumeTimes")
        unitMode = f.bool("unitMode")
        batch = f.bool("batch")
        maxReconsumeTimes = try f.int32("maxReconsumeTimes")
        brokerName = f.string("bname")
    }

    /// Keys in ascending order (``DirectHeader``).
    public func writeFields<S: HeaderFieldSink>(to f: inout S) {
        f.field("batch", batch)
        f.field("bname", brokerName)
        f.field("bornTimestamp", bornTimestamp)
        f.field("defaultTopic", defaultTopic)
        f.field("defaultTopicQueueNums", defaultTopicQueueNums)
        f.field("flag", flag)
        f.field("maxReconsumeTimes", maxReconsumeTimes)
        f.field("producerGroup", producerGroup)
        f.field("properties", properties)
        f.field("queueId", queueId)
        f.field("reconsumeTimes", reconsumeTimes)
        f.field("sysFlag", sysFlag)
        f.field("topic", topic)
        f.field("unitMode", unitMode)
    }

    /// Reads either header form: one-letter V2 keys (code 310/320) or long names (code 10).
    public static func decode(_ command: RemotingCommand) throws -> SendMessageRequestHeader {
        // Read from the frame already (SendHeaderReader), as the lines below would read it.
        if let header = command.receivedSendHeader { return header }
        if command.code == RequestCode.sendMessageV2.rawValue || command.code == RequestCode.sendBatchMessage.rawValue {
            return try SendMessageRequestHeaderV2(fields: HeaderFields(command.extFields)).header
        }
        return try SendMessageRequestHeader(fields: HeaderFields(command.extFields))
    }
}

/// SEND_MESSAGE_V2 (310) / SEND_BATCH_MESSAGE (320): the same fields under one-letter keys.
public struct SendMessageRequestHeaderV2: DirectHeader, Equatable {
    public var header: SendMessageRequestHeader

    public init(_ header: SendMessageRequestHeader) {
        self.header = header
    }

    public init(fields f: HeaderFields) throws {
        var h = SendMessageRequestHeader(
            producerGroup: try f.require("a"), topic: try f.require("b"), queueId: try f.requireInt32("e"))
        h.defaultTopic = f.string("c") ?? "TBW102"
        h.defaultTopicQueueNums = try f.int32("d") ?? 4
        h.sysFlag = try f.int32("f") ?? 0
        h.bornTimestamp = try f.int64("g") ?? 0
        h.flag = try f.int32("h") ?? 0
        h.properties = f.string("i")
        h.reconsumeTimes = try f.int32("j")
        h.unitMode = f.bool("k")
        h.maxReconsumeTimes = try f.int32("l")
        h.batch = f.bool("m")
        h.brokerName = f.string("n")
        header = h
    }

    /// Keys in ascending order (``DirectHeader``).
    public func writeFields<S: HeaderFieldSink>(to f: inout S) {
        f.field("a", header.producerGroup)
        f.field("b", header.topic)
        f.field("c", header.defaultTopic)
        f.field("d", header.defaultTopicQueueNums)
        f.field("e", header.queueId)
        f.field("f", header.sysFlag)
        f.field("g", header.bornTimestamp)
        f.field("h", header.flag)
        f.field("i", header.properties)
        f.field("j", header.reconsumeTimes)
        f.field("k", header.unitMode)
        f.field("l", header.maxReconsumeTimes)
        f.field("m", header.batch)
        f.field("n", header.brokerName)
    }
}

/// Response to a send: offset message id(s), queue and first queue offset.
public struct SendMessageResponseHeader: DirectHeader, Equatable {
    public var msgId: String
    public var queueId: Int32
    public var queueOffset: Int64
    public var transactionId: String?
    public var regionId: String?
    public var traceOn: Bool?
    /// Set for a timer message: what RECALL_MESSAGE takes to cancel it (``RecallHandle``).
    public var recallHandle: String?

    public init(msgId: String, queueId: Int32, queueOffset: Int64, transactionId: String? = nil) {
        self.msgId = msgId
        self.queueId = queueId
        self.queueOffset = queueOffset
        self.transactionId = transactionId
    }

    public init(fields f: HeaderFields) throws {
        msgId = try f.require("msgId")
        queueId = try f.requireInt32("queueId")
        queueOffset = try f.requireInt64("queueOffset")
        transactionId = f.string("transactionId")
        regionId = f.string("MSG_REGION")
        traceOn = f.bool("TRACE_ON")
        recallHandle = f.string("recallHandle")
    }

    /// Keys in ascending order (``DirectHeader``): upper case sorts first.
    public func writeFields<S: HeaderFieldSink>(to f: inout S) {
        f.field("MSG_REGION", regionId)
        f.field("TRACE_ON", traceOn)
        f.field("msgId", msgId)
        f.field("queueId", queueId)
        f.field("queueOffset", queueOffset)
        f.field("recallHandle", recallHandle)
        f.field("transactionId", transactionId)
    }
}

/// CONSUMER_SEND_MSG_BACK (36): a consumer hands a failed message back for retry.
public struct ConsumerSendMsgBackRequestHeader: CommandHeader, Equatable {
    /// Commit-log offset of the failed message.
    public var offset: Int64
    public var group: String
    public var delayLevel: Int32
    public var originMsgId: String?
    public var originTopic: String?
    public var unitMode: Bool = false
    public var maxReconsumeTimes: Int32?

    public init(offset: Int64, group: String, delayLevel: Int32) {
        self.offset = offset
        self.group = group
        self.delayLevel = delayLevel
    }

    public init(fields f: HeaderFields) throws {
        offset = try f.requireInt64("offset")
        group = try f.require("group")
        delayLevel = try f.int32("delayLevel") ?? 0
        originMsgId = f.string("originMsgId")
        originTopic = f.string("originTopic")
        unitMode = f.bool("unitMode") ?? false
        maxReconsumeTimes = try f.int32("maxReconsumeTimes")
    }

    public func encode(into f: inout [String: String]) {
        f.put("offset", offset)
        f["group"] = group
        f.put("delayLevel", delayLevel)
        f.put("originMsgId", originMsgId)
        f.put("originTopic", originTopic)
        f.put("unitMode", unitMode)
        f.put("maxReconsumeTimes", maxReconsumeTimes)
    }
}

/// QUERY_MESSAGE (12): messages of a topic by key within a time range.
public struct QueryMessageRequestHeader: CommandHeader, Equatable {
    public var topic: String
    public var key: String
    public var maxNum: Int32
    public var beginTimestamp: Int64
    public var endTimestamp: Int64
    /// `_UNIQUE_KEY_QUERY`: the key is a UNIQ_KEY (client message id).
    public var uniqueKeyQuery: Bool = false

    public init(topic: String, key: String, maxNum: Int32, beginTimestamp: Int64, endTimestamp: Int64) {
        self.topic = topic
        self.key = key
        self.maxNum = maxNum
        self.beginTimestamp = beginTimestamp
        self.endTimestamp = endTimestamp
    }

    public init(fields f: HeaderFields) throws {
        topic = try f.require("topic")
        key = try f.require("key")
        maxNum = try f.int32("maxNum") ?? 32
        beginTimestamp = try f.int64("beginTimestamp") ?? 0
        endTimestamp = try f.int64("endTimestamp") ?? Int64.max
        uniqueKeyQuery = f.bool("_UNIQUE_KEY_QUERY") ?? false
    }

    public func encode(into f: inout [String: String]) {
        f["topic"] = topic
        f["key"] = key
        f.put("maxNum", maxNum)
        f.put("beginTimestamp", beginTimestamp)
        f.put("endTimestamp", endTimestamp)
        if uniqueKeyQuery { f["_UNIQUE_KEY_QUERY"] = "true" }
    }
}

public struct QueryMessageResponseHeader: CommandHeader, Equatable {
    public var indexLastUpdateTimestamp: Int64
    public var indexLastUpdatePhyoffset: Int64

    public init(indexLastUpdateTimestamp: Int64, indexLastUpdatePhyoffset: Int64) {
        self.indexLastUpdateTimestamp = indexLastUpdateTimestamp
        self.indexLastUpdatePhyoffset = indexLastUpdatePhyoffset
    }

    public init(fields f: HeaderFields) throws {
        indexLastUpdateTimestamp = try f.int64("indexLastUpdateTimestamp") ?? 0
        indexLastUpdatePhyoffset = try f.int64("indexLastUpdatePhyoffset") ?? 0
    }

    public func encode(into f: inout [String: String]) {
        f.put("indexLastUpdateTimestamp", indexLastUpdateTimestamp)
        f.put("indexLastUpdatePhyoffset", indexLastUpdatePhyoffset)
    }
}

/// VIEW_MESSAGE_BY_ID (33): one message by commit-log offset.
public struct ViewMessageRequestHeader: CommandHeader, Equatable {
    public var topic: String?
    public var offset: Int64

    public init(offset: Int64, topic: String? = nil) {
        self.offset = offset
        self.topic = topic
    }

    public init(fields f: HeaderFields) throws {
        offset = try f.requireInt64("offset")
        topic = f.string("topic")
    }

    public func encode(into f: inout [String: String]) {
        f.put("offset", offset)
        f.put("topic", topic)
    }
}

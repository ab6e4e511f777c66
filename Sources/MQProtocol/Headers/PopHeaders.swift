/// POP_MESSAGE (200050): Apache's `PopMessageRequestHeader`; every field but `expType`, `exp`, `order` and
/// `attemptId` is required.
public struct PopMessageRequestHeader: CommandHeader, Equatable {
    public var consumerGroup: String
    public var topic: String
    /// -1 = every readable queue of the topic.
    public var queueId: Int32
    public var maxMsgNums: Int32
    /// Milliseconds the popped messages stay invisible.
    public var invisibleTime: Int64
    /// Milliseconds the request may be parked when nothing is there.
    public var pollTime: Int64
    /// The client's clock at send, milliseconds.
    public var bornTime: Int64
    /// `ConsumeInitMode`: 0 = MIN, 1 = MAX.
    public var initMode: Int32
    public var expType: String?
    public var exp: String?
    public var order: Bool?
    public var attemptId: String?

    public static let initModeMin: Int32 = 0
    public static let initModeMax: Int32 = 1

    public init(
        consumerGroup: String, topic: String, queueId: Int32, maxMsgNums: Int32, invisibleTime: Int64,
        pollTime: Int64 = 0, bornTime: Int64 = 0, initMode: Int32 = PopMessageRequestHeader.initModeMin
    ) {
        self.consumerGroup = consumerGroup
        self.topic = topic
        self.queueId = queueId
        self.maxMsgNums = maxMsgNums
        self.invisibleTime = invisibleTime
        self.pollTime = pollTime
        self.bornTime = bornTime
        self.initMode = initMode
    }

    public init(fields f: HeaderFields) throws {
        consumerGroup = try f.require("consumerGroup")
        topic = try f.require("topic")
        queueId = try f.requireInt32("queueId")
        maxMsgNums = try f.requireInt32("maxMsgNums")
        invisibleTime = try f.requireInt64("invisibleTime")
        pollTime = try f.requireInt64("pollTime")
        bornTime = try f.requireInt64("bornTime")
        initMode = try f.requireInt32("initMode")
        expType = f.string("expType")
        exp = f.string("exp")
        order = f.bool("order")
        attemptId = f.string("attemptId")
    }

    public func encode(into f: inout [String: String]) {
        f["consumerGroup"] = consumerGroup
        f["topic"] = topic
        f.put("queueId", queueId)
        f.put("maxMsgNums", maxMsgNums)
        f.put("invisibleTime", invisibleTime)
        f.put("pollTime", pollTime)
        f.put("bornTime", bornTime)
        f.put("initMode", initMode)
        f.put("expType", expType)
        f.put("exp", exp)
        f.put("order", order)
        f.put("attemptId", attemptId)
    }

    public var isOrderly: Bool { order ?? false }
}

/// POP_MESSAGE's response header: the client builds each message's receipt handle from these
/// (`MQClientAPIImpl.processPopResponse`).
public struct PopMessageResponseHeader: CommandHeader, Equatable {
    public var popTime: Int64
    public var invisibleTime: Int64
    public var reviveQid: Int32
    /// Messages left behind the popped ones in the queues read.
    public var restNum: Int64
    public var startOffsetInfo: String?
    public var msgOffsetInfo: String?
    public var orderCountInfo: String?

    public init(popTime: Int64, invisibleTime: Int64, reviveQid: Int32, restNum: Int64) {
        self.popTime = popTime
        self.invisibleTime = invisibleTime
        self.reviveQid = reviveQid
        self.restNum = restNum
    }

    public init(fields f: HeaderFields) throws {
        popTime = try f.requireInt64("popTime")
        invisibleTime = try f.requireInt64("invisibleTime")
        reviveQid = try f.requireInt32("reviveQid")
        restNum = try f.requireInt64("restNum")
        startOffsetInfo = f.string("startOffsetInfo")
        msgOffsetInfo = f.string("msgOffsetInfo")
        orderCountInfo = f.string("orderCountInfo")
    }

    public func encode(into f: inout [String: String]) {
        f.put("popTime", popTime)
        f.put("invisibleTime", invisibleTime)
        f.put("reviveQid", reviveQid)
        f.put("restNum", restNum)
        f.put("startOffsetInfo", startOffsetInfo)
        f.put("msgOffsetInfo", msgOffsetInfo)
        f.put("orderCountInfo", orderCountInfo)
    }
}

/// ACK_MESSAGE (200051); `topic` is the real topic (the POP retry topic for a retried message).
public struct AckMessageRequestHeader: CommandHeader, Equatable {
    public var consumerGroup: String
    public var topic: String
    public var queueId: Int32
    public var extraInfo: String
    /// The acked message's queue offset.
    public var offset: Int64

    public init(consumerGroup: String, topic: String, queueId: Int32, extraInfo: String, offset: Int64) {
        self.consumerGroup = consumerGroup
        self.topic = topic
        self.queueId = queueId
        self.extraInfo = extraInfo
        self.offset = offset
    }

    public init(fields f: HeaderFields) throws {
        consumerGroup = try f.require("consumerGroup")
        topic = try f.require("topic")
        queueId = try f.requireInt32("queueId")
        extraInfo = try f.require("extraInfo")
        offset = try f.requireInt64("offset")
    }

    public func encode(into f: inout [String: String]) {
        f["consumerGroup"] = consumerGroup
        f["topic"] = topic
        f.put("queueId", queueId)
        f["extraInfo"] = extraInfo
        f.put("offset", offset)
    }
}

/// CHANGE_MESSAGE_INVISIBLETIME (200053).
public struct ChangeInvisibleTimeRequestHeader: CommandHeader, Equatable {
    public var consumerGroup: String
    public var topic: String
    public var queueId: Int32
    public var extraInfo: String
    public var offset: Int64
    /// The new invisible time, milliseconds from now.
    public var invisibleTime: Int64

    public init(
        consumerGroup: String, topic: String, queueId: Int32, extraInfo: String, offset: Int64, invisibleTime: Int64
    ) {
        self.consumerGroup = consumerGroup
        self.topic = topic
        self.queueId = queueId
        self.extraInfo = extraInfo
        self.offset = offset
        self.invisibleTime = invisibleTime
    }

    public init(fields f: HeaderFields) throws {
        consumerGroup = try f.require("consumerGroup")
        topic = try f.require("topic")
        queueId = try f.requireInt32("queueId")
        extraInfo = try f.require("extraInfo")
        offset = try f.requireInt64("offset")
        invisibleTime = try f.requireInt64("invisibleTime")
    }

    public func encode(into f: inout [String: String]) {
        f["consumerGroup"] = consumerGroup
        f["topic"] = topic
        f.put("queueId", queueId)
        f["extraInfo"] = extraInfo
        f.put("offset", offset)
        f.put("invisibleTime", invisibleTime)
    }
}

/// CHANGE_MESSAGE_INVISIBLETIME's response header: what the client builds the new handle from.
public struct ChangeInvisibleTimeResponseHeader: CommandHeader, Equatable {
    public var popTime: Int64
    public var invisibleTime: Int64
    public var reviveQid: Int32

    public init(popTime: Int64, invisibleTime: Int64, reviveQid: Int32) {
        self.popTime = popTime
        self.invisibleTime = invisibleTime
        self.reviveQid = reviveQid
    }

    public init(fields f: HeaderFields) throws {
        popTime = try f.requireInt64("popTime")
        invisibleTime = try f.requireInt64("invisibleTime")
        reviveQid = try f.requireInt32("reviveQid")
    }

    public func encode(into f: inout [String: String]) {
        f.put("popTime", popTime)
        f.put("invisibleTime", invisibleTime)
        f.put("reviveQid", reviveQid)
    }
}

/// NOTIFICATION (200054): "is there something to pop?", long-polled like POP_MESSAGE.
public struct NotificationRequestHeader: CommandHeader, Equatable {
    public var consumerGroup: String
    public var topic: String
    public var queueId: Int32
    public var pollTime: Int64
    public var bornTime: Int64
    public var order: Bool?
    public var attemptId: String?

    public init(consumerGroup: String, topic: String, queueId: Int32, pollTime: Int64, bornTime: Int64) {
        self.consumerGroup = consumerGroup
        self.topic = topic
        self.queueId = queueId
        self.pollTime = pollTime
        self.bornTime = bornTime
    }

    public init(fields f: HeaderFields) throws {
        consumerGroup = try f.require("consumerGroup")
        topic = try f.require("topic")
        queueId = try f.requireInt32("queueId")
        pollTime = try f.requireInt64("pollTime")
        bornTime = try f.requireInt64("bornTime")
        order = f.bool("order")
        attemptId = f.string("attemptId")
    }

    public func encode(into f: inout [String: String]) {
        f["consumerGroup"] = consumerGroup
        f["topic"] = topic
        f.put("queueId", queueId)
        f.put("pollTime", pollTime)
        f.put("bornTime", bornTime)
        f.put("order", order)
        f.put("attemptId", attemptId)
    }
}

/// NOTIFICATION's response header.
public struct NotificationResponseHeader: CommandHeader, Equatable {
    public var hasMsg: Bool
    public var pollingFull: Bool

    public init(hasMsg: Bool, pollingFull: Bool = false) {
        self.hasMsg = hasMsg
        self.pollingFull = pollingFull
    }

    public init(fields f: HeaderFields) throws {
        guard let has = f.bool("hasMsg") else { throw ProtocolError.missingField("hasMsg") }
        hasMsg = has
        pollingFull = f.bool("pollingFull") ?? false
    }

    public func encode(into f: inout [String: String]) {
        f.put("hasMsg", hasMsg)
        f.put("pollingFull", pollingFull)
    }
}

/// POLLING_INFO (200055): how many pops are parked for (topic, group, queue).
public struct PollingInfoRequestHeader: CommandHeader, Equatable {
    public var consumerGroup: String
    public var topic: String
    public var queueId: Int32

    public init(consumerGroup: String, topic: String, queueId: Int32) {
        self.consumerGroup = consumerGroup
        self.topic = topic
        self.queueId = queueId
    }

    public init(fields f: HeaderFields) throws {
        consumerGroup = try f.require("consumerGroup")
        topic = try f.require("topic")
        queueId = try f.requireInt32("queueId")
    }

    public func encode(into f: inout [String: String]) {
        f["consumerGroup"] = consumerGroup
        f["topic"] = topic
        f.put("queueId", queueId)
    }
}

/// POLLING_INFO's response header.
public struct PollingInfoResponseHeader: CommandHeader, Equatable {
    public var pollingNum: Int32

    public init(pollingNum: Int32) { self.pollingNum = pollingNum }

    public init(fields f: HeaderFields) throws {
        pollingNum = try f.requireInt32("pollingNum")
    }

    public func encode(into f: inout [String: String]) {
        f.put("pollingNum", pollingNum)
    }
}

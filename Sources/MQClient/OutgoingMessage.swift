import MQProtocol
import NIOCore

/// A message to send.
public struct Message: Sendable {
    public var topic: String
    public var body: ByteBuffer
    public var flag: Int32 = 0
    public var properties = MessageProperties()

    public init(topic: String, body: ByteBuffer, tags: String? = nil, keys: [String] = []) {
        self.topic = topic
        self.body = body
        if let tags { properties[MessageConst.tags] = tags }
        if !keys.isEmpty { properties[MessageConst.keys] = keys.joined(separator: " ") }
    }

    public init(topic: String, body: String, tags: String? = nil, keys: [String] = []) {
        self.init(topic: topic, body: ByteBuffer(string: body), tags: tags, keys: keys)
    }

    public var tags: String? {
        get { properties[MessageConst.tags] }
        set { properties[MessageConst.tags] = newValue }
    }

    public var keys: [String] { properties.keys }

    public var delayTimeLevel: Int? {
        get { properties[MessageConst.delayTimeLevel].flatMap { Int($0) } }
        set { properties[MessageConst.delayTimeLevel] = newValue.map(String.init) }
    }

    /// Deliver at this time (epoch ms): a 5.x timer message (TIMER_DELIVER_MS, Java's `setDeliverTimeMs`).
    public var deliverTimeMs: Int64? {
        get { properties[MessageConst.timerDeliverMS].flatMap { Int64($0) } }
        set { properties[MessageConst.timerDeliverMS] = newValue.map(String.init) }
    }

    /// Deliver this many seconds after the broker stores it (TIMER_DELAY_SEC, Java's `setDelayTimeSec`).
    public var delayTimeSec: Int64? {
        get { properties[MessageConst.timerDelaySec].flatMap { Int64($0) } }
        set { properties[MessageConst.timerDelaySec] = newValue.map(String.init) }
    }

    /// Deliver this many milliseconds after the broker stores it (TIMER_DELAY_MS, Java's `setDelayTimeMs`).
    public var delayTimeMs: Int64? {
        get { properties[MessageConst.timerDelayMS].flatMap { Int64($0) } }
        set { properties[MessageConst.timerDelayMS] = newValue.map(String.init) }
    }
}

public enum SendStatus: String, Sendable, Codable {
    case sendOK = "SEND_OK"
    case flushDiskTimeout = "FLUSH_DISK_TIMEOUT"
    case flushSlaveTimeout = "FLUSH_SLAVE_TIMEOUT"
    case slaveNotAvailable = "SLAVE_NOT_AVAILABLE"
}

/// What a send returns.
public struct SendResult: Sendable {
    public var status: SendStatus
    /// The client message id (UNIQ_KEY).
    public var msgId: String
    /// The broker's offset message id(s), comma-separated for a batch.
    public var offsetMsgId: String
    public var queue: MessageQueue
    public var queueOffset: Int64
    public var regionId: String?
    public var traceOn: Bool
    /// For a timer message: the handle `Producer.recall(_:)` cancels it with before it is delivered.
    public var recallHandle: String? = nil
}

public enum PullStatus: String, Sendable {
    case found = "FOUND"
    case noNewMessage = "NO_NEW_MSG"
    case noMatchedMessage = "NO_MATCHED_MSG"
    case offsetIllegal = "OFFSET_ILLEGAL"
}

/// What a pull returns; messages are already filtered by tag on the client side too.
public struct PullResult: Sendable {
    public var status: PullStatus
    public var nextBeginOffset: Int64
    public var minOffset: Int64
    public var maxOffset: Int64
    public var messages: [MessageExt]
}

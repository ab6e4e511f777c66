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

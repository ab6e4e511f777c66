import MQProtocol
import NIOCore

/// One message to append; the broker fills it from a SEND request.
public struct MessageToStore: Sendable {
    /// Topic.
    public var topic: String
    /// Queue id.
    public var queueId: Int32
    /// Producer's user flag.
    public var flag: Int32
    /// Body as stored (already compressed when `sysFlag` says so).
    public var body: ByteBuffer
    /// Properties (a `__CRC32#` entry is replaced by the store's own slot).
    public var properties: MessageProperties
    /// Message sysFlag; the host IPv6 bits are set by the store to match the hosts.
    public var sysFlag: Int32
    /// Producer timestamp (ms).
    public var bornTimestamp: Int64
    /// Producer address.
    public var bornHost: HostAddress
    /// Delivery attempts so far.
    public var reconsumeTimes: Int32
    /// Offset of the half message, for transaction commit/rollback records.
    public var preparedTransactionOffset: Int64
    /// Consume-queue tag code: Java hash of TAGS, or the delivery time for `SCHEDULE_TOPIC_XXXX`.
    public var tagsCode: Int64
    /// Store timestamp to write; nil means "now", taken inside the append critical section.
    public var storeTimestamp: Int64?

    /// Creates a message; `tagsCode` defaults to the Java hash of the TAGS property.
    public init(
        topic: String, queueId: Int32, flag: Int32 = 0, body: ByteBuffer, properties: MessageProperties = [:],
        sysFlag: Int32 = 0, bornTimestamp: Int64, bornHost: HostAddress, reconsumeTimes: Int32 = 0,
        preparedTransactionOffset: Int64 = 0, tagsCode: Int64? = nil, storeTimestamp: Int64? = nil
    ) {
        self.topic = topic
        self.queueId = queueId
        self.flag = flag
        self.body = body
        self.properties = properties
        self.sysFlag = sysFlag
        self.bornTimestamp = bornTimestamp
        self.bornHost = bornHost
        self.reconsumeTimes = reconsumeTimes
        self.preparedTransactionOffset = preparedTransactionOffset
        self.tagsCode = tagsCode ?? JavaHash.tagsCode(properties.tags)
        self.storeTimestamp = storeTimestamp
    }
}

/// Outcome of a put.
public enum PutStatus: Sendable, Equatable {
    /// Stored (durability per ``MessageStore/whenFlushed(upTo:_:)``).
    case ok
    /// Rejected because of the message itself (too big, bad topic, mixed batch, ...).
    case messageIllegal(String)
    /// The store cannot accept writes (closed, disk error, read-only).
    case serviceUnavailable(String)
}

/// Result of ``MessageStore/put(_:)`` / ``MessageStore/putBatch(_:)``.
public struct PutResult: Sendable {
    /// Outcome.
    public var status: PutStatus
    /// Queue the messages went to.
    public var queueId: Int32
    /// Consume-queue offset of the first message.
    public var queueOffset: Int64
    /// Commit-log offset of the first record.
    public var physicalOffset: Int64
    /// Commit-log offset just after the last byte written: wait for flush up to here.
    public var endOffset: Int64
    /// Offset message id of each stored message.
    public var offsetMsgIds: [String]
    /// UNIQ_KEY of each stored message, if it had one.
    public var uniqueKeys: [String?]
    /// Store timestamp written.
    public var storeTimestamp: Int64

    /// Creates a result.
    public init(
        status: PutStatus, queueId: Int32 = 0, queueOffset: Int64 = 0, physicalOffset: Int64 = 0,
        endOffset: Int64 = 0, offsetMsgIds: [String] = [], uniqueKeys: [String?] = [], storeTimestamp: Int64 = 0
    ) {
        self.status = status
        self.queueId = queueId
        self.queueOffset = queueOffset
        self.physicalOffset = physicalOffset
        self.endOffset = endOffset
        self.offsetMsgIds = offsetMsgIds
        self.uniqueKeys = uniqueKeys
        self.storeTimestamp = storeTimestamp
    }
}

/// Status of a consume-queue read (Java `GetMessageStatus`, wire.md §7.4).
public enum GetStatus: String, Sendable {
    /// At least one message returned.
    case found = "FOUND"
    /// Entries were scanned but all filtered out (or removed); continue at `nextBeginOffset`.
    case noMatchedMessage = "NO_MATCHED_MESSAGE"
    /// The queue exists but has never had a message (max offset 0).
    case noMessageInQueue = "NO_MESSAGE_IN_QUEUE"
    /// The offset equals the max offset: nothing new yet.
    case offsetOverflowOne = "OFFSET_OVERFLOW_ONE"
    /// The offset is beyond the max offset.
    case offsetOverflowBadly = "OFFSET_OVERFLOW_BADLY"
    /// The offset is below the min offset (deleted by retention).
    case offsetTooSmall = "OFFSET_TOO_SMALL"
    /// The first scanned entries were holes (lost consume-queue entries).
    case offsetFoundNull = "OFFSET_FOUND_NULL"
    /// No such queue.
    case noMatchedLogicQueue = "NO_MATCHED_LOGIC_QUEUE"
}

/// Result of ``MessageStore/getMessages(topic:queueId:offset:maxCount:maxBytes:filter:)``.
public struct GetResult: Sendable {
    /// Status.
    public var status: GetStatus
    /// Where the consumer should continue.
    public var nextBeginOffset: Int64
    /// Queue min offset.
    public var minOffset: Int64
    /// Queue max offset (next offset to be written).
    public var maxOffset: Int64
    /// Whole stored records, exactly the commit-log bytes.
    public var messages: [ByteBuffer]

    /// Creates a result.
    public init(status: GetStatus, nextBeginOffset: Int64, minOffset: Int64, maxOffset: Int64,
        messages: [ByteBuffer] = [])
    {
        self.status = status
        self.nextBeginOffset = nextBeginOffset
        self.minOffset = minOffset
        self.maxOffset = maxOffset
        self.messages = messages
    }
}

/// Which side of a timestamp ``MessageStore/searchOffset(topic:queueId:timestamp:boundary:)`` returns.
public enum BoundaryType: Sendable {
    /// The first offset stored at or after the timestamp.
    case lower
    /// The last offset stored at or before the timestamp.
    case upper
}

/// A message that was just appended (for long-poll wakeups).
public struct DispatchedMessage: Sendable {
    /// Topic.
    public var topic: String
    /// Queue id.
    public var queueId: Int32
    /// Consume-queue offset.
    public var queueOffset: Int64
    /// Consume-queue tag code.
    public var tagsCode: Int64
    /// Store timestamp.
    public var storeTimestamp: Int64
    /// The message's properties (a long poll with a SQL92 subscription wakes only for a message it matches).
    public var properties: MessageProperties

    /// Creates a value.
    public init(
        topic: String, queueId: Int32, queueOffset: Int64, tagsCode: Int64, storeTimestamp: Int64,
        properties: MessageProperties = [:]
    ) {
        self.topic = topic
        self.queueId = queueId
        self.queueOffset = queueOffset
        self.tagsCode = tagsCode
        self.storeTimestamp = storeTimestamp
        self.properties = properties
    }
}

/// Result of ``MessageStore/queryByKey(topic:key:maxCount:begin:end:)``.
public struct KeyQueryResult: Sendable {
    /// Matching whole stored records, newest first.
    public var messages: [ByteBuffer]
    /// Store time of the newest index entry (QUERY_MESSAGE's `indexLastUpdateTimestamp`).
    public var lastUpdateTimestamp: Int64
    /// Commit-log offset of the newest index entry (`indexLastUpdatePhyoffset`).
    public var lastUpdatePhysicalOffset: Int64

    /// Creates a result.
    public init(messages: [ByteBuffer], lastUpdateTimestamp: Int64, lastUpdatePhysicalOffset: Int64) {
        self.messages = messages
        self.lastUpdateTimestamp = lastUpdateTimestamp
        self.lastUpdatePhysicalOffset = lastUpdatePhysicalOffset
    }
}

import NIOCore

/// One decoded stored message: every field of a commit-log record (wire.md §5.1).
public struct MessageExt: Sendable, Equatable {
    /// TOTALSIZE: bytes of the whole record, this field included.
    public var storeSize: Int32
    /// MAGICCODE: ``MessageRecord/magicV1`` or ``MessageRecord/magicV2``.
    public var magicCode: UInt32
    /// BODYCRC: masked CRC-32 of the stored (possibly compressed) body.
    public var bodyCRC: Int32
    /// QUEUEID.
    public var queueId: Int32
    /// FLAG: the producer's user flag.
    public var flag: Int32
    /// QUEUEOFFSET: logical offset in the consume queue.
    public var queueOffset: Int64
    /// PHYSICALOFFSET: commit-log offset of this record.
    public var commitLogOffset: Int64
    /// SYSFLAG (``MessageSysFlag``).
    public var sysFlag: Int32
    /// BORNTIMESTAMP (ms, producer clock).
    public var bornTimestamp: Int64
    /// BORNHOST.
    public var bornHost: HostAddress
    /// STORETIMESTAMP (ms, broker clock).
    public var storeTimestamp: Int64
    /// STOREHOSTADDRESS: the broker's ip:port.
    public var storeHost: HostAddress
    /// RECONSUMETIMES.
    public var reconsumeTimes: Int32
    /// PREPARED TRANSACTION OFFSET (0 for normal messages).
    public var preparedTransactionOffset: Int64
    /// The body as stored, or inflated when decoded with `decompress: true`; empty when the body was
    /// not read.
    public var body: ByteBuffer
    /// TOPIC.
    public var topic: String
    /// PROPERTIES (including the store's `__CRC32#` slot when present).
    public var properties: MessageProperties

    /// Creates a message from its fields.
    public init(
        storeSize: Int32, magicCode: UInt32, bodyCRC: Int32, queueId: Int32, flag: Int32, queueOffset: Int64,
        commitLogOffset: Int64, sysFlag: Int32, bornTimestamp: Int64, bornHost: HostAddress, storeTimestamp: Int64,
        storeHost: HostAddress, reconsumeTimes: Int32, preparedTransactionOffset: Int64, body: ByteBuffer,
        topic: String, properties: MessageProperties
    ) {
        self.storeSize = storeSize
        self.magicCode = magicCode
        self.bodyCRC = bodyCRC
        self.queueId = queueId
        self.flag = flag
        self.queueOffset = queueOffset
        self.commitLogOffset = commitLogOffset
        self.sysFlag = sysFlag
        self.bornTimestamp = bornTimestamp
        self.bornHost = bornHost
        self.storeTimestamp = storeTimestamp
        self.storeHost = storeHost
        self.reconsumeTimes = reconsumeTimes
        self.preparedTransactionOffset = preparedTransactionOffset
        self.body = body
        self.topic = topic
        self.properties = properties
    }

    /// The offset message id: store host + commit-log offset.
    public var offsetMsgId: String {
        MessageId.encode(storeHost: storeHost, offset: commitLogOffset)
    }

    /// What clients show as the message id: UNIQ_KEY when present, else ``offsetMsgId``.
    public var msgId: String {
        properties.uniqueKey ?? offsetMsgId
    }

    /// The TAGS property.
    public var tags: String? { properties.tags }

    /// The KEYS property split on spaces.
    public var keys: [String] { properties.keys }

    /// Whether the stored body is compressed (sysFlag bit 0).
    public var isCompressed: Bool { sysFlag & MessageSysFlag.compressed != 0 }

    /// Copies the fields an encoder needs into a ``MessageRecord`` (the CRC slot is dropped there).
    public var record: MessageRecord {
        MessageRecord(
            topic: topic, queueId: queueId, flag: flag, queueOffset: queueOffset, physicalOffset: commitLogOffset,
            sysFlag: sysFlag, bornTimestamp: bornTimestamp, bornHost: bornHost, storeTimestamp: storeTimestamp,
            storeHost: storeHost, reconsumeTimes: reconsumeTimes, preparedTransactionOffset: preparedTransactionOffset,
            body: body, properties: properties)
    }
}

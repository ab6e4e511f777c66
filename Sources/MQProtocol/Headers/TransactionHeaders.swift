/// END_TRANSACTION (37) request header: a producer's commit, rollback or "unknown" for one half message
/// (Apache's `EndTransactionRequestHeader`). Clients send it oneway.
public struct EndTransactionRequestHeader: CommandHeader, Equatable {
    /// The real topic; Apache's Java client sends it, the C++ client does not.
    public var topic: String?
    public var producerGroup: String
    /// Queue offset of the half message in `RMQ_SYS_TRANS_HALF_TOPIC` (the send result's queue offset).
    public var tranStateTableOffset: Int64
    /// Commit-log offset of the half message (decoded from the send result's offset message id).
    public var commitLogOffset: Int64
    /// `MessageSysFlag.transactionCommitType`, `…RollbackType`, or `…NotType` (unknown).
    public var commitOrRollback: Int32
    /// True when this answers a CHECK_TRANSACTION_STATE.
    public var fromTransactionCheck: Bool
    public var msgId: String
    public var transactionId: String?
    public var brokerName: String?

    public init(
        producerGroup: String, tranStateTableOffset: Int64, commitLogOffset: Int64, commitOrRollback: Int32,
        fromTransactionCheck: Bool = false, msgId: String, transactionId: String? = nil, topic: String? = nil
    ) {
        self.producerGroup = producerGroup
        self.tranStateTableOffset = tranStateTableOffset
        self.commitLogOffset = commitLogOffset
        self.commitOrRollback = commitOrRollback
        self.fromTransactionCheck = fromTransactionCheck
        self.msgId = msgId
        self.transactionId = transactionId
        self.topic = topic
    }

    public init(fields f: HeaderFields) throws {
        topic = f.string("topic")
        producerGroup = try f.require("producerGroup")
        tranStateTableOffset = try f.requireInt64("tranStateTableOffset")
        commitLogOffset = try f.requireInt64("commitLogOffset")
        commitOrRollback = try f.requireInt32("commitOrRollback")
        fromTransactionCheck = f.bool("fromTransactionCheck") ?? false
        msgId = f.string("msgId") ?? ""
        transactionId = f.string("transactionId")
        brokerName = f.string("bname")
    }

    public func encode(into f: inout [String: String]) {
        f.put("topic", topic)
        f["producerGroup"] = producerGroup
        f.put("tranStateTableOffset", tranStateTableOffset)
        f.put("commitLogOffset", commitLogOffset)
        f.put("commitOrRollback", commitOrRollback)
        f.put("fromTransactionCheck", fromTransactionCheck)
        f["msgId"] = msgId
        f.put("transactionId", transactionId)
        f.put("bname", brokerName)
    }
}

/// CHECK_TRANSACTION_STATE (39), broker → producer, oneway: "what became of this transaction?" The body is
/// the half message, encoded as a stored record with its real topic and queue (Apache's
/// `CheckTransactionStateRequestHeader`, `Broker2Client#checkProducerTransactionState`).
public struct CheckTransactionStateRequestHeader: CommandHeader, Equatable {
    /// The half topic (`RMQ_SYS_TRANS_HALF_TOPIC`), as Apache sends it.
    public var topic: String?
    /// Queue offset of the half message the producer is to answer for.
    public var tranStateTableOffset: Int64
    /// Its commit-log offset.
    public var commitLogOffset: Int64
    /// The message's UNIQ_KEY.
    public var msgId: String?
    public var transactionId: String?
    public var offsetMsgId: String?
    public var brokerName: String?

    public init(
        topic: String?, tranStateTableOffset: Int64, commitLogOffset: Int64, msgId: String?, transactionId: String?,
        offsetMsgId: String?, brokerName: String?
    ) {
        self.topic = topic
        self.tranStateTableOffset = tranStateTableOffset
        self.commitLogOffset = commitLogOffset
        self.msgId = msgId
        self.transactionId = transactionId
        self.offsetMsgId = offsetMsgId
        self.brokerName = brokerName
    }

    public init(fields f: HeaderFields) throws {
        topic = f.string("topic")
        tranStateTableOffset = try f.requireInt64("tranStateTableOffset")
        commitLogOffset = try f.requireInt64("commitLogOffset")
        msgId = f.string("msgId")
        transactionId = f.string("transactionId")
        offsetMsgId = f.string("offsetMsgId")
        brokerName = f.string("bname")
    }

    public func encode(into f: inout [String: String]) {
        f.put("topic", topic)
        f.put("tranStateTableOffset", tranStateTableOffset)
        f.put("commitLogOffset", commitLogOffset)
        f.put("msgId", msgId)
        f.put("transactionId", transactionId)
        f.put("offsetMsgId", offsetMsgId)
        f.put("bname", brokerName)
    }
}

/// RocketMQ's message-trace records (admin-trace-acl.md §5.3; Java `TraceContext`/`TraceBean` as
/// `TraceDataEncoder` writes them). One record describes one message at one step: its send (`Pub`),
/// a consumer picking it up (`SubBefore`) and finishing with it (`SubAfter`), a transaction's end,
/// or a recall. Records travel as text in the bodies of messages on the trace topic.
public enum TraceType: String, Sendable, CaseIterable, Codable {
    case pub = "Pub"
    case recall = "Recall"
    case subBefore = "SubBefore"
    case subAfter = "SubAfter"
    case endTransaction = "EndTransaction"
}

/// Java's `MessageType`, written by its ordinal.
public enum TraceMessageType: Int, Sendable, CaseIterable {
    case normal = 0
    case transactionHalf = 1
    case transactionCommit = 2
    case delay = 3
    case order = 4

    /// The Java enum constant's name (`Normal_Msg`...).
    public var javaName: String {
        switch self {
        case .normal: "Normal_Msg"
        case .transactionHalf: "Trans_Msg_Half"
        case .transactionCommit: "Trans_msg_Commit"
        case .delay: "Delay_Msg"
        case .order: "Order_Msg"
        }
    }
}

/// Java's `ConsumeReturnType`, the SubAfter `contextCode` by its ordinal.
public enum ConsumeReturnType: Int, Sendable, CaseIterable {
    case success = 0
    case timeOut = 1
    case exception = 2
    case returnNull = 3
    case failed = 4

    /// The Java enum constant's name (`SUCCESS`...).
    public var javaName: String {
        switch self {
        case .success: "SUCCESS"
        case .timeOut: "TIME_OUT"
        case .exception: "EXCEPTION"
        case .returnNull: "RETURNNULL"
        case .failed: "FAILED"
        }
    }
}

/// A producer's send of one message (14 fields; 13 in old clients without `offsetMsgId`).
public struct PubTrace: Sendable, Equatable {
    /// When the send started (ms, producer clock).
    public var timestamp: Int64
    /// `MSG_REGION` of the send response.
    public var regionId: String
    /// Producer group.
    public var group: String
    public var topic: String
    /// The client message id (UNIQ_KEY).
    public var msgId: String
    /// nil is written as Java writes a null string: `null`.
    public var tags: String?
    /// Space-separated KEYS; nil is written `null`.
    public var keys: String?
    /// The broker address the message was sent to.
    public var storeHost: String
    /// Body bytes as sent (compressed when the producer compressed it).
    public var bodyLength: Int
    /// Milliseconds the send took.
    public var costTime: Int
    /// ``TraceMessageType`` ordinal.
    public var msgType: Int
    /// The broker's offset message id; nil in 13-field records.
    public var offsetMsgId: String?
    public var success: Bool
    /// Only in records of old clients (15 fields); never written.
    public var clientHost: String?

    /// Creates a Pub record.
    public init(
        timestamp: Int64, regionId: String, group: String, topic: String, msgId: String, tags: String?,
        keys: String?, storeHost: String, bodyLength: Int, costTime: Int, msgType: Int, offsetMsgId: String?,
        success: Bool, clientHost: String? = nil
    ) {
        self.timestamp = timestamp
        self.regionId = regionId
        self.group = group
        self.topic = topic
        self.msgId = msgId
        self.tags = tags
        self.keys = keys
        self.storeHost = storeHost
        self.bodyLength = bodyLength
        self.costTime = costTime
        self.msgType = msgType
        self.offsetMsgId = offsetMsgId
        self.success = success
        self.clientHost = clientHost
    }
}

/// A consumer about to hand one message to its listener (8 fields).
public struct SubBeforeTrace: Sendable, Equatable {
    /// When consumption started (ms, consumer clock).
    public var timestamp: Int64
    /// `MSG_REGION` of the consumed message.
    public var regionId: String
    /// Consumer group.
    public var group: String
    /// Pairs this record with its SubAfter (one per listener call).
    public var requestId: String
    public var msgId: String
    /// How often the message was consumed before (reconsume times).
    public var retryTimes: Int
    public var keys: String?

    /// Creates a SubBefore record.
    public init(
        timestamp: Int64, regionId: String, group: String, requestId: String, msgId: String, retryTimes: Int,
        keys: String?
    ) {
        self.timestamp = timestamp
        self.regionId = regionId
        self.group = group
        self.requestId = requestId
        self.msgId = msgId
        self.retryTimes = retryTimes
        self.keys = keys
    }
}

/// A consumer's listener done with one message (9 fields; 7 when the client used AccessChannel CLOUD,
/// which leaves out the time and the group).
public struct SubAfterTrace: Sendable, Equatable {
    public var requestId: String
    public var msgId: String
    /// Milliseconds per message (the listener call's time divided by its batch size).
    public var costTime: Int
    public var success: Bool
    public var keys: String?
    /// ``ConsumeReturnType`` ordinal; nil in records of clients older than the field.
    public var contextCode: Int?
    /// When consumption ended (ms); nil in CLOUD records.
    public var timestamp: Int64?
    /// Consumer group; nil in CLOUD records.
    public var group: String?

    /// Creates a SubAfter record.
    public init(
        requestId: String, msgId: String, costTime: Int, success: Bool, keys: String?, contextCode: Int?,
        timestamp: Int64?, group: String?
    ) {
        self.requestId = requestId
        self.msgId = msgId
        self.costTime = costTime
        self.success = success
        self.keys = keys
        self.contextCode = contextCode
        self.timestamp = timestamp
        self.group = group
    }
}

/// A transactional producer committing or rolling back a half message (13 fields).
public struct EndTransactionTrace: Sendable, Equatable {
    public var timestamp: Int64
    public var regionId: String
    public var group: String
    public var topic: String
    public var msgId: String
    public var tags: String?
    public var keys: String?
    public var storeHost: String
    /// ``TraceMessageType`` ordinal (Java always writes 2).
    public var msgType: Int
    public var transactionId: String
    /// `COMMIT_MESSAGE`, `ROLLBACK_MESSAGE` or `UNKNOW`.
    public var transactionState: String
    public var fromTransactionCheck: Bool

    /// Creates an EndTransaction record.
    public init(
        timestamp: Int64, regionId: String, group: String, topic: String, msgId: String, tags: String?,
        keys: String?, storeHost: String, msgType: Int, transactionId: String, transactionState: String,
        fromTransactionCheck: Bool
    ) {
        self.timestamp = timestamp
        self.regionId = regionId
        self.group = group
        self.topic = topic
        self.msgId = msgId
        self.tags = tags
        self.keys = keys
        self.storeHost = storeHost
        self.msgType = msgType
        self.transactionId = transactionId
        self.transactionState = transactionState
        self.fromTransactionCheck = fromTransactionCheck
    }
}

/// A producer recalling (withdrawing) a delayed message (7 fields).
public struct RecallTrace: Sendable, Equatable {
    public var timestamp: Int64
    public var regionId: String
    public var group: String
    public var topic: String
    public var msgId: String
    public var success: Bool

    /// Creates a Recall record.
    public init(timestamp: Int64, regionId: String, group: String, topic: String, msgId: String, success: Bool) {
        self.timestamp = timestamp
        self.regionId = regionId
        self.group = group
        self.topic = topic
        self.msgId = msgId
        self.success = success
    }
}

/// One trace record of any type.
public enum TraceRecord: Sendable, Equatable {
    case pub(PubTrace)
    case subBefore(SubBeforeTrace)
    case subAfter(SubAfterTrace)
    case endTransaction(EndTransactionTrace)
    case recall(RecallTrace)

    /// The record's type (its first field).
    public var type: TraceType {
        switch self {
        case .pub: .pub
        case .subBefore: .subBefore
        case .subAfter: .subAfter
        case .endTransaction: .endTransaction
        case .recall: .recall
        }
    }

    /// The message the record is about (Java's first bean's msgId, which `queryMsgTraceById` matches).
    public var msgId: String {
        switch self {
        case .pub(let r): r.msgId
        case .subBefore(let r): r.msgId
        case .subAfter(let r): r.msgId
        case .endTransaction(let r): r.msgId
        case .recall(let r): r.msgId
        }
    }

    /// The message's space-separated keys, where the record carries them.
    public var keys: String? {
        switch self {
        case .pub(let r): r.keys
        case .subBefore(let r): r.keys
        case .subAfter(let r): r.keys
        case .endTransaction(let r): r.keys
        case .recall: nil
        }
    }

    /// The record's time (ms), nil for a CLOUD SubAfter.
    public var timestamp: Int64? {
        switch self {
        case .pub(let r): r.timestamp
        case .subBefore(let r): r.timestamp
        case .subAfter(let r): r.timestamp
        case .endTransaction(let r): r.timestamp
        case .recall(let r): r.timestamp
        }
    }

    /// The producer or consumer group, nil for a CLOUD SubAfter.
    public var group: String? {
        switch self {
        case .pub(let r): r.group
        case .subBefore(let r): r.group
        case .subAfter(let r): r.group
        case .endTransaction(let r): r.group
        case .recall(let r): r.group
        }
    }
}

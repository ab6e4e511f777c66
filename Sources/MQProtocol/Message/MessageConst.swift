/// Property names of RocketMQ messages (Java `MessageConst`, wire.md §5.4) and the separators of
/// the properties string.
public enum MessageConst {
    /// Separates a property's name from its value (`\u{1}`).
    public static let nameValueSeparator: Character = "\u{1}"
    /// Terminates each property entry (`\u{2}`).
    public static let propertySeparator: Character = "\u{2}"
    /// Separates the tokens of the KEYS property.
    public static let keySeparator: Character = " "

    /// User keys, space separated.
    public static let keys = "KEYS"
    /// The message tag.
    public static let tags = "TAGS"
    /// "true"/"false": whether the producer waits for the store.
    public static let waitStoreMsgOK = "WAIT"
    /// Delay level 1...18 (`-1` when routed to the DLQ).
    public static let delayTimeLevel = "DELAY"
    /// Original topic of a retried message.
    public static let retryTopic = "RETRY_TOPIC"
    /// Original topic of a delayed or half message.
    public static let realTopic = "REAL_TOPIC"
    /// Original queue id of a delayed or half message.
    public static let realQueueId = "REAL_QID"
    /// "true" for transaction half messages.
    public static let transactionPrepared = "TRAN_MSG"
    /// Producer group.
    public static let producerGroup = "PGROUP"
    /// Queue min offset, set client-side on pulled messages.
    public static let minOffset = "MIN_OFFSET"
    /// Queue max offset, set client-side on pulled messages.
    public static let maxOffset = "MAX_OFFSET"
    /// Buyer id (legacy).
    public static let buyerId = "BUYER_ID"
    /// First message id of a retried message.
    public static let originMessageId = "ORIGIN_MESSAGE_ID"
    /// Transfer flag (legacy).
    public static let transferFlag = "TRANSFER_FLAG"
    /// Correction flag (legacy).
    public static let correctionFlag = "CORRECTION_FLAG"
    /// MQ2 flag (legacy).
    public static let mq2Flag = "MQ2_FLAG"
    /// Reconsume count when a client re-sends to %RETRY% itself.
    public static let reconsumeTime = "RECONSUME_TIME"
    /// Region of the broker that stored the message.
    public static let msgRegion = "MSG_REGION"
    /// Whether message tracing is on.
    public static let traceSwitch = "TRACE_ON"
    /// The client-generated message id (wire.md §5.7).
    public static let uniqueClientMessageIdKeyIndex = "UNIQ_KEY"
    /// Shorter alias of ``uniqueClientMessageIdKeyIndex``.
    public static let uniqueKey = "UNIQ_KEY"
    /// Extended unique info.
    public static let extendUniqInfo = "EXTEND_UNIQ_INFO"
    /// Max reconsume times before the DLQ.
    public static let maxReconsumeTimes = "MAX_RECONSUME_TIMES"
    /// Client-side consume start time.
    public static let consumeStartTimestamp = "CONSUME_START_TIME"
    /// Number of messages in an inner batch.
    public static let innerNum = "INNER_NUM"
    /// Base queue offset of an inner batch.
    public static let innerBase = "INNER_BASE"
    /// Duplicate info.
    public static let dupInfo = "DUP_INFO"
    /// Transaction check immunity time.
    public static let checkImmunityTimeInSeconds = "CHECK_IMMUNITY_TIME_IN_SECONDS"
    /// Queue offset of the half message a commit/rollback refers to.
    public static let transactionPreparedQueueOffset = "TRAN_PREPARED_QUEUE_OFFSET"
    /// Transaction id.
    public static let transactionId = "__transactionId__"
    /// Number of transaction checks done.
    public static let transactionCheckTimes = "TRANSACTION_CHECK_TIMES"
    /// Instance id.
    public static let instanceId = "INSTANCE_ID"
    /// Request-reply correlation id.
    public static let correlationId = "CORRELATION_ID"
    /// Request-reply: client to reply to.
    public static let messageReplyToClient = "REPLY_TO_CLIENT"
    /// Request-reply time to live.
    public static let messageTTL = "TTL"
    /// Request-reply arrive time.
    public static let replyMessageArriveTime = "ARRIVE_TIME"
    /// Request-reply push time.
    public static let pushReplyTime = "PUSH_REPLY_TIME"
    /// Broker cluster name, added by the broker.
    public static let cluster = "CLUSTER"
    /// Message type (request-reply).
    public static let messageType = "MSG_TYPE"
    /// POP checkpoint.
    public static let popCK = "POP_CK"
    /// POP checkpoint offset.
    public static let popCKOffset = "POP_CK_OFFSET"
    /// First POP time.
    public static let firstPopTime = "1ST_POP_TIME"
    /// Sharding key.
    public static let shardingKey = "__SHARDINGKEY"
    /// Timer delay in seconds.
    public static let timerDelaySec = "TIMER_DELAY_SEC"
    /// Timer delivery time in ms.
    public static let timerDeliverMS = "TIMER_DELIVER_MS"
    /// Timer delay in ms.
    public static let timerDelayMS = "TIMER_DELAY_MS"
    /// When a timer message fires, set by the broker (its slot: the deliver time rounded down to the
    /// timer precision, one precision step earlier when it is a multiple of it); marks a message already timed.
    public static let timerOutMS = "TIMER_OUT_MS"
    /// When the timer store took the message in (`Long.MAX_VALUE`: it was already due then).
    public static let timerEnqueueMS = "TIMER_ENQUEUE_MS"
    /// When the timer store delivered the message into its topic.
    public static let timerDequeueMS = "TIMER_DEQUEUE_MS"
    /// How often Apache's timer wheel rolled a far-future message over.
    public static let timerRollTimes = "TIMER_ROLL_TIMES"
    /// `topic+uniqueKey` of the timer message a recall marker cancels.
    public static let timerDelUniqKey = "TIMER_DEL_UNIQKEY"
    /// Delay level a timer carried (Apache's timerInterceptDelayLevel).
    public static let timerDelayLevel = "TIMER_DELAY_LEVEL"
    /// Trace context (empty on recall markers).
    public static let traceContext = "TRACE_CONTEXT"
    /// Born host carried as a property.
    public static let bornHost = "__BORNHOST"
    /// Born timestamp carried as a property.
    public static let bornTimestamp = "BORN_TIMESTAMP"
    /// Prefix of properties that are never stored.
    public static let transientPrefix = "__RMQ.TRANSIENT."
    /// The whole-record CRC slot written by the store (wire.md §5.1 field 18).
    public static let crc32 = "__CRC32#"
    /// Original topic of a DLQ message.
    public static let dlqOriginTopic = "DLQ_ORIGIN_TOPIC"
    /// Original message id of a DLQ message.
    public static let dlqOriginMessageId = "DLQ_ORIGIN_MESSAGE_ID"

    /// Names a producer may not set: Java's broker deletes `POP_CK` before storing
    /// (`clearReservedProperties`), and a `__CRC32#` from a client would be mistaken for the store's slot.
    public static let reservedByBroker: Set<String> = [popCK, crc32]
}

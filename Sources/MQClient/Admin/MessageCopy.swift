import MQProtocol
import NIOCore

/// How a stored message becomes a new one to send again (`dlq resend`, `message import`): body, flag, keys, tags
/// and user properties kept byte for byte; the properties that steer the broker or record where a stored copy came
/// from are dropped, because sending them again would make the broker do it again (docs/dlq.md says why each one).
public enum MessageCopy {
    /// Dropped on every copy. TRAN_MSG / PGROUP / TRAN_PREPARED_QUEUE_OFFSET would turn the copy into a half
    /// (prepared) transactional message that never commits; DELAY / TIMER_* would delay it again; REAL_TOPIC /
    /// REAL_QID route delayed and timer messages; WAIT is the producer's own; MIN_OFFSET / MAX_OFFSET are added by
    /// a pull, __CRC32# by the store, POP_CK by pop consumption, and TRANSFER/CORRECTION flags by retention tools.
    public static let routingProperties: Set<String> = [
        MessageConst.transactionPrepared, MessageConst.producerGroup, MessageConst.transactionPreparedQueueOffset,
        MessageConst.transactionCheckTimes, MessageConst.delayTimeLevel, MessageConst.timerDelaySec,
        MessageConst.timerDelayMS, MessageConst.timerDeliverMS, MessageConst.timerOutMS,
        MessageConst.timerEnqueueMS, MessageConst.timerDequeueMS, MessageConst.timerRollTimes,
        MessageConst.timerDelUniqKey, MessageConst.timerDelayLevel, MessageConst.realTopic,
        MessageConst.realQueueId, MessageConst.waitStoreMsgOK, MessageConst.minOffset, MessageConst.maxOffset,
        MessageConst.crc32, MessageConst.popCK, MessageConst.popCKOffset, MessageConst.firstPopTime,
        MessageConst.transferFlag, MessageConst.correctionFlag,
    ]

    /// Also dropped by a DLQ resend: the retry bookkeeping of the group that gave up on the message. RETRY_TOPIC
    /// would make a push consumer rename the resent message's topic; RECONSUME_TIME / MAX_RECONSUME_TIMES /
    /// CONSUME_START_TIME belong to the failed attempts, and the resend starts with a clean count. UNIQ_KEY is
    /// replaced by a new id so the resend is a message of its own; ORIGIN_MESSAGE_ID keeps the way back.
    public static let retryProperties: Set<String> = [
        MessageConst.retryTopic, MessageConst.reconsumeTime, MessageConst.maxReconsumeTimes,
        MessageConst.consumeStartTimestamp, MessageConst.uniqueKey,
    ]

    /// The properties of `properties` a copy keeps, in their stored order.
    public static func kept(_ properties: MessageProperties, dropping: Set<String>) -> MessageProperties {
        MessageProperties(properties.entries.filter { !dropping.contains($0.name) }.map { ($0.name, $0.value) })
    }

    /// `m` (a message of `%DLQ%group`) to send to `topic`, with a new message id (returned, so it can be journaled
    /// before the send) and ORIGIN_MESSAGE_ID naming the first message it came from.
    public static func forResend(_ m: MessageExt, to topic: String) -> (message: Message, newMsgId: String) {
        var copy = Message(topic: topic, body: m.body)
        copy.flag = m.flag
        copy.properties = kept(m.properties, dropping: routingProperties.union(retryProperties))
        copy.properties[MessageConst.originMessageId] = m.properties[MessageConst.originMessageId] ?? m.msgId
        let id = UniqueKeyGenerator.shared.next()
        copy.properties[MessageConst.uniqueKey] = id
        return (copy, id)
    }

    /// An exported message to send to `topic`: everything kept but the routing properties (UNIQ_KEY too: the
    /// message keeps its id, as a Java producer re-sending a stored message does).
    public static func forImport(body: [UInt8], flag: Int32, properties: MessageProperties, to topic: String)
        -> Message
    {
        var copy = Message(topic: topic, body: ByteBuffer(bytes: body))
        copy.flag = flag
        copy.properties = kept(properties, dropping: routingProperties)
        return copy
    }
}

import MQProtocol
import SwiftProtobuf

/// The stored properties of a message a v5 client sends, as Apache's proxy builds them
/// (`SendMessageActivity.buildMessageProperty`): the user's properties, then TAGS, KEYS, UNIQ_KEY = the client's
/// message id, TRAN_MSG, TIMER_DELIVER_MS, RECONSUME_TIME, PGROUP, __SHARDINGKEY, TRACE_CONTEXT, __BORNHOST,
/// BORN_TIMESTAMP.
enum GrpcMessageProperties {
    /// Names a user property may not take (Apache's `MessageConst.STRING_HASH_SET`: the system's own).
    static let systemNames: Set<String> = [
        MessageConst.keys, MessageConst.tags, MessageConst.waitStoreMsgOK, MessageConst.delayTimeLevel,
        MessageConst.retryTopic, MessageConst.realTopic, MessageConst.realQueueId, MessageConst.transactionPrepared,
        MessageConst.producerGroup, MessageConst.minOffset, MessageConst.maxOffset, MessageConst.buyerId,
        MessageConst.originMessageId, MessageConst.transferFlag, MessageConst.correctionFlag, MessageConst.mq2Flag,
        MessageConst.reconsumeTime, MessageConst.msgRegion, MessageConst.traceSwitch, MessageConst.uniqueKey,
        MessageConst.extendUniqInfo, MessageConst.maxReconsumeTimes, MessageConst.consumeStartTimestamp,
        MessageConst.innerNum, MessageConst.innerBase, MessageConst.dupInfo, MessageConst.checkImmunityTimeInSeconds,
        MessageConst.transactionPreparedQueueOffset, MessageConst.transactionId, MessageConst.transactionCheckTimes,
        MessageConst.instanceId, MessageConst.correlationId, MessageConst.messageReplyToClient,
        MessageConst.messageTTL, MessageConst.replyMessageArriveTime, MessageConst.pushReplyTime,
        MessageConst.cluster, MessageConst.messageType, MessageConst.popCK, MessageConst.popCKOffset,
        MessageConst.firstPopTime, MessageConst.shardingKey, MessageConst.timerDelaySec, MessageConst.timerDeliverMS,
        MessageConst.timerDelayMS, MessageConst.timerOutMS, MessageConst.timerEnqueueMS, MessageConst.timerDequeueMS,
        MessageConst.timerRollTimes, MessageConst.timerDelUniqKey, MessageConst.timerDelayLevel,
        MessageConst.traceContext, MessageConst.bornHost, MessageConst.bornTimestamp, MessageConst.crc32,
        MessageConst.dlqOriginTopic, MessageConst.dlqOriginMessageId,
    ]

    typealias Refusal = GrpcSendMessage.Refusal

    /// Apache's proxy limits (`ProxyConfig.userPropertyMaxNum`, `maxUserPropertySize`): how many user properties a
    /// message may carry, and the UTF-8 bytes of their keys and values with the tag and the keys.
    static let maxUserProperties = 128
    static let maxUserPropertyBytes = 16 * 1024

    static func build(
        _ message: Apache_Rocketmq_V2_Message, producerGroup: String, call: GrpcCall
    ) throws(Refusal) -> MessageProperties {
        var properties = MessageProperties()
        guard message.userProperties.count <= maxUserProperties else {
            throw Refusal(.messagePropertiesTooLarge, "too many user properties, max is \(maxUserProperties)")
        }
        var userBytes = 0
        // Sorted: the stored order does not depend on the map's.
        for (name, value) in message.userProperties.sorted(by: { $0.key < $1.key }) {
            guard !systemNames.contains(name) else {
                throw Refusal(.illegalMessagePropertyKey, "property is used by system: \(name)")
            }
            guard !hasControlCharacter(name), !hasControlCharacter(value) else {
                throw Refusal(
                    .illegalMessagePropertyKey, "the key and value of a property cannot contain control characters")
            }
            properties[name] = value
            userBytes += name.utf8.count + value.utf8.count
        }
        let system = message.systemProperties
        if system.hasTag {
            guard !system.tag.isEmpty, !system.tag.contains("|"), !hasControlCharacter(system.tag) else {
                throw Refusal(.illegalMessageTag, "the tag must be non-empty, without '|' or control characters")
            }
            properties[MessageConst.tags] = system.tag
            userBytes += system.tag.utf8.count
        }
        for key in system.keys where key.isEmpty || hasControlCharacter(key) {
            throw Refusal(.illegalMessageKey, "a message key must be non-empty, without control characters")
        }
        if !system.keys.isEmpty { properties[MessageConst.keys] = system.keys.joined(separator: " ") }
        userBytes += system.keys.reduce(0) { $0 + $1.utf8.count }
        guard userBytes <= maxUserPropertyBytes else {
            throw Refusal(
                .messagePropertiesTooLarge, "the total size of user property is too large, max is \(maxUserPropertyBytes)")
        }
        guard !system.messageID.allSatisfy(\.isWhitespace) else {
            throw Refusal(.illegalMessageID, "message id cannot be empty")
        }
        properties[MessageConst.uniqueKey] = system.messageID
        if system.messageType == .transaction {
            properties[MessageConst.transactionPrepared] = "true"
            if system.hasOrphanedTransactionRecoveryDuration {
                let seconds = system.orphanedTransactionRecoveryDuration.seconds
                properties[MessageConst.checkImmunityTimeInSeconds] = String(seconds)
            }
        }
        if system.hasDeliveryTimestamp {
            let at = GrpcSendMessage.millis(system.deliveryTimestamp)
            properties[MessageConst.timerDeliverMS] = String(at)
        }
        properties[MessageConst.reconsumeTime] = String(system.deliveryAttempt)
        properties[MessageConst.producerGroup] = producerGroup
        if system.hasMessageGroup, !system.messageGroup.isEmpty {
            guard !hasControlCharacter(system.messageGroup), system.messageGroup.utf8.count <= 64 else {
                throw Refusal(
                    .illegalMessageGroup, "the message group must be at most 64 bytes, without control characters")
            }
            properties[MessageConst.shardingKey] = system.messageGroup
        }
        if system.hasTraceContext, !system.traceContext.isEmpty {
            properties[MessageConst.traceContext] = system.traceContext
        }
        let bornHost = system.bornHost.isEmpty ? call.remoteAddress : system.bornHost
        if !bornHost.isEmpty { properties[MessageConst.bornHost] = bornHost }
        if system.hasBornTimestamp {
            properties[MessageConst.bornTimestamp] = String(GrpcSendMessage.millis(system.bornTimestamp))
        }
        return properties
    }

    /// Control characters (below space, except tab/CR/LF as Apache's `GrpcValidator` allows) would corrupt the
    /// stored property string, whose separators are \u{1} and \u{2}.
    static func hasControlCharacter(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\r" && $0 != "\n" }
    }
}

import MQProtocol
import MQRemoting
import MQStore
import NIOCore

extension BrokerCore {
    /// CONSUMER_SEND_MSG_BACK (wire.md §7.6): a failed message goes to `%RETRY%<group>` with a growing delay,
    /// or to `%DLQ%<group>` once it was retried `retryMaxTimes` times.
    func handleSendBack(_ request: RemotingCommand, peer: any RemotingPeer) throws -> RemotingCommand {
        let h = try request.decodeHeader(ConsumerSendMsgBackRequestHeader.self)
        guard let group = groups.findOrCreate(h.group) else {
            return request.response(.subscriptionGroupNotExist, remark: "subscription group [\(h.group)] does not exist")
        }
        guard liveSettings.isWritable else {
            return request.response(.noPermission, remark: "the broker[\(config.brokerName)] sending message is forbidden")
        }
        if group.retryQueueNums <= 0 { return request.response() }

        guard let record = store.message(atCommitLogOffset: h.offset),
            let original = try? decodeRecord(record)
        else {
            return request.response(.systemError, remark: "look message by offset failed, \(h.offset)")
        }
        var properties = original.properties
        if properties[MessageConst.retryTopic] == nil { properties[MessageConst.retryTopic] = original.topic }
        var maxTimes = group.retryMaxTimes
        if request.version >= MQVersion.v3_4_9, let m = h.maxReconsumeTimes { maxTimes = m }

        var topic = SystemTopics.retryTopic(h.group)
        var queueId = Int32.random(in: 0..<max(group.retryQueueNums, 1))
        var delayLevel = Int(h.delayLevel)
        if original.reconsumeTimes >= maxTimes || delayLevel < 0 {
            topic = SystemTopics.dlqTopic(h.group)
            queueId = 0
            delayLevel = 0
            _ = try topics.createSystemGroupTopic(topic, queueNums: 1, durable: true)
            logger.info("message \(original.offsetMsgId) of group \(h.group) moved to \(topic) after \(original.reconsumeTimes) retries")
        } else {
            _ = try topics.createSystemGroupTopic(topic, queueNums: max(group.retryQueueNums, 1), durable: true)
            if delayLevel == 0 { delayLevel = 3 + Int(original.reconsumeTimes) }
        }
        properties[MessageConst.originMessageId] =
            properties[MessageConst.originMessageId] ?? original.offsetMsgId
        if delayLevel > 0 {
            properties[MessageConst.delayTimeLevel] = String(delayLevel)
        } else {
            properties[MessageConst.delayTimeLevel] = nil
        }
        var message = MessageToStore(
            topic: topic, queueId: queueId, flag: original.flag, body: original.body, properties: properties,
            sysFlag: original.sysFlag, bornTimestamp: original.bornTimestamp, bornHost: original.bornHost,
            reconsumeTimes: original.reconsumeTimes + 1, preparedTransactionOffset: 0,
            tagsCode: tagsCode(properties[MessageConst.tags]), storeTimestamp: nil)
        if delayLevel > 0 { applyDelay(&message, level: delayLevel) }
        let result = store.put(message)
        switch result.status {
        case .ok:
            stats.recordPut(topic: topic, messages: 1, bytes: original.body.readableBytes)
            consumers.sendBacks.record(
                group: h.group, peerId: peer.id, originMessageId: properties[MessageConst.originMessageId])
            return request.response()
        case .messageIllegal(let why), .serviceUnavailable(let why):
            return request.response(.systemError, remark: why)
        }
    }
}

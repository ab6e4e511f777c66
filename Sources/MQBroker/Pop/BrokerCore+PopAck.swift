import MQProtocol
import MQRemoting
import MQStore
import NIOCore

extension BrokerCore {
    /// ACK_MESSAGE: ends the message's current generation. A handle that no longer matches (acked, revived or
    /// changed since) is answered SUCCESS and changes nothing, as Apache writes such an ack with no effect.
    func handleAck(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(AckMessageRequestHeader.self)
        guard let handle = PopExtraInfo(parsing: h.extraInfo) else { return badHandle(request, h.extraInfo) }
        if let refusal = popQueueRefusal(
            request, topic: h.topic, queueId: h.queueId, offset: h.offset, inclusive: true)
        {
            return refusal
        }
        if handle.isOrderly {
            return try ackOrderly(
                request, group: h.consumerGroup, topic: h.topic, queueId: h.queueId, popTime: handle.popTime,
                offsets: [h.offset]) ?? request.response()
        }
        try ack(
            group: h.consumerGroup, topic: h.topic, queueId: h.queueId, popTime: handle.popTime, offsets: [h.offset])
        return request.response()
    }

    /// BATCH_ACK_MESSAGE: the body's acks, each checked as ACK_MESSAGE checks one.
    func handleBatchAck(_ request: RemotingCommand) throws -> RemotingCommand {
        let body = try request.decodeBody(BatchAckMessageRequestBody.self)
        guard !body.acks.isEmpty else { return request.response(.noMessage, remark: "the batch holds no ack") }
        for one in body.acks {
            guard let topic = one.realTopic else {
                return request.response(.invalidParameter, remark: "retry flag \"\(one.retry)\" is not 0, 1 or 2")
            }
            for offset in one.ackedOffsets {
                if let refusal = popQueueRefusal(
                    request, topic: topic, queueId: one.queueId, offset: offset, inclusive: true)
                {
                    return refusal
                }
            }
            if one.reviveQueueId == PopTopics.orderlyReviveQueueId {
                if let refusal = try ackOrderly(
                    request, group: one.consumerGroup, topic: topic, queueId: one.queueId, popTime: one.popTime,
                    offsets: one.ackedOffsets)
                {
                    return refusal
                }
                continue
            }
            try ack(group: one.consumerGroup, topic: topic, queueId: one.queueId, popTime: one.popTime,
                offsets: one.ackedOffsets)
        }
        return request.response()
    }

    /// CHANGE_MESSAGE_INVISIBLETIME: the message gets a new generation (`popTime` = now) visible again after the
    /// new invisible time; the reply carries what the client builds the new handle from. Refused with NO_MESSAGE
    /// when the handle is not the message's current one (nothing would be changed).
    func handleChangeInvisibleTime(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(ChangeInvisibleTimeRequestHeader.self)
        guard let handle = PopExtraInfo(parsing: h.extraInfo) else { return badHandle(request, h.extraInfo) }
        if let refusal = invisibleTimeRefusal(h.invisibleTime) {
            return request.response(.invalidParameter, remark: refusal)
        }
        if let refusal = popQueueRefusal(
            request, topic: h.topic, queueId: h.queueId, offset: h.offset, inclusive: false)
        {
            return refusal
        }
        if handle.isOrderly { return try changeOrderly(request, h, popTime: handle.popTime) }
        let key = PopKey(group: h.consumerGroup, topic: h.topic, queueId: h.queueId, offset: h.offset)
        guard let entry = popState.withLockedValue({ $0.entry(key) }), entry.popTime == handle.popTime else {
            return request.response(
                .noMessage,
                remark: "message \(h.offset) of \(h.topic):\(h.queueId) is not in flight under this handle (acked, "
                    + "revived or changed since); pop it again")
        }
        // A new generation needs a new popTime, also within the same millisecond.
        let now = max(nowMillis(), entry.popTime + 1)
        try appendPopLog(.change(PopChangeRecord(
            group: h.consumerGroup, topic: h.topic, queueId: h.queueId, offset: h.offset, popTime: entry.popTime,
            newPopTime: now, invisibleTime: h.invisibleTime)))
        wakePopRevive(deadline: now + h.invisibleTime)
        return request.response(
            header: ChangeInvisibleTimeResponseHeader(popTime: now, invisibleTime: h.invisibleTime, reviveQid: 0))
    }

    /// Acks the offsets whose current generation is `popTime`; the others are left alone.
    private func ack(group: String, topic: String, queueId: Int32, popTime: Int64, offsets: [Int64]) throws {
        let live = popState.withLockedValue { state in
            offsets.filter {
                state.entry(PopKey(group: group, topic: topic, queueId: queueId, offset: $0))?.popTime == popTime
            }
        }
        guard !live.isEmpty else { return }
        try appendPopLog(
            .ack(PopAckRecord(group: group, topic: topic, queueId: queueId, popTime: popTime, offsets: live)))
    }

    private func badHandle(_ request: RemotingCommand, _ text: String) -> RemotingCommand {
        request.response(
            .invalidParameter,
            remark: "extraInfo \"\(text)\" is not a POP receipt handle (so pt it rq flag broker queueId offset)")
    }

    /// Apache's checks of the topic, the queue and the offset (AckMessageProcessor, ChangeInvisibleTimeProcessor).
    private func popQueueRefusal(
        _ request: RemotingCommand, topic: String, queueId: Int32, offset: Int64, inclusive: Bool
    ) -> RemotingCommand? {
        guard let config = topics.topic(topic) else {
            return request.response(.topicNotExist, remark: "topic[\(topic)] not exist, apply first please!")
        }
        guard queueId >= 0, queueId < config.readQueueNums else {
            return request.response(
                .messageIllegal,
                remark: "queueId[\(queueId)] is illegal, topic:[\(topic)] topicConfig.readQueueNums:"
                    + "[\(config.readQueueNums)]")
        }
        let min = store.minOffset(topic: topic, queueId: queueId)
        let max = store.maxOffset(topic: topic, queueId: queueId)
        guard offset >= min, inclusive ? offset <= max : offset < max else {
            return request.response(
                .noMessage, remark: "offset is illegal, key:\(topic)@\(queueId), commit:\(offset), store:\(min),\(max)")
        }
        return nil
    }
}

import MQProtocol
import MQRemoting
import MQStore
import NIOCore

/// Orderly POP (docs/design/pop-grpc.md §3.4): one batch per (group, topic, queue) at a time. The queue is blocked
/// while an offset of its batch is neither acked nor visible again; then the next pop reads again from the first
/// offset not acked, and a message popped again counts one more delivery (`orderCountInfo`, the consumer's
/// reconsumeTimes). No retry topic: at retryMaxTimes + 1 deliveries the pop moves it to the DLQ instead.
extension BrokerCore {
    func popOrderlyQueue(_ pop: inout PopBatch, queueId: Int32, retryMaxTimes: Int32) throws {
        let key = PopOrderKey(group: pop.group, topic: pop.topic, queueId: queueId)
        let previous = popState.withLockedValue { $0.order(key) }
        if let previous, previous.blocks(now: pop.popTime) { return }
        var offset = offsets.offset(group: pop.group, topic: pop.topic, queueId: queueId)
        if offset < 0 {
            offset = popInitOffset(topic: pop.topic, queueId: queueId, initMode: pop.initMode)
            offsets.commit(group: pop.group, topic: pop.topic, queueId: queueId, offset: offset)
        }
        var result = store.getMessages(
            topic: pop.topic, queueId: queueId, offset: offset, maxCount: pop.remaining, maxBytes: Self.maxPullBytes,
            filter: pop.filter.tagCodeFilter, recordFilter: pop.filter.recordFilter)
        if result.status == .offsetTooSmall || result.status == .offsetOverflowBadly {
            offset = result.nextBeginOffset
            result = store.getMessages(
                topic: pop.topic, queueId: queueId, offset: offset, maxCount: pop.remaining,
                maxBytes: Self.maxPullBytes, filter: pop.filter.tagCodeFilter, recordFilter: pop.filter.recordFilter)
        }
        pop.restNum += max(result.maxOffset - result.nextBeginOffset, 0)
        // Offsets the previous batch had acked stay consumed (the offset stood at an earlier, unacked one).
        let read = try zip(result.messages.map { try decodeRecord($0) }, result.messages).filter {
            !(previous?.acked.contains($0.0.queueOffset) ?? false)
        }
        guard !read.isEmpty else {
            if result.nextBeginOffset > offset {
                offsets.commit(group: pop.group, topic: pop.topic, queueId: queueId, offset: result.nextBeginOffset)
            }
            return
        }
        let counts = read.map { m, _ in previous?.counts[m.queueOffset].map { $0 + 1 } ?? 0 }
        let all = read.map(\.0.queueOffset)
        let first = all[0]
        try appendPopLog(.checkpoint(PopCheckpointRecord(
            group: pop.group, topic: pop.topic, queueId: queueId, startOffset: first, deltas: all.map { $0 - first },
            popTime: pop.popTime, invisibleTime: pop.invisibleTime, orderly: true, attempts: counts)))

        // Delivered retryMaxTimes + 1 times already: to the DLQ, acked, not returned (Apache's proxy filter).
        var dead: [Int64] = []
        var returned: [Int64] = []
        for ((m, raw), count) in zip(read, counts) {
            if count >= retryMaxTimes + 1 {
                try putOrderlyDead(m, group: pop.group, count: count)
                dead.append(m.queueOffset)
                continue
            }
            var copy = raw
            pop.body.writeBuffer(&copy)
            returned.append(m.queueOffset)
            pop.orderCountInfo.addOffsetOrderCount(retry: false, queueId: queueId, offset: m.queueOffset, count: count)
        }
        if !dead.isEmpty {
            try appendPopLog(.ack(PopAckRecord(
                group: pop.group, topic: pop.topic, queueId: queueId, popTime: pop.popTime, offsets: dead)))
        }
        let batch = popState.withLockedValue { $0.order(key) }
        offsets.commit(
            group: pop.group, topic: pop.topic, queueId: queueId, offset: batch?.commitOffset ?? result.nextBeginOffset)
        guard !returned.isEmpty else { return }
        pop.found += returned.count
        pop.remaining -= returned.count
        pop.startOffsetInfo.addStartOffset(retry: false, queueId: queueId, startOffset: first)
        pop.msgOffsetInfo.addMessageOffsets(retry: false, queueId: queueId, offsets: returned)
        if let least = zip(read, counts).filter({ returned.contains($0.0.0.queueOffset) }).map(\.1).min() {
            pop.orderCountInfo.addQueueOrderCount(retry: false, queueId: queueId, count: least)
        }
    }

    private func putOrderlyDead(_ m: MessageExt, group: String, count: Int32) throws {
        let topic = SystemTopics.dlqTopic(group)
        _ = try topics.createSystemGroupTopic(topic, queueNums: 1, durable: true)
        var properties = m.properties
        properties[MessageConst.retryTopic] = properties[MessageConst.retryTopic] ?? m.topic
        properties[MessageConst.originMessageId] = properties[MessageConst.originMessageId] ?? m.offsetMsgId
        let copy = MessageToStore(
            topic: topic, queueId: 0, flag: m.flag, body: m.body, properties: properties, sysFlag: m.sysFlag,
            bornTimestamp: m.bornTimestamp, bornHost: m.bornHost, reconsumeTimes: count, preparedTransactionOffset: 0,
            tagsCode: tagsCode(properties[MessageConst.tags]), storeTimestamp: nil)
        switch store.put(copy).status {
        case .ok:
            stats.recordPut(topic: topic, messages: 1, bytes: m.body.readableBytes)
            logger.info("orderly popped message \(m.offsetMsgId) of group \(group) moved to \(topic) after \(count) deliveries")
        case .messageIllegal(let why), .serviceUnavailable(let why):
            throw BrokerError.storeFailed(why)
        }
    }

    /// Orderly ACK_MESSAGE / BATCH_ACK_MESSAGE: the offsets must be in the queue's current batch (MESSAGE_ILLEGAL
    /// otherwise, as Apache); the group's offset moves to the first offset not acked, and parked pops wake.
    func ackOrderly(
        _ request: RemotingCommand, group: String, topic: String, queueId: Int32, popTime: Int64, offsets acked: [Int64]
    ) throws -> RemotingCommand? {
        // Below the group's offset: consumed already (an ack repeated after its batch ended), as Apache answers.
        let committed = offsets.offset(group: group, topic: topic, queueId: queueId)
        if acked.allSatisfy({ $0 < committed }) { return nil }
        let key = PopOrderKey(group: group, topic: topic, queueId: queueId)
        guard let batch = popState.withLockedValue({ $0.order(key) }), batch.popTime == popTime,
            acked.allSatisfy({ batch.offsets.contains($0) })
        else {
            return request.response(
                .messageIllegal, remark: "offsets \(acked) are not in the popped batch of \(topic)@\(queueId) for \(group)")
        }
        try appendPopLog(
            .ack(PopAckRecord(group: group, topic: topic, queueId: queueId, popTime: popTime, offsets: acked)))
        var after = batch
        after.acked.formUnion(acked)
        if let next = after.commitOffset {
            offsets.commit(group: group, topic: topic, queueId: queueId, offset: next)
        }
        wakePops(topic: topic)
        return nil
    }

    /// Orderly CHANGE_MESSAGE_INVISIBLETIME: only that offset's next visible time changes; the handle stays valid.
    func changeOrderly(_ request: RemotingCommand, _ h: ChangeInvisibleTimeRequestHeader, popTime: Int64) throws
        -> RemotingCommand
    {
        let key = PopOrderKey(group: h.consumerGroup, topic: h.topic, queueId: h.queueId)
        guard let batch = popState.withLockedValue({ $0.order(key) }), batch.popTime == popTime,
            batch.offsets.contains(h.offset), !batch.acked.contains(h.offset)
        else {
            return request.response(
                .noMessage, remark: "message \(h.offset) of \(h.topic):\(h.queueId) is not in flight under this handle")
        }
        try appendPopLog(.change(PopChangeRecord(
            group: h.consumerGroup, topic: h.topic, queueId: h.queueId, offset: h.offset, popTime: popTime,
            newPopTime: nowMillis(), invisibleTime: h.invisibleTime)))
        return request.response(header: ChangeInvisibleTimeResponseHeader(
            popTime: popTime, invisibleTime: h.invisibleTime, reviveQid: PopTopics.orderlyReviveQueueId))
    }
}

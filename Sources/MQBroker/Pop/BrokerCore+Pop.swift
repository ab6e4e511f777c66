import MQProtocol
import MQRemoting
import MQStore
import NIOCore

/// POP consumption (docs/design/pop-grpc.md §3, §4.4): POP_MESSAGE here (orderly queues in
/// BrokerCore+PopOrderly.swift), acks and changes of invisible time in BrokerCore+PopAck.swift. Every handler runs
/// on the pop thread, the one writer of the in-flight table; each change is appended to the pop log first, then
/// applied (`PopState`), so a restart rebuilds the same table.
extension BrokerCore {
    /// POP_MESSAGE: pops at once, or — nothing there and a poll time given — parks the request until a message
    /// arrives in the topic or its POP retry topic (re-run on this thread) or the poll time ends (POLLING_TIMEOUT).
    func handlePop(_ request: RemotingCommand, peer: any RemotingPeer) -> ProcessResult {
        let response = popCatching(request, peer: peer)
        guard response.code == ResponseCode.pollingTimeout.rawValue,
            let h = try? request.decodeHeader(PopMessageRequestHeader.self), h.pollTime > 0
        else { return .response(response) }
        return park(.pop, request, peer: peer, group: h.consumerGroup, topic: h.topic, queueId: h.queueId,
            pollTime: h.pollTime)
    }

    /// A parked pop, woken or at the end of its poll time (`final`): pops again, parks again if still empty.
    func rerunPop(_ held: PopHoldService.Held, final: Bool) {
        let response = popCatching(held.request, peer: held.peer)
        if response.code == ResponseCode.pollingTimeout.rawValue, !final, held.deadline > nowMillis(),
            held.peer.isActive, popHolds.hold(held)
        {
            return
        }
        held.complete.succeed(response)
    }

    private func popCatching(_ request: RemotingCommand, peer: any RemotingPeer) -> RemotingCommand {
        do {
            return try popOnce(request, peer: peer)
        } catch {
            return request.response(.systemError, remark: "\(error)")
        }
    }

    /// One pop: reads up to maxMsgNums from the queue (or every queue with -1) and the group's POP retry topic,
    /// records one checkpoint per queue read and advances the group's offset past what was popped.
    func popOnce(_ request: RemotingCommand, peer: any RemotingPeer) throws -> RemotingCommand {
        let h = try request.decodeHeader(PopMessageRequestHeader.self)
        func fail(_ code: ResponseCode, _ remark: String) -> RemotingCommand { request.response(code, remark: remark) }
        let settings = config.pop
        guard liveSettings.isReadable else {
            return fail(.noPermission, "the broker[\(config.brokerName)] popping message is forbidden")
        }
        guard h.maxMsgNums > 0, h.maxMsgNums <= settings.maxMessagesPerPop else {
            return fail(.invalidParameter, "maxMsgNums \(h.maxMsgNums) is not in 1...\(settings.maxMessagesPerPop)")
        }
        if let refusal = invisibleTimeRefusal(h.invisibleTime) { return fail(.invalidParameter, refusal) }
        guard let group = groups.findOrCreate(h.consumerGroup) else {
            return fail(.subscriptionGroupNotExist, "subscription group [\(h.consumerGroup)] does not exist")
        }
        guard group.consumeEnable else {
            return fail(.noPermission, "subscription group no permission, \(h.consumerGroup)")
        }
        guard let topicConfig = topics.topic(h.topic) else {
            return fail(.topicNotExist, "topic[\(h.topic)] not exist, apply first please!")
        }
        guard PermName.isReadable(topicConfig.perm) else {
            return fail(.noPermission, "the topic[\(h.topic)] popping message is forbidden")
        }
        guard h.queueId == -1 || (h.queueId >= 0 && h.queueId < topicConfig.readQueueNums) else {
            return fail(
                .invalidParameter,
                "queueId[\(h.queueId)] is illegal, topic:[\(h.topic)] topicConfig.readQueueNums:"
                    + "[\(topicConfig.readQueueNums)] consumer:[\(peer.remoteAddress)]"
            )
        }
        let filter: PullMessageFilter
        switch popFilter(h) {
        case .success(let f): filter = f
        case .failure(let refusal): return refusal.response(to: request)
        }

        var pop = PopBatch(
            group: h.consumerGroup, topic: h.topic, popTime: nowMillis(), invisibleTime: h.invisibleTime,
            remaining: Int(h.maxMsgNums), initMode: h.initMode, filter: filter)
        let retryTopic = PopTopics.retryTopic(group: h.consumerGroup, topic: h.topic)
        // Orderly pops never read the retry topic (Apache): an expired message is popped again from its queue.
        let hasRetry = !h.isOrderly && topics.topic(retryTopic) != nil
        // Apache reads the retry topic first one time in five (popFromRetryProbability 20), else only to fill up.
        let retryFirst = hasRetry && Int.random(in: 0..<5) == 0
        if retryFirst { try popQueue(&pop, realTopic: retryTopic, queueId: 0) }
        let count = Int(topicConfig.readQueueNums)
        let queues: [Int32] =
            h.queueId >= 0
            ? [h.queueId] : (0..<count).map { Int32((Int(pop.popTime % Int64(max(count, 1))) + $0) % count) }
        for q in queues where pop.remaining > 0 {
            if h.isOrderly {
                try popOrderlyQueue(&pop, queueId: q, retryMaxTimes: group.retryMaxTimes)
            } else {
                try popQueue(&pop, realTopic: h.topic, queueId: q)
            }
        }
        if hasRetry, !retryFirst, pop.remaining > 0 { try popQueue(&pop, realTopic: retryTopic, queueId: 0) }

        if pop.found == 0 {
            return request.response(.pollingTimeout, remark: "no message to pop in \(h.topic) for \(h.consumerGroup)")
        }
        var rh = PopMessageResponseHeader(
            popTime: pop.popTime, invisibleTime: h.invisibleTime,
            reviveQid: h.isOrderly ? PopTopics.orderlyReviveQueueId : 0, restNum: pop.restNum)
        rh.startOffsetInfo = pop.startOffsetInfo.headerValue
        rh.msgOffsetInfo = pop.msgOffsetInfo.headerValue
        rh.orderCountInfo = pop.orderCountInfo.headerValue
        var response = request.response(.success, header: rh)
        stats.recordGet(topic: h.topic, group: h.consumerGroup, messages: pop.found, bytes: pop.body.readableBytes)
        response.body = pop.body
        wakePopRevive(deadline: pop.popTime + h.invisibleTime)
        return response
    }

    /// One pop in progress: what it has collected so far.
    struct PopBatch {
        let group: String
        let topic: String
        let popTime: Int64
        let invisibleTime: Int64
        var remaining: Int
        let initMode: Int32
        let filter: PullMessageFilter
        var found = 0
        var restNum: Int64 = 0
        var body = ByteBufferAllocator().buffer(capacity: 0)
        var startOffsetInfo = PopOffsetInfo()
        var msgOffsetInfo = PopOffsetInfo()
        var orderCountInfo = PopOffsetInfo()
    }

    /// Pops from one queue of the topic or its POP retry topic: checkpoint appended, then the offset committed
    /// past it (a crash between the two pops those messages again: duplicates, never loss).
    private func popQueue(_ pop: inout PopBatch, realTopic: String, queueId: Int32) throws {
        let retry = realTopic != pop.topic
        var offset = offsets.offset(group: pop.group, topic: realTopic, queueId: queueId)
        if offset < 0 {
            offset = popInitOffset(topic: realTopic, queueId: queueId, initMode: retry ? 0 : pop.initMode)
            offsets.commit(group: pop.group, topic: realTopic, queueId: queueId, offset: offset)
        }
        var result = store.getMessages(
            topic: realTopic, queueId: queueId, offset: offset, maxCount: pop.remaining, maxBytes: Self.maxPullBytes,
            filter: pop.filter.tagCodeFilter, recordFilter: pop.filter.recordFilter)
        if result.status == .offsetTooSmall || result.status == .offsetOverflowBadly {
            // Retention moved the queue's start (or an offset reset went past its end): continue where it is.
            offset = result.nextBeginOffset
            result = store.getMessages(
                topic: realTopic, queueId: queueId, offset: offset, maxCount: pop.remaining,
                maxBytes: Self.maxPullBytes, filter: pop.filter.tagCodeFilter, recordFilter: pop.filter.recordFilter)
        }
        pop.restNum += max(result.maxOffset - result.nextBeginOffset, 0)
        let messages = try result.messages.map { try decodeRecord($0) }
        guard !messages.isEmpty else {
            // Everything scanned was filtered out: those offsets are consumed for this group.
            if result.nextBeginOffset > offset {
                offsets.commit(group: pop.group, topic: realTopic, queueId: queueId, offset: result.nextBeginOffset)
            }
            return
        }
        let popped = messages.map(\.queueOffset)
        let ck = PopLogRecord.checkpoint(PopCheckpointRecord(
            group: pop.group, topic: realTopic, queueId: queueId, startOffset: offset,
            deltas: popped.map { $0 - offset }, popTime: pop.popTime, invisibleTime: pop.invisibleTime))
        try appendPopLog(ck)
        offsets.commit(group: pop.group, topic: realTopic, queueId: queueId, offset: result.nextBeginOffset)

        let flag = PopTopicFlag(topic: realTopic)
        for (m, raw) in zip(messages, result.messages) {
            if retry {
                // Returned under the topic the consumer asked for, with its handle set (Apache with
                // popResponseReturnActualRetryTopic=false): the client acks with the handle's retry flag.
                var record = m.record
                record.topic = pop.topic
                let handle = PopExtraInfo(
                    ckQueueOffset: offset, popTime: pop.popTime, invisibleTime: pop.invisibleTime, reviveQueueId: 0,
                    topicFlag: flag, brokerName: config.brokerName, queueId: queueId, queueOffset: m.queueOffset)
                record.properties[MessageConst.popCK] = handle.description
                var encoded = try record.encoded(appendCRCSlot: false)
                pop.body.writeBuffer(&encoded)
            } else {
                var copy = raw
                pop.body.writeBuffer(&copy)
            }
        }
        pop.found += messages.count
        pop.remaining -= messages.count
        pop.startOffsetInfo.addStartOffset(retry: retry, queueId: queueId, startOffset: offset)
        pop.msgOffsetInfo.addMessageOffsets(retry: retry, queueId: queueId, offsets: popped)
    }

    /// Where a group with no offset starts (Apache's `getInitOffset`): MIN the queue's first message; MAX its
    /// last one, except that a queue still starting at 0 is read from 0 (Apache checks that its first message is
    /// still in memory; the bundled broker's whole queue is, through the page cache).
    func popInitOffset(topic: String, queueId: Int32, initMode: Int32) -> Int64 {
        let min = store.minOffset(topic: topic, queueId: queueId)
        guard initMode == PopMessageRequestHeader.initModeMax, min > 0 else { return min }
        return Swift.max(store.maxOffset(topic: topic, queueId: queueId) - 1, min)
    }

    private func popFilter(_ h: PopMessageRequestHeader) -> Result<PullMessageFilter, PullRefusal> {
        let type = h.expType ?? ExpressionType.tag
        if ExpressionType.isTag(type) { return .success(.tags(h.exp)) }
        guard liveSettings.enablePropertyFilter else { return .failure(propertyFilterOff(type)) }
        switch filters.compiled(type: type, expression: h.exp ?? "") {
        case .success(let expression): return .success(.sql92(expression))
        case .failure(let why):
            return .failure(PullRefusal(
                code: .subscriptionParseFailed, remark: "parse the consumer's subscription failed: \(why)"))
        }
    }

    func invisibleTimeRefusal(_ millis: Int64) -> String? {
        let s = config.pop
        guard millis < s.minInvisibleTimeMillis || millis > s.maxInvisibleTimeMillis else { return nil }
        return "invisibleTime \(millis) ms is outside \(s.minInvisibleTimeMillis)...\(s.maxInvisibleTimeMillis) ms"
    }

    /// Appends a record to the pop log, then applies it to the in-flight table. Throws when the store refuses.
    func appendPopLog(_ record: PopLogRecord) throws {
        var properties = MessageProperties()
        properties[MessageConst.tags] = record.tag
        let message = MessageToStore(
            topic: PopTopics.popLog, queueId: 0, flag: 0, body: ByteBuffer(bytes: record.encodeBody()),
            properties: properties, sysFlag: 0, bornTimestamp: nowMillis(), bornHost: storeHost, reconsumeTimes: 0,
            preparedTransactionOffset: 0, tagsCode: tagsCode(record.tag), storeTimestamp: nil)
        let result = store.put(message)
        switch result.status {
        case .ok: popState.withLockedValue { $0.apply(record, at: result.queueOffset) }
        case .messageIllegal(let why), .serviceUnavailable(let why): throw BrokerError.storeFailed(why)
        }
    }

    /// Wakes the revive thread when `deadline` is earlier than the pass it has planned (most pops' are later:
    /// waking it for each would rescan the table per pop).
    func wakePopRevive(deadline: Int64) {
        let earlier = popReviveNext.withLockedValue { next in
            guard deadline < next else { return false }
            next = deadline
            return true
        }
        if earlier { popReviveWaker.withLockedValue { $0 }?() }
    }
}

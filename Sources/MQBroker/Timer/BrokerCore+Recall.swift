import MQProtocol
import MQRemoting
import MQStore
import NIOCore

extension BrokerCore {
    /// The TAGS of a recall marker (Apache's RecallMessageProcessor.RECALL_MESSAGE_TAG).
    static let recallTag = "_RECALL_TAG_"

    /// RECALL_MESSAGE (370): Apache's RecallMessageProcessor. A recall stores a marker in the recalled message's
    /// slot (the handle's timestamp rounds to it); when the slot fires, the timer service drops the message.
    /// Refused once the handle's time has passed (ILLEGAL_OPERATION "recall failed, timestamp invalid"): a message
    /// already delivered cannot be recalled.
    func handleRecall(_ request: RemotingCommand, peer: any RemotingPeer) -> ProcessResult {
        func answer(_ code: ResponseCode, _ remark: String?, msgId: String? = nil) -> RemotingCommand {
            var response = request.response(code, remark: remark, header: msgId.map(RecallMessageResponseHeader.init))
            response.extFields[MessageConst.msgRegion] = config.regionId
            return response
        }
        let header: RecallMessageRequestHeader
        do {
            header = try request.decodeHeader(RecallMessageRequestHeader.self)
        } catch {
            return .response(answer(.systemError, "\(error)"))
        }
        guard config.timer.recallEnabled else {
            return .response(answer(.noPermission, "recall failed, operation is forbidden"))
        }
        guard topics.topic(header.topic) != nil else {
            return .response(answer(.topicNotExist, "recall failed, the topic[\(header.topic)] not exist"))
        }
        let handle: RecallHandle
        do {
            handle = try RecallHandle(decoding: header.recallHandle)
        } catch {
            return .response(answer(.illegalOperation, error.description))
        }
        guard handle.topic == header.topic else {
            return .response(answer(.illegalOperation, "recall failed, topic not match"))
        }
        guard handle.brokerName == config.brokerName else {
            return .response(answer(.illegalOperation, "recall failed, broker service not available"))
        }
        let now = nowMillis()
        let timeLeft = (Int64(handle.timestamp) ?? -1) &- now
        guard timeLeft > 0, timeLeft < config.timer.maxDelaySeconds &* 1000 else {
            return .response(answer(.illegalOperation, "recall failed, timestamp invalid"))
        }
        var marker = recallMarker(handle, producerGroup: header.producerGroup, peer: peer, now: now)
        do {
            try applyTimer(&marker, now: now)
        } catch {
            return .response(answer(.systemError, "recall failed, execute error"))
        }
        let result = store.put(marker)
        guard case .ok = result.status else {
            stats.recordPutFailure()
            return .response(answer(.systemError, "recall failed, execute error"))
        }
        stats.recordPut(topic: marker.topic, messages: 1, bytes: marker.body.readableBytes)
        let response = answer(.success, nil, msgId: handle.messageId)
        guard config.store.flushMode == .sync else { return .response(response) }
        // As a send: a recall is acknowledged once its marker is on disk.
        let failure = answer(.systemError, "recall failed, execute error")
        let promise = peer.eventLoop.makePromise(of: RemotingCommand?.self)
        store.whenFlushed(upTo: result.endOffset) { ok in promise.succeed(ok ? response : failure) }
        return .deferred(promise.futureResult)
    }

    /// The marker a recall stores (Apache's `RecallMessageProcessor.buildMessage`), before the timer transform.
    func recallMarker(_ handle: RecallHandle, producerGroup: String?, peer: any RemotingPeer, now: Int64)
        -> MessageToStore
    {
        var props = MessageProperties()
        props[MessageConst.tags] = Self.recallTag
        props[MessageConst.timerDelUniqKey] = TimerMessageService.cancelKey(
            topic: handle.topic, uniqueKey: handle.messageId)
        props[MessageConst.uniqueKey] = handle.messageId
        props[MessageConst.timerDeliverMS] = handle.timestamp
        props[MessageConst.bornTimestamp] = String(now)
        props[MessageConst.traceContext] = ""
        props[MessageConst.producerGroup] = producerGroup
        return MessageToStore(
            topic: handle.topic, queueId: 0, body: ByteBuffer(string: "0"), properties: props, bornTimestamp: now,
            bornHost: peer.remoteHost ?? storeHost, tagsCode: tagsCode(Self.recallTag))
    }

    /// MQADMIN_TIMER_LIST (29001, an mqadmin extension): pending timer messages per topic and minute.
    func handleTimerList(_ request: RemotingCommand) throws -> RemotingCommand {
        let header = try request.decodeHeader(TimerListRequestHeader.self)
        if let within = header.withinMillis, within < 0 {
            return request.response(.invalidParameter, remark: "withinMillis must not be negative, got \(within)")
        }
        let body = timers.list(topic: header.topic, withinMillis: header.withinMillis, limit: Self.timerListLimit)
        return request.response().withJSONBody(body, style: .standard)
    }

    /// At most this many topic-minute buckets per answer (three days of one topic need 4320).
    static let timerListLimit = 10_000
}

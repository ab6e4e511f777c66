import MQProtocol
import MQRemoting
import MQStore
import NIOCore

extension BrokerCore {
    /// The most a single pull returns, whatever the client asks.
    static let maxPullMessages: Int32 = 256
    static let maxPullBytes = 4 * 1024 * 1024

    /// PULL_MESSAGE (wire.md §7.4), with long polling when the client allows suspension.
    func handlePull(_ request: RemotingCommand, peer: any RemotingPeer, allowSuspend: Bool) -> ProcessResult {
        switch pull(request, peer: peer, allowSuspend: allowSuspend) {
        case .done(let response):
            return .response(response)
        case .hold(let held, let topic, let queueId):
            holds.hold(held, topic: topic, queueId: queueId)
            return .deferred(held.promise)
        }
    }

    enum PullOutcome {
        case done(RemotingCommand)
        case hold(PullRequestHoldService.Held, topic: String, queueId: Int32)
    }

    /// `rerunOf`: the held pull this re-runs, which waits on when nothing it matches has arrived.
    func pull(
        _ request: RemotingCommand, peer: any RemotingPeer, allowSuspend: Bool,
        rerunOf held: PullRequestHoldService.Held? = nil
    ) -> PullOutcome {
        func fail(_ code: ResponseCode, _ remark: String) -> PullOutcome { .done(request.response(code, remark: remark)) }
        let h: PullMessageRequestHeader
        do {
            h = try request.decodeHeader(PullMessageRequestHeader.self)
        } catch {
            return fail(.systemError, "\(error)")
        }
        guard liveSettings.isReadable else {
            return fail(.noPermission, "the broker[\(config.brokerName)] pulling message is forbidden")
        }
        guard let group = groups.findOrCreate(h.consumerGroup) else {
            return fail(.subscriptionGroupNotExist, "subscription group [\(h.consumerGroup)] does not exist")
        }
        guard group.consumeEnable else { return fail(.noPermission, "subscription group no permission, \(h.consumerGroup)") }
        guard let topicConfig = topics.topic(h.topic) else {
            return fail(.topicNotExist, "topic[\(h.topic)] not exist, apply first please!")
        }
        guard PermName.isReadable(topicConfig.perm) else {
            return fail(.noPermission, "the topic[\(h.topic)] pulling message is forbidden")
        }
        guard h.queueId >= 0, h.queueId < topicConfig.readQueueNums else {
            return fail(
                .systemError,
                "queueId[\(h.queueId)] is illegal, topic:[\(h.topic)] topicConfig.readQueueNums:[\(topicConfig.readQueueNums)] consumer:[\(peer.remoteAddress)]"
            )
        }
        let hasSuspend = h.sysFlag & PullSysFlag.suspend != 0
        let hasCommit = h.sysFlag & PullSysFlag.commitOffset != 0
        let hasSubscription = h.sysFlag & PullSysFlag.subscription != 0
        let filter: PullMessageFilter
        switch subscriptionFilter(h, hasSubscription: hasSubscription, group: group) {
        case .success(let f): filter = f
        case .failure(let refusal): return .done(refusal.response(to: request))
        }

        // Server-side offset reset pending for this queue (BrokerCore+OffsetReset.swift).
        if let moved = pullResetResponse(request, h) { return .done(moved) }

        let maxCount = Int(min(max(h.maxMsgNums, 1), Self.maxPullMessages))
        let maxBytes = h.maxMsgBytes.map { Int(max($0, 1)) } ?? Self.maxPullBytes
        let started = ContinuousClock.now
        let result = store.getMessages(
            topic: h.topic, queueId: h.queueId, offset: h.queueOffset, maxCount: maxCount,
            maxBytes: min(maxBytes, Self.maxPullBytes), filter: filter.tagCodeFilter, recordFilter: filter.recordFilter)
        stats.recordGetTime(millis: elapsedMillis(since: started))
        stats.recordPullOutcome(found: !result.messages.isEmpty)

        var rh = PullMessageResponseHeader(
            nextBeginOffset: result.nextBeginOffset, minOffset: result.minOffset, maxOffset: result.maxOffset)
        rh.topicSysFlag = topicConfig.topicSysFlag
        rh.groupSysFlag = group.groupSysFlag
        let code: ResponseCode
        switch result.status {
        case .found: code = .success
        case .noMatchedMessage: code = .pullRetryImmediately
        case .noMessageInQueue, .noMatchedLogicQueue: code = h.queueOffset == 0 ? .pullNotFound : .pullOffsetMoved
        case .offsetOverflowOne, .offsetFoundNull: code = .pullNotFound
        case .offsetOverflowBadly, .offsetTooSmall: code = .pullOffsetMoved
        }
        if code == .pullNotFound, hasSuspend, allowSuspend {
            let promise = peer.eventLoop.makePromise(of: RemotingCommand?.self)
            let wait = liveSettings.longPollingEnable ? max(h.suspendTimeoutMillis, 0) : config.shortPollingTimeMillis
            let held = PullRequestHoldService.Held(
                request: request, peer: peer, offset: h.queueOffset, filter: filter, deadline: nowMillis() + wait,
                complete: CompleteOnce(promise), promise: promise.futureResult)
            if hasCommit { commitFromPull(h) }
            return .hold(held, topic: h.topic, queueId: h.queueId)
        }
        // Woken by the periodic check (the queue grew) though nothing it matches arrived: the whole queue was
        // scanned, so it waits on for messages after those, until its deadline (held pulls wake only for a match).
        if var again = held, code == .pullRetryImmediately, result.nextBeginOffset >= result.maxOffset,
            nowMillis() < again.deadline, peer.isActive
        {
            again.offset = result.nextBeginOffset
            return .hold(again, topic: h.topic, queueId: h.queueId)
        }
        var response = request.response(code, remark: result.status.rawValue, header: rh)
        if code == .success {
            var body = ByteBufferAllocator().buffer(capacity: result.messages.reduce(0) { $0 + $1.readableBytes })
            for var m in result.messages { body.writeBuffer(&m) }
            stats.recordGet(topic: h.topic, group: h.consumerGroup, messages: result.messages.count, bytes: body.readableBytes)
            response.body = body
        }
        offsets.recordPull(group: h.consumerGroup, topic: h.topic, queueId: h.queueId, offset: h.queueOffset)
        // A woken-up pull is a re-run of one already counted: commit only on the original.
        if hasCommit && allowSuspend { commitFromPull(h) }
        return .done(response)
    }

    private func commitFromPull(_ h: PullMessageRequestHeader) {
        guard config.brokerId == 0, h.commitOffset >= 0,
            pendingReset(group: h.consumerGroup, topic: h.topic, queueId: h.queueId) == nil
        else { return }
        offsets.commit(group: h.consumerGroup, topic: h.topic, queueId: h.queueId, offset: h.commitOffset)
    }

    /// Answers a held pull by running it again, this time without suspension.
    func retryHeld(_ held: PullRequestHoldService.Held) {
        switch pull(held.request, peer: held.peer, allowSuspend: false, rerunOf: held) {
        case .done(let response): held.complete.succeed(response)
        case .hold(let again, let topic, let queueId): holds.hold(again, topic: topic, queueId: queueId)
        }
    }

    /// Wakes long polls waiting on the queue a message was just stored in.
    func messageDispatched(_ m: DispatchedMessage) {
        wakePops(topic: m.topic)
        holds.messageArrived(
            topic: m.topic, queueId: m.queueId, queueOffset: m.queueOffset, tagsCode: m.tagsCode,
            properties: m.properties
        ) { [weak self] held in self?.retryHeld(held) }
    }

    func checkHeldPulls() {
        holds.check(now: nowMillis(), maxOffset: { [store] t, q in store.maxOffset(topic: t, queueId: q) }) {
            [weak self] held in self?.retryHeld(held)
        }
    }
}

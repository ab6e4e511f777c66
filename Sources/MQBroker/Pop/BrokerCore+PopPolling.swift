import MQProtocol
import MQRemoting
import MQStore
import NIOCore

/// Long polling for POP (Apache's `PopLongPollingService`, NotificationProcessor, PollingInfoProcessor).
extension BrokerCore {
    /// Parks a request that found nothing; POLLING_FULL when its key holds too many already.
    func park(
        _ kind: PopHoldService.Kind, _ request: RemotingCommand, peer: any RemotingPeer, group: String,
        topic: String, queueId: Int32, pollTime: Int64
    ) -> ProcessResult {
        let promise = peer.eventLoop.makePromise(of: RemotingCommand?.self)
        let held = PopHoldService.Held(
            id: popHolds.makeId(), kind: kind, request: request, peer: peer, group: group, topic: topic,
            queueId: queueId, deadline: nowMillis() + pollTime, complete: CompleteOnce(promise),
            promise: promise.futureResult)
        guard popHolds.hold(held) else {
            held.complete.succeed(request.response(
                .pollingFull, remark: "too many pops parked for \(topic)@\(group)@\(queueId); try again later"))
            return .deferred(promise.futureResult)
        }
        return .deferred(promise.futureResult)
    }

    /// A message was stored in `topic`: the parked requests it may answer run again on their threads.
    func wakePops(topic: String) {
        for held in popHolds.take(topic: topic) { resume(held, final: false) }
    }

    /// Every 200 ms on an event loop: requests whose poll time ended run a last time (a wake-up that raced with
    /// their parking is caught here) and are answered.
    func checkHeldPops() {
        for held in popHolds.takeExpired(now: nowMillis()) { resume(held, final: true) }
    }

    private func resume(_ held: PopHoldService.Held, final: Bool) {
        switch held.kind {
        case .pop:
            popThread.submit({ [self] in rerunPop(held, final: final) }) {
                held.complete.succeed(held.request.response(.systemError, remark: "the broker is shutting down"))
            }
        case .notification:
            held.peer.eventLoop.execute { [self] in rerunNotification(held, final: final) }
        }
    }

    /// NOTIFICATION: whether a pop would find something now (hasMsg), long-polled like a pop when not.
    func handleNotification(_ request: RemotingCommand, peer: any RemotingPeer) throws -> ProcessResult {
        let h = try request.decodeHeader(NotificationRequestHeader.self)
        guard let topicConfig = topics.topic(h.topic) else {
            return .response(request.response(.topicNotExist, remark: "topic[\(h.topic)] not exist, apply first please!"))
        }
        guard groups.findOrCreate(h.consumerGroup) != nil else {
            return .response(request.response(
                .subscriptionGroupNotExist, remark: "subscription group [\(h.consumerGroup)] does not exist"))
        }
        guard h.queueId == -1 || (h.queueId >= 0 && h.queueId < topicConfig.readQueueNums) else {
            return .response(request.response(
                .invalidParameter,
                remark: "queueId[\(h.queueId)] is illegal, topic:[\(h.topic)] topicConfig.readQueueNums:"
                    + "[\(topicConfig.readQueueNums)]"))
        }
        if hasPopMessage(group: h.consumerGroup, topic: h.topic, queueId: h.queueId) || h.pollTime <= 0 {
            return .response(notificationAnswer(request, group: h.consumerGroup, topic: h.topic, queueId: h.queueId))
        }
        return park(
            .notification, request, peer: peer, group: h.consumerGroup, topic: h.topic, queueId: h.queueId,
            pollTime: h.pollTime)
    }

    private func rerunNotification(_ held: PopHoldService.Held, final: Bool) {
        let has = hasPopMessage(group: held.group, topic: held.topic, queueId: held.queueId)
        if !has, !final, held.deadline > nowMillis(), held.peer.isActive, popHolds.hold(held) { return }
        held.complete.succeed(
            notificationAnswer(held.request, group: held.group, topic: held.topic, queueId: held.queueId))
    }

    private func notificationAnswer(_ request: RemotingCommand, group: String, topic: String, queueId: Int32)
        -> RemotingCommand
    {
        request.response(header: NotificationResponseHeader(
            hasMsg: hasPopMessage(group: group, topic: topic, queueId: queueId)))
    }

    /// Whether the group has messages to pop in the queue (or any queue) or in its POP retry topic.
    func hasPopMessage(group: String, topic: String, queueId: Int32) -> Bool {
        func backlog(_ t: String, _ q: Int32) -> Bool {
            let committed = offsets.offset(group: group, topic: t, queueId: q)
            let from = committed >= 0 ? committed : store.minOffset(topic: t, queueId: q)
            return store.maxOffset(topic: t, queueId: q) > from
        }
        let retry = PopTopics.retryTopic(group: group, topic: topic)
        if topics.topic(retry) != nil, backlog(retry, 0) { return true }
        let count = topics.topic(topic)?.readQueueNums ?? 0
        let queues = queueId >= 0 ? [queueId] : Array(0..<max(count, 0))
        return queues.contains { backlog(topic, $0) }
    }

    /// POLLING_INFO: how many pops and notifications are parked for (topic, group, queue).
    func handlePollingInfo(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(PollingInfoRequestHeader.self)
        guard topics.topic(h.topic) != nil else {
            return request.response(.topicNotExist, remark: "topic[\(h.topic)] not exist, apply first please!")
        }
        let parked = popHolds.count(topic: h.topic, group: h.consumerGroup, queueId: h.queueId)
        return request.response(header: PollingInfoResponseHeader(pollingNum: Int32(clamping: parked)))
    }
}

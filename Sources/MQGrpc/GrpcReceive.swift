import MQBroker
import MQProtocol
import NIOCore
import SwiftProtobuf

/// ReceiveMessage (design pop-grpc.md §1.2, §3.7, §4.5): one POP_MESSAGE through the broker's own handler (queue
/// -1: every queue of the topic, as Apache's proxy pops whatever queue the request names), parked there by the
/// broker's long polling when nothing is there. Each message's receipt handle is the remoting extraInfo plus its
/// commit-log offset (Apache's proxy appends it the same way), so Ack and ChangeInvisibleDuration round-trip.
struct GrpcReceive {
    let state: GrpcEndpointState
    let core: BrokerCore
    let call: GrpcCall

    /// Apache's proxy clamps the long-polling time to [5 s, 20 s]
    /// (`grpcClientConsumerMinLongPollingTimeoutMillis`, `...MaxLongPollingTimeoutMillis`).
    static let pollRange: ClosedRange<Int64> = 5_000...20_000

    /// What the stream carries: `{status OK}`, one `{message}` per message, `{delivery_timestamp}`; or a single
    /// status.
    func answer(
        _ request: Apache_Rocketmq_V2_ReceiveMessageRequest
    ) async -> [Apache_Rocketmq_V2_ReceiveMessageResponse] {
        do {
            await awaitSettings()
            let (popRequest, invisible) = try popRequest(for: request)
            let reply = try await state.call(popRequest, core: core, from: call)
            let renewed = request.autoRenew ? (group: request.group.name, topic: request.messageQueue.topic.name) : nil
            let items = try responses(to: reply, invisible: invisible, renewed: renewed)
            // A push consumer gone while its receive was parked (Apache's proxy: "the client is disconnected"):
            // what the pop found is given back at once rather than renewed for nobody.
            if renewed != nil, items.count > 2, !state.clients.isAlive(call.clientId, now: nowMillis()) {
                await giveBack(items[...], group: request.group.name, topic: request.messageQueue.topic.name)
                return [Self.statusOnly(V2Status(.messageNotFound, "the client \(call.clientId) is disconnected"))]
            }
            return items
        } catch let refusal as GrpcSendMessage.Refusal {
            return [Self.statusOnly(refusal.status)]
        } catch {
            return [Self.statusOnly(V2Status(.internalError, "receiving failed: \(error)"))]
        }
    }

    /// The messages of `items` the client will not get (its stream failed, or it went away) come back promptly:
    /// their current handles get the release invisible time (Apache's proxy nacks them the same way, 1 s).
    func giveBack(_ items: ArraySlice<Apache_Rocketmq_V2_ReceiveMessageResponse>, group: String, topic: String) async {
        let invisible = max(state.renew.clearMillis, core.config.pop.minInvisibleTimeMillis)
        let changer = GrpcChangeInvisible(state: state, core: core, call: call)
        for case .message(let message) in items.compactMap(\.content) {
            let text = message.systemProperties.receiptHandle
            let tracked = await state.handles.take(
                clientId: call.clientId, group: group, messageId: message.systemProperties.messageID, text: text)
            guard let handle = tracked ?? PopExtraInfo(parsing: text) else { continue }
            _ = await changer.change(handle, group: group, topic: topic, invisible: invisible)
        }
    }

    static func statusOnly(_ status: V2Status) -> Apache_Rocketmq_V2_ReceiveMessageResponse {
        var response = Apache_Rocketmq_V2_ReceiveMessageResponse()
        response.status = status
        return response
    }

    /// A SimpleConsumer does not wait for its settings to be taken before its first receive, and they travel on
    /// another stream (Telemetry): a receive that overtakes them waits for them a little (at most 2 s, a rare case,
    /// so a short poll) instead of being refused. Apache's proxy refuses at once, which the client sees as an error.
    func awaitSettings() async {
        let deadline = ContinuousClock.now + .seconds(2)
        while state.clients.client(call.clientId) == nil, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// The POP_MESSAGE request for `request` and the invisible time it asks for, or Apache's proxy's refusal.
    func popRequest(
        for request: Apache_Rocketmq_V2_ReceiveMessageRequest
    ) throws(GrpcSendMessage.Refusal) -> (RemotingCommand, Int64) {
        typealias Refusal = GrpcSendMessage.Refusal
        let group = request.group.name
        let topic = request.messageQueue.topic.name
        if let why = SystemTopics.validate(topic: topic) { throw Refusal(.illegalTopic, why) }
        guard state.clients.client(call.clientId) != nil else {
            throw Refusal(.unrecognizedClientType, "cannot find client settings for this client")
        }
        let maxBatch = core.config.pop.maxMessagesPerPop
        guard request.batchSize > 0, request.batchSize <= maxBatch else {
            throw Refusal(.badRequest, "batch size \(request.batchSize) is not in 1...\(maxBatch)")
        }
        let invisible: Int64
        if request.autoRenew {
            invisible = state.renew.invisibleMillis
        } else {
            invisible = Self.millis(request.invisibleDuration)
            let pop = core.config.pop
            guard invisible >= pop.minInvisibleTimeMillis, invisible <= pop.maxInvisibleTimeMillis else {
                throw Refusal(
                    .illegalInvisibleTime,
                    "the invisible time \(invisible) ms is not in \(pop.minInvisibleTimeMillis)..."
                        + "\(pop.maxInvisibleTimeMillis) ms")
            }
        }
        let poll = try pollMillis(for: request)
        var header = PopMessageRequestHeader(
            consumerGroup: group, topic: topic, queueId: -1, maxMsgNums: request.batchSize, invisibleTime: invisible,
            pollTime: poll, bornTime: nowMillis(), initMode: PopMessageRequestHeader.initModeMax)
        let filter = request.filterExpression
        let expression = filter.expression.isEmpty ? "*" : filter.expression
        if filter.type == .sql {
            header.expType = "SQL92"
        } else {
            guard !GrpcMessageProperties.hasControlCharacter(expression) else {
                throw Refusal(.illegalFilterExpression, "the filter expression cannot contain control characters")
            }
            header.expType = "TAG"
        }
        header.exp = expression
        // Apache's proxy pops orderly for an orderly group (its merged settings' `subscription.fifo`).
        header.order = core.groups.group(group)?.consumeMessageOrderly ?? false
        if request.hasAttemptID, !request.attemptID.isEmpty { header.attemptId = request.attemptID }
        return (call.remotingRequest(.popMessage, header: header), invisible)
    }

    /// How long the pop may wait (Apache's `ReceiveMessageActivity`): the request's long-polling time (without one:
    /// the time the call has left less half the client's request timeout) clamped to [5 s, 20 s], and no longer
    /// than the call has left, less `deadlineReserve` so that the answer is written before the client gives up. Less
    /// than 5 s left → ILLEGAL_POLLING_TIME (BAD_REQUEST for clients before 5.0.3, as Apache's proxy).
    func pollMillis(for request: Apache_Rocketmq_V2_ReceiveMessageRequest) throws(GrpcSendMessage.Refusal) -> Int64 {
        let remaining = call.remaining.map { left in
            let c = left.components
            return c.seconds * 1000 + c.attoseconds / 1_000_000_000_000_000 - Self.deadlineReserveMillis
        }
        var poll: Int64
        if request.hasLongPollingTimeout {
            poll = Self.millis(request.longPollingTimeout)
        } else if let remaining {
            let requestTimeout = state.clients.client(call.clientId)?.settings.requestTimeout
            poll = remaining - (requestTimeout.map(Self.millis) ?? 0) / 2
        } else {
            poll = Self.pollRange.upperBound
        }
        poll = min(max(poll, Self.pollRange.lowerBound), Self.pollRange.upperBound)
        guard let remaining, poll > remaining else { return poll }
        guard remaining >= Self.pollRange.lowerBound else {
            // Apache compares the version strings ("5.0.3".compareTo(version) > 0).
            let old = call.clientVersion.isEmpty || call.clientVersion < "5.0.3"
            throw GrpcSendMessage.Refusal(
                old ? .badRequest : .illegalPollingTime,
                "the deadline time remaining is not enough for polling, please check network condition")
        }
        return remaining
    }

    /// Time kept between the end of the poll and the call's deadline for the answer to travel (and for the time the
    /// request took to arrive, which the server does not see). Apache's proxy keeps none; 100 ms proved too little on
    /// a loaded machine.
    static let deadlineReserveMillis: Int64 = 1_000

    /// The stream for the broker's POP_MESSAGE reply; with `renewed` (an `auto_renew` receive) the endpoint renews
    /// each handle from now on.
    func responses(
        to reply: RemotingCommand, invisible: Int64, renewed: (group: String, topic: String)? = nil
    ) throws -> [Apache_Rocketmq_V2_ReceiveMessageResponse] {
        let code = ResponseCode(rawValue: reply.code)
        if code == .pollingTimeout || code == .noMessage {
            return [Self.statusOnly(V2Status(.messageNotFound, "no new message"))]
        }
        guard code == .success else { return [Self.statusOnly(GrpcRemotingStatus.status(of: reply))] }
        let header = try reply.decodeHeader(PopMessageResponseHeader.self)
        let messages = try reply.body.map { try MessageDecoder.decodeAll($0, decompress: true) } ?? []
        let starts = header.startOffsetInfo.flatMap { PopOffsetInfo(parsing: $0) } ?? PopOffsetInfo()
        let counts = header.orderCountInfo.flatMap { PopOffsetInfo(parsing: $0) }
        var out = [Self.statusOnly(.ok)]
        for var stored in messages {
            // An orderly pop counts deliveries per offset (the message itself is not copied to a retry topic): its
            // count is the reconsume times, as Apache's client reads it (`MQClientAPIImpl.processPopResponse`).
            if let counts, let count = Self.orderCount(of: stored, in: counts), count > 0 {
                stored.reconsumeTimes = count
            }
            guard var handle = Self.handle(of: stored, header: header, starts: starts, broker: core.config.brokerName)
            else {
                state.logger.error("popped message \(stored.msgId) has no receipt handle; not delivered")
                continue
            }
            handle.commitLogOffset = stored.commitLogOffset
            var message = GrpcMessageView.message(of: stored)
            message.systemProperties.receiptHandle = handle.description
            message.systemProperties.invisibleDuration = .init(millis: invisible)
            if let renewed {
                let key = GrpcReceiptHandles.key(
                    clientId: call.clientId, group: renewed.group, messageId: message.systemProperties.messageID,
                    handle: handle)
                state.handles.add(
                    key,
                    .init(topic: renewed.topic, call: call, handle: handle, delivered: nowMillis(),
                        reconsumeTimes: stored.reconsumeTimes))
            }
            var response = Apache_Rocketmq_V2_ReceiveMessageResponse()
            response.message = message
            out.append(response)
        }
        // Apache's proxy ends the stream with the delivery time; the Python client's metrics subtract it (a
        // missing one fails its push consumer's every receive).
        var delivered = Apache_Rocketmq_V2_ReceiveMessageResponse()
        delivered.deliveryTimestamp = GrpcMessageView.timestamp(nowMillis())
        out.append(delivered)
        return out
    }

    /// The handle Apache's remoting client assembles (`MQClientAPIImpl.processPopResponse`): a retried message
    /// carries its own in POP_CK, the others are built from the response header.
    static func handle(
        of stored: MessageExt, header: PopMessageResponseHeader, starts: PopOffsetInfo, broker: String
    ) -> PopExtraInfo? {
        if let ck = stored.properties[MessageConst.popCK] { return PopExtraInfo(parsing: ck) }
        guard let start = starts.value(retry: false, key: "\(stored.queueId)").flatMap({ Int64($0) }) else {
            return nil
        }
        return PopExtraInfo(
            ckQueueOffset: start, popTime: header.popTime, invisibleTime: header.invisibleTime,
            reviveQueueId: header.reviveQid, topicFlag: .normal, brokerName: broker, queueId: stored.queueId,
            queueOffset: stored.queueOffset)
    }

    /// The message's count in an orderly pop's `orderCountInfo`: its offset's, else its queue's.
    static func orderCount(of stored: MessageExt, in counts: PopOffsetInfo) -> Int32? {
        let key = PopOffsetInfo.queueOffsetKey(queueId: stored.queueId, offset: stored.queueOffset)
        return (counts.value(retry: false, key: key) ?? counts.value(retry: false, key: "\(stored.queueId)"))
            .flatMap { Int32($0) }
    }

    static func millis(_ d: Google_Protobuf_Duration) -> Int64 {
        d.seconds * 1000 + Int64(d.nanos) / 1_000_000
    }
}

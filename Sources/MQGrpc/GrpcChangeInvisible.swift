import MQBroker
import MQProtocol

/// ChangeInvisibleDuration (design pop-grpc.md §1.2, §3.7, §4.5): the broker's CHANGE_MESSAGE_INVISIBLETIME for
/// the handle; the reply's handle is the one the remoting client would build (`MQClientAPIImpl`: checkpoint offset =
/// the message's own offset, the new pop time and invisible time) with the commit-log offset kept.
struct GrpcChangeInvisible {
    let state: GrpcEndpointState
    let core: BrokerCore
    let call: GrpcCall

    func answer(
        _ request: Apache_Rocketmq_V2_ChangeInvisibleDurationRequest
    ) async -> Apache_Rocketmq_V2_ChangeInvisibleDurationResponse {
        var response = Apache_Rocketmq_V2_ChangeInvisibleDurationResponse()
        let group = request.group.name
        let invisible = GrpcReceive.millis(request.invisibleDuration)
        let pop = core.config.pop
        guard invisible >= pop.minInvisibleTimeMillis, invisible <= pop.maxInvisibleTimeMillis else {
            response.status = V2Status(
                .illegalInvisibleTime,
                "the invisible time \(invisible) ms is not in \(pop.minInvisibleTimeMillis)..."
                    + "\(pop.maxInvisibleTimeMillis) ms")
            return response
        }
        let handle: PopExtraInfo
        switch await state.currentHandle(
            of: call, group: group, messageId: request.messageID, text: request.receiptHandle)
        {
        case .success(let (_, h)): handle = h
        case .failure(let refusal):
            response.status = refusal.status
            return response
        }
        switch await change(handle, group: group, topic: request.topic.name, invisible: invisible) {
        case .success(let renewed):
            response.receiptHandle = renewed.description
            response.status = .ok
        case .failure(let refusal):
            response.status = refusal.status
        }
        return response
    }

    /// CHANGE_MESSAGE_INVISIBLETIME of `handle` (of a message received from `topic`): the new handle, or the status
    /// the client is answered with. Also what the endpoint's renewals and releases run.
    func change(
        _ handle: PopExtraInfo, group: String, topic: String, invisible: Int64
    ) async -> Result<PopExtraInfo, GrpcSendMessage.Refusal> {
        let header = ChangeInvisibleTimeRequestHeader(
            consumerGroup: group, topic: handle.topicFlag.realTopic(topic: topic, group: group),
            queueId: handle.queueId, extraInfo: GrpcReceiptHandle.extraInfo(handle), offset: handle.queueOffset,
            invisibleTime: invisible)
        do {
            let command = call.remotingRequest(.changeMessageInvisibleTime, header: header)
            let reply = try await state.call(command, core: core, from: call)
            guard reply.code == ResponseCode.success.rawValue else {
                // NO_MESSAGE: the handle is not the message's current one (acked, revived or changed since).
                return .failure(
                    reply.code == ResponseCode.noMessage.rawValue
                        ? .init(.invalidReceiptHandle, reply.remark ?? "receipt handle is no longer valid")
                        : .init(status: GrpcRemotingStatus.status(of: reply)))
            }
            let rh = try reply.decodeHeader(ChangeInvisibleTimeResponseHeader.self)
            var renewed = handle
            renewed.ckQueueOffset = handle.queueOffset
            renewed.popTime = rh.popTime
            renewed.invisibleTime = rh.invisibleTime
            renewed.reviveQueueId = rh.reviveQid
            return .success(renewed)
        } catch {
            return .failure(.init(.internalError, "changing the invisible time failed: \(error)"))
        }
    }
}

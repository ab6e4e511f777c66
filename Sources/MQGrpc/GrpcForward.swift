import MQBroker
import MQProtocol

/// ForwardMessageToDeadLetterQueue (design pop-grpc.md §1.3, §3.7): what a FIFO PushConsumer sends after its last
/// local attempt. As Apache's proxy: the broker's CONSUMER_SEND_MSG_BACK for the message at the handle's commit-log
/// offset with delay level -1 (straight to `%DLQ%group`), then an ack of the handle (the client does not ack it).
struct GrpcForward {
    let state: GrpcEndpointState
    let core: BrokerCore
    let call: GrpcCall

    func answer(
        _ request: Apache_Rocketmq_V2_ForwardMessageToDeadLetterQueueRequest
    ) async -> Apache_Rocketmq_V2_ForwardMessageToDeadLetterQueueResponse {
        var response = Apache_Rocketmq_V2_ForwardMessageToDeadLetterQueueResponse()
        let group = request.group.name
        let handle: PopExtraInfo
        switch await state.currentHandle(
            of: call, group: group, messageId: request.messageID, text: request.receiptHandle)
        {
        case .success(let (_, h)): handle = h
        case .failure(let refusal):
            response.status = refusal.status
            return response
        }
        guard let offset = handle.commitLogOffset else {
            response.status = V2Status(.invalidReceiptHandle, "receipt handle has no commit log offset")
            return response
        }
        var header = ConsumerSendMsgBackRequestHeader(offset: offset, group: group, delayLevel: -1)
        header.originMsgId = request.messageID
        header.originTopic = request.topic.name
        header.maxReconsumeTimes = 0
        do {
            let command = call.remotingRequest(.consumerSendMsgBack, header: header)
            let reply = try await state.call(command, core: core, from: call)
            guard reply.code == ResponseCode.success.rawValue else {
                response.status = GrpcRemotingStatus.status(of: reply)
                return response
            }
        } catch {
            response.status = V2Status(.internalError, "forwarding to the dead letter queue failed: \(error)")
            return response
        }
        let ack = GrpcAck(state: state, core: core, call: call)
        response.status = await ack.ack(handle, group: group, topic: request.topic.name)
        return response
    }
}

import MQBroker
import MQProtocol

/// RecallMessage (design pop-grpc.md §1.1): cancels a timer message before it is delivered, with the handle its
/// send returned, through the broker's RECALL_MESSAGE handler.
struct GrpcRecall {
    let state: GrpcEndpointState
    let core: BrokerCore
    let call: GrpcCall

    func answer(_ request: Apache_Rocketmq_V2_RecallMessageRequest) async -> Apache_Rocketmq_V2_RecallMessageResponse {
        var response = Apache_Rocketmq_V2_RecallMessageResponse()
        let topic = request.topic.name
        guard !request.recallHandle.isEmpty else {
            response.status = V2Status(.badRequest, "recall handle is empty")
            return response
        }
        let header = RecallMessageRequestHeader(producerGroup: topic, topic: topic, recallHandle: request.recallHandle)
        do {
            let reply = try await state.call(call.remotingRequest(.recallMessage, header: header), core: core, from: call)
            guard reply.code == ResponseCode.success.rawValue else {
                response.status = GrpcRemotingStatus.status(of: reply)
                return response
            }
            response.messageID = try reply.decodeHeader(RecallMessageResponseHeader.self).msgId
            response.status = .ok
        } catch {
            response.status = V2Status(.internalError, "recalling failed: \(error)")
        }
        return response
    }
}

import MQBroker
import MQProtocol

/// AckMessage (design pop-grpc.md §1.2, §3.7, §4.5): each entry's receipt handle becomes the ACK_MESSAGE request
/// of a remoting consumer, run by the broker's own handler; one status per entry, as Apache's proxy answers.
struct GrpcAck {
    let state: GrpcEndpointState
    let core: BrokerCore
    let call: GrpcCall

    func answer(_ request: Apache_Rocketmq_V2_AckMessageRequest) async -> Apache_Rocketmq_V2_AckMessageResponse {
        var response = Apache_Rocketmq_V2_AckMessageResponse()
        guard !request.entries.isEmpty else {
            response.status = V2Status(.badRequest, "no entry to ack")
            return response
        }
        // The entries' ACK_MESSAGEs run together, as Apache's proxy sends them (AckMessageActivity waits for all
        // its futures): one after another, a 32-entry ack waited for 32 hops to the pop thread and back
        // (docs/performance.md, "gRPC endpoint beside remoting").
        let (group, topic) = (request.group.name, request.topic.name)
        let statuses = await withTaskGroup(of: (Int, V2Status).self) { tasks in
            for (i, entry) in request.entries.enumerated() {
                tasks.addTask {
                    let current = await state.currentHandle(
                        of: call, group: group, messageId: entry.messageID, text: entry.receiptHandle)
                    switch current {
                    case .success(let (_, handle)): return (i, await ack(handle, group: group, topic: topic))
                    case .failure(let refusal): return (i, refusal.status)
                    }
                }
            }
            var statuses = [V2Status](repeating: V2Status(), count: request.entries.count)
            for await (i, status) in tasks { statuses[i] = status }
            return statuses
        }
        for (entry, status) in zip(request.entries, statuses) {
            var result = Apache_Rocketmq_V2_AckMessageResultEntry()
            result.messageID = entry.messageID
            result.receiptHandle = entry.receiptHandle
            result.status = status
            response.entries.append(result)
        }
        let codes = Set(response.entries.map(\.status.code))
        response.status = codes.count == 1 ? response.entries[0].status : V2Status(.multipleResults, "multiple results")
        return response
    }

    /// ACK_MESSAGE of `handle` (of a message received from `topic`).
    func ack(_ handle: PopExtraInfo, group: String, topic: String) async -> V2Status {
        let header = AckMessageRequestHeader(
            consumerGroup: group, topic: handle.topicFlag.realTopic(topic: topic, group: group),
            queueId: handle.queueId, extraInfo: GrpcReceiptHandle.extraInfo(handle), offset: handle.queueOffset)
        do {
            let reply = try await state.call(call.remotingRequest(.ackMessage, header: header), core: core, from: call)
            return reply.code == ResponseCode.success.rawValue ? .ok : GrpcRemotingStatus.status(of: reply)
        } catch {
            return V2Status(.internalError, "acking failed: \(error)")
        }
    }
}

/// A v5 receipt handle: the broker's extraInfo with the commit-log offset appended (design §3.2).
enum GrpcReceiptHandle {
    /// The handle, or Apache's proxy's refusal: INVALID_RECEIPT_HANDLE for one that does not parse or whose
    /// invisible time has passed (the message is visible again: acking it would not stop its redelivery).
    static func parse(_ text: String, now: Int64 = nowMillis()) -> Result<PopExtraInfo, GrpcSendMessage.Refusal> {
        guard let handle = PopExtraInfo(parsing: text) else {
            return .failure(.init(.invalidReceiptHandle, "receipt handle is invalid"))
        }
        guard handle.nextVisibleTime > now else {
            return .failure(.init(.invalidReceiptHandle, "receipt handle is expired"))
        }
        return .success(handle)
    }

    /// The extraInfo the broker's handlers take: the handle without the proxy's commit-log offset.
    static func extraInfo(_ handle: PopExtraInfo) -> String {
        var plain = handle
        plain.commitLogOffset = nil
        return plain.description
    }
}

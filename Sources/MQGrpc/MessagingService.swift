import GRPCCore
import Logging
import MQBroker
import MQProtocol
import SwiftProtobuf

/// A response message whose status the service sets: every one of MessagingService has `status` (design
/// pop-grpc.md §5.3: every response carries `status.code`, errors are statuses in the body, never gRPC errors).
protocol StatusCarrying: SwiftProtobuf.Message {
    var status: V2Status { get set }
}

extension Apache_Rocketmq_V2_QueryRouteResponse: StatusCarrying {}
extension Apache_Rocketmq_V2_HeartbeatResponse: StatusCarrying {}
extension Apache_Rocketmq_V2_SendMessageResponse: StatusCarrying {}
extension Apache_Rocketmq_V2_QueryAssignmentResponse: StatusCarrying {}
extension Apache_Rocketmq_V2_ReceiveMessageResponse: StatusCarrying {}
extension Apache_Rocketmq_V2_AckMessageResponse: StatusCarrying {}
extension Apache_Rocketmq_V2_ForwardMessageToDeadLetterQueueResponse: StatusCarrying {}
extension Apache_Rocketmq_V2_PullMessageResponse: StatusCarrying {}
extension Apache_Rocketmq_V2_UpdateOffsetResponse: StatusCarrying {}
extension Apache_Rocketmq_V2_GetOffsetResponse: StatusCarrying {}
extension Apache_Rocketmq_V2_QueryOffsetResponse: StatusCarrying {}
extension Apache_Rocketmq_V2_EndTransactionResponse: StatusCarrying {}
extension Apache_Rocketmq_V2_NotifyClientTerminationResponse: StatusCarrying {}
extension Apache_Rocketmq_V2_ChangeInvisibleDurationResponse: StatusCarrying {}
extension Apache_Rocketmq_V2_RecallMessageResponse: StatusCarrying {}
extension Apache_Rocketmq_V2_SyncLiteSubscriptionResponse: StatusCarrying {}

/// apache.rocketmq.v2.MessagingService in front of the broker. Calls run as Swift tasks; what touches the broker's
/// tables goes through its registry handlers on an event loop (`GrpcEndpointState.call`), as a remoting request.
struct MessagingService: Apache_Rocketmq_V2_MessagingService.ServiceProtocol {
    typealias V2 = Apache_Rocketmq_V2_MessagingService
    let state: GrpcEndpointState

    var auth: GrpcAuthenticator? {
        state.broker.map { GrpcAuthenticator(auth: $0.auth, logger: state.logger) }
    }

    /// Authenticates and authorizes a unary call, then answers with `body`'s response, its status always set.
    func unary<Response: StatusCarrying>(
        _ rpc: GrpcAccess, metadata: Metadata, context: ServerContext, topic: String? = nil, group: String? = nil,
        _ body: (BrokerCore, GrpcCall) async -> Response
    ) async -> ServerResponse<Response> {
        switch admit(rpc, metadata: metadata, context: context, topic: topic, group: group) {
        case .success(let (core, call)): return ServerResponse(message: await body(core, call))
        case .failure(let refusal):
            var response = Response()
            response.status = refusal.status
            return ServerResponse(message: response)
        }
    }

    /// The broker and the call's metadata, or the status refusing the call (broker starting, credentials, ACL, a
    /// consumer call without a group).
    func admit(
        _ rpc: GrpcAccess, metadata: Metadata, context: ServerContext, topic: String?, group: String?
    ) -> Result<(BrokerCore, GrpcCall), GrpcSendMessage.Refusal> {
        let call = GrpcCall(metadata: metadata, remotePeer: context.remotePeer)
        guard let core = state.broker, let auth else {
            return .failure(.init(.tooManyRequests, "the broker is starting; try again"))
        }
        if let refusal = auth.refusal(call, rpc: rpc.rawValue, checks: rpc.checks(topic: topic, group: group)) {
            return .failure(GrpcSendMessage.Refusal(status: refusal))
        }
        if rpc.needsGroup, (group ?? "").isEmpty {
            return .failure(.init(.illegalConsumerGroup, "consumer group cannot be empty"))
        }
        return .success((core, call))
    }

    /// The answer of an RPC this broker does not serve yet (steps 3–4 of the plan) or at all.
    static func notServed<Response: StatusCarrying>(_ rpc: GrpcAccess) -> Response {
        var response = Response()
        switch rpc {
        case .pullMessage, .updateOffset, .getOffset, .queryOffset, .syncLiteSubscription:
            response.status = V2Status(.unsupported, "\(rpc.rawValue) is not supported by this broker")
        default:
            response.status = V2Status(.notImplemented, "\(rpc.rawValue) is not implemented yet by this broker")
        }
        return response
    }

    // MARK: served

    func queryRoute(
        request: ServerRequest<Apache_Rocketmq_V2_QueryRouteRequest>, context: ServerContext
    ) async throws -> ServerResponse<Apache_Rocketmq_V2_QueryRouteResponse> {
        await unary(.queryRoute, metadata: request.metadata, context: context, topic: request.message.topic.name) {
            core, _ in GrpcQueryRoute.answer(request.message, core: core, fallback: state.routeEndpoints)
        }
    }

    func heartbeat(
        request: ServerRequest<Apache_Rocketmq_V2_HeartbeatRequest>, context: ServerContext
    ) async throws -> ServerResponse<Apache_Rocketmq_V2_HeartbeatResponse> {
        let group = request.message.hasGroup ? request.message.group.name : nil
        return await unary(.heartbeat, metadata: request.metadata, context: context, group: group) { core, call in
            var response = Apache_Rocketmq_V2_HeartbeatResponse()
            response.status = await GrpcRegistration(state: state).heartbeat(call, core: core)
            return response
        }
    }

    func notifyClientTermination(
        request: ServerRequest<Apache_Rocketmq_V2_NotifyClientTerminationRequest>, context: ServerContext
    ) async throws -> ServerResponse<Apache_Rocketmq_V2_NotifyClientTerminationResponse> {
        let group = request.message.hasGroup ? request.message.group.name : nil
        return await unary(.notifyClientTermination, metadata: request.metadata, context: context, group: group) {
            core, call in
            var response = Apache_Rocketmq_V2_NotifyClientTerminationResponse()
            response.status = await GrpcRegistration(state: state).terminate(call, core: core)
            return response
        }
    }

    func sendMessage(
        request: ServerRequest<Apache_Rocketmq_V2_SendMessageRequest>, context: ServerContext
    ) async throws -> ServerResponse<Apache_Rocketmq_V2_SendMessageResponse> {
        // Apache authorizes the first message's topic (a request's messages share one topic).
        let topic = request.message.messages.first?.topic.name
        return await unary(.sendMessage, metadata: request.metadata, context: context, topic: topic) { core, call in
            await GrpcSendMessage(state: state, core: core, call: call).answer(request.message)
        }
    }

    func endTransaction(
        request: ServerRequest<Apache_Rocketmq_V2_EndTransactionRequest>, context: ServerContext
    ) async throws -> ServerResponse<Apache_Rocketmq_V2_EndTransactionResponse> {
        let topic = request.message.topic.name
        return await unary(.endTransaction, metadata: request.metadata, context: context, topic: topic) {
            core, call in await GrpcEndTransaction(state: state, core: core, call: call).answer(request.message)
        }
    }

    func recallMessage(
        request: ServerRequest<Apache_Rocketmq_V2_RecallMessageRequest>, context: ServerContext
    ) async throws -> ServerResponse<Apache_Rocketmq_V2_RecallMessageResponse> {
        let topic = request.message.topic.name
        return await unary(.recallMessage, metadata: request.metadata, context: context, topic: topic) {
            core, call in await GrpcRecall(state: state, core: core, call: call).answer(request.message)
        }
    }

    func receiveMessage(
        request: ServerRequest<Apache_Rocketmq_V2_ReceiveMessageRequest>, context: ServerContext
    ) async throws -> StreamingServerResponse<Apache_Rocketmq_V2_ReceiveMessageResponse> {
        let (group, topic) = (request.message.group.name, request.message.messageQueue.topic.name)
        let items: [Apache_Rocketmq_V2_ReceiveMessageResponse]
        var receive: GrpcReceive?
        switch admit(.receiveMessage, metadata: request.metadata, context: context, topic: topic, group: group) {
        case .success(let (core, call)):
            // Long polling parks the POP in the broker (no thread waits); this task only awaits its reply.
            let one = GrpcReceive(state: state, core: core, call: call)
            receive = one
            items = await one.answer(request.message)
            // The client gave up while the pop was parked (its call cancelled: deadline, or it went away): nothing
            // will be written, so what the pop found comes back promptly, as Apache's proxy nacks it.
            if context.cancellation.isCancelled || Task.isCancelled {
                await one.giveBack(items[...], group: group, topic: topic)
            }
        case .failure(let refusal):
            items = [GrpcReceive.statusOnly(refusal.status)]
        }
        return StreamingServerResponse { [receive] writer in
            for (index, item) in items.enumerated() {
                do {
                    try await writer.write(item)
                } catch {
                    // The client is gone (its call cancelled or its connection closed): the messages it did not get
                    // come back promptly, as Apache's proxy nacks them.
                    await receive?.giveBack(items[index...], group: group, topic: topic)
                    throw error
                }
            }
            return [:]
        }
    }

    func ackMessage(
        request: ServerRequest<Apache_Rocketmq_V2_AckMessageRequest>, context: ServerContext
    ) async throws -> ServerResponse<Apache_Rocketmq_V2_AckMessageResponse> {
        let (group, topic) = (request.message.group.name, request.message.topic.name)
        return await unary(.ackMessage, metadata: request.metadata, context: context, topic: topic, group: group) {
            core, call in await GrpcAck(state: state, core: core, call: call).answer(request.message)
        }
    }

    func changeInvisibleDuration(
        request: ServerRequest<Apache_Rocketmq_V2_ChangeInvisibleDurationRequest>, context: ServerContext
    ) async throws -> ServerResponse<Apache_Rocketmq_V2_ChangeInvisibleDurationResponse> {
        let group = request.message.group.name
        return await unary(.changeInvisibleDuration, metadata: request.metadata, context: context, group: group) {
            core, call in await GrpcChangeInvisible(state: state, core: core, call: call).answer(request.message)
        }
    }

    func queryAssignment(
        request: ServerRequest<Apache_Rocketmq_V2_QueryAssignmentRequest>, context: ServerContext
    ) async throws -> ServerResponse<Apache_Rocketmq_V2_QueryAssignmentResponse> {
        let (group, topic) = (request.message.group.name, request.message.topic.name)
        return await unary(.queryAssignment, metadata: request.metadata, context: context, topic: topic, group: group) {
            core, _ in GrpcQueryAssignment.answer(request.message, core: core, fallback: state.routeEndpoints)
        }
    }

    func forwardMessageToDeadLetterQueue(
        request: ServerRequest<Apache_Rocketmq_V2_ForwardMessageToDeadLetterQueueRequest>, context: ServerContext
    ) async throws -> ServerResponse<Apache_Rocketmq_V2_ForwardMessageToDeadLetterQueueResponse> {
        let (group, topic) = (request.message.group.name, request.message.topic.name)
        return await unary(
            .forwardMessageToDeadLetterQueue, metadata: request.metadata, context: context, topic: topic, group: group
        ) { core, call in await GrpcForward(state: state, core: core, call: call).answer(request.message) }
    }

    func telemetry(
        request: StreamingServerRequest<Apache_Rocketmq_V2_TelemetryCommand>, context: ServerContext
    ) async throws -> StreamingServerResponse<Apache_Rocketmq_V2_TelemetryCommand> {
        let call = GrpcCall(metadata: request.metadata, remotePeer: context.remotePeer)
        return StreamingServerResponse { writer in
            try await GrpcTelemetry(state: state, call: call).run(inbound: request.messages, writer: writer)
            return [:]
        }
    }

    // MARK: not served: a status, never a transport error (no credential check: these touch nothing)

    func pullMessage(
        request: ServerRequest<Apache_Rocketmq_V2_PullMessageRequest>, context: ServerContext
    ) async throws -> StreamingServerResponse<Apache_Rocketmq_V2_PullMessageResponse> {
        StreamingServerResponse { writer in
            try await writer.write(Self.notServed(.pullMessage))
            return [:]
        }
    }

    func updateOffset(
        request: ServerRequest<Apache_Rocketmq_V2_UpdateOffsetRequest>, context: ServerContext
    ) async throws -> ServerResponse<Apache_Rocketmq_V2_UpdateOffsetResponse> {
        ServerResponse(message: Self.notServed(.updateOffset))
    }

    func getOffset(
        request: ServerRequest<Apache_Rocketmq_V2_GetOffsetRequest>, context: ServerContext
    ) async throws -> ServerResponse<Apache_Rocketmq_V2_GetOffsetResponse> {
        ServerResponse(message: Self.notServed(.getOffset))
    }

    func queryOffset(
        request: ServerRequest<Apache_Rocketmq_V2_QueryOffsetRequest>, context: ServerContext
    ) async throws -> ServerResponse<Apache_Rocketmq_V2_QueryOffsetResponse> {
        ServerResponse(message: Self.notServed(.queryOffset))
    }

    func syncLiteSubscription(
        request: ServerRequest<Apache_Rocketmq_V2_SyncLiteSubscriptionRequest>, context: ServerContext
    ) async throws -> ServerResponse<Apache_Rocketmq_V2_SyncLiteSubscriptionResponse> {
        ServerResponse(message: Self.notServed(.syncLiteSubscription))
    }
}

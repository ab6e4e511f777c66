import GRPCCore
import MQBroker
import MQProtocol

/// One Telemetry stream (design pop-grpc.md §2): the client writes its settings (again every 300 s), the server
/// registers it and answers `{status OK, settings merged}` — a push consumer waits up to 10 s for that answer.
/// Later steps push orphaned-transaction checks down the same stream (the outbound queue).
struct GrpcTelemetry {
    let state: GrpcEndpointState
    /// The stream's metadata, signed once when it opened (the client keeps a stream up to a year, so its
    /// x-mq-date-time grows old; it is checked like any call's, with no clock-skew limit).
    let call: GrpcCall

    func run(
        inbound: RPCAsyncSequence<V2Telemetry, any Error>, writer: RPCWriter<V2Telemetry>
    ) async throws {
        let (outbound, continuation) = AsyncStream.makeStream(of: V2Telemetry.self)
        guard let id = state.openStream(continuation) else { return }
        defer {
            state.closeStream(id)
            // The client's stream ended (it went away, or the endpoint stops): the handles renewed for it come back
            // promptly (design pop-grpc.md §1.3). A client that opened a newer stream keeps them.
            if let client = state.clients.client(call.clientId), client.peer.detach(stream: id) {
                let state = self.state
                let clientId = call.clientId
                state.clients.markVanished(clientId)
                Task { await GrpcRenewer(state: state).release(clientId: clientId) }
            }
        }
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { continuation.finish() }
                for try await command in inbound {
                    if let reply = try await handle(command, stream: (id, continuation)) { continuation.yield(reply) }
                }
            }
            // Ends when the client closes its side or the endpoint stops (`finishStreams`).
            for await command in outbound { try await writer.write(command) }
            tasks.cancelAll()
            do {
                try await tasks.waitForAll()
            } catch let error as RPCError where error.code == .invalidArgument {
                throw error
            } catch {
                // The client went away or the endpoint stops: the stream just ends.
            }
        }
    }

    /// The reply to one command from the client; nil for commands that need none (thread stack traces, verify
    /// results: answers to server commands this broker does not send).
    func handle(
        _ command: V2Telemetry, stream: (id: UInt64, out: AsyncStream<V2Telemetry>.Continuation)? = nil
    ) async throws -> V2Telemetry? {
        guard case .settings(let settings) = command.command else { return nil }
        guard settings.pubSub != nil else {
            // Apache fails the stream the same way: nothing can be registered for such a client.
            throw RPCError(code: .invalidArgument, message: "settings carry neither publishing nor subscription")
        }
        var reply = V2Telemetry()
        guard let core = state.broker else {
            reply.status = V2Status(.tooManyRequests, "the broker is starting; try again")
            return reply
        }
        guard !call.clientId.isEmpty else {
            reply.status = V2Status(.clientIDRequired, "x-mq-client-id is missing")
            return reply
        }
        let auth = GrpcAuthenticator(auth: core.auth, logger: state.logger)
        if let refusal = auth.refusal(call, rpc: "Telemetry", checks: GrpcAccess.settingsChecks(settings)) {
            reply.status = refusal
            return reply
        }
        let client = state.clients.update(settings: settings, call: call, now: nowMillis()) {
            GrpcClientPeer(
                call: call, localAddress: state.listenAddress, eventLoop: state.group.next())
        }
        // The broker's transaction checks for this producer go down this stream (design §2.3).
        if let stream { client.peer.attach(stream: stream.id, stream.out) }
        if let failure = await GrpcRegistration(state: state).register(client, core: core) {
            reply.status = failure
            return reply
        }
        var group: SubscriptionGroupConfig?
        if case .subscription(let s) = settings.pubSub { group = core.groups.group(s.group.name) }
        reply.status = .ok
        reply.settings = GrpcSettingsReply.merge(settings, group: group, maxBodySize: core.config.store.maxMessageSize)
        return reply
    }
}

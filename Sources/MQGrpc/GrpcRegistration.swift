import MQBroker
import MQProtocol

/// A v5 client entering and leaving the broker's consumer and producer tables through the same HEART_BEAT and
/// UNREGISTER_CLIENT handlers remoting clients reach (design pop-grpc.md §2.1): the settings command registers,
/// Heartbeat refreshes, NotifyClientTermination unregisters. The client shows as language (x-mq-language) and
/// version (x-mq-client-version) like any client.
struct GrpcRegistration {
    let state: GrpcEndpointState

    /// Registers (or refreshes) `client`; nil on success, else the failure as a status.
    func register(_ client: GrpcClients.Client, core: BrokerCore) async -> V2Status? {
        var request = RemotingCommand.request(.heartBeat).withJSONBody(client.heartbeat)
        request.language = client.call.languageCode
        request.version = client.call.versionOrdinal
        do {
            let response = try await state.call(request, core: core, peer: client.peer)
            guard response.code == ResponseCode.success.rawValue else {
                let why = response.remark ?? "code \(response.code)"
                return V2Status(.internalError, "registering the client failed: \(why)")
            }
            return nil
        } catch {
            return V2Status(.internalError, "registering the client failed: \(error)")
        }
    }

    /// Heartbeat: refreshes the registration its settings made. A client id without settings is refused as
    /// Apache's proxy does (UNRECOGNIZED_CLIENT_TYPE; the Python client only logs it).
    func heartbeat(_ call: GrpcCall, core: BrokerCore) async -> V2Status {
        guard !call.clientId.isEmpty else { return V2Status(.clientIDRequired, "x-mq-client-id is missing") }
        guard let client = state.clients.touch(call.clientId, now: nowMillis()) else {
            return V2Status(.unrecognizedClientType, "client \(call.clientId) sent no settings on Telemetry yet")
        }
        return await register(client, core: core) ?? .ok
    }

    /// NotifyClientTermination: the client leaves its groups now (not after the 120 s expiry).
    func terminate(_ call: GrpcCall, core: BrokerCore) async -> V2Status {
        guard !call.clientId.isEmpty else { return V2Status(.clientIDRequired, "x-mq-client-id is missing") }
        guard let client = state.clients.remove(call.clientId) else {
            return V2Status(.unrecognizedClientType, "client \(call.clientId) is not known (no settings received)")
        }
        defer { client.peer.close() }
        for header in client.unregisterHeaders {
            let request = RemotingCommand.request(.unregisterClient, header: header)
            do {
                let response = try await state.call(request, core: core, peer: client.peer)
                if response.code != ResponseCode.success.rawValue {
                    let why = response.remark ?? "code \(response.code)"
                    return V2Status(.internalError, "unregistering failed: \(why)")
                }
            } catch {
                return V2Status(.internalError, "unregistering failed: \(error)")
            }
        }
        // Its handles are no longer renewed: they come back promptly (Apache's proxy, CLIENT_UNREGISTER).
        await GrpcRenewer(state: state).release(clientId: call.clientId)
        state.logger.info("gRPC client \(call.clientId) (\(call.remoteAddress)) terminated")
        return .ok
    }
}

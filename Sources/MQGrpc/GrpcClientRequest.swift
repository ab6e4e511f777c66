import MQBroker
import MQProtocol

/// How every RPC reaches the broker: as the remoting request the call's client would have sent (its language and
/// version), run by the broker's handler on the peer that stands for the client (design pop-grpc.md §2.1).
extension GrpcCall {
    /// A request of `code` as this call's client would send it over remoting.
    func remotingRequest(_ code: RequestCode, header: any CommandHeader) -> RemotingCommand {
        var request = RemotingCommand.request(code, header: header)
        request.language = languageCode
        request.version = versionOrdinal
        return request
    }
}

extension GrpcEndpointState {
    /// The peer standing for the call's client: the one its settings registered, else one for this call alone.
    func peer(of call: GrpcCall) -> GrpcClientPeer {
        clients.client(call.clientId)?.peer
            ?? GrpcClientPeer(call: call, localAddress: listenAddress, eventLoop: group.next())
    }

    /// `request` run by the broker's handler as the call's client sent it.
    func call(_ request: RemotingCommand, core: BrokerCore, from call: GrpcCall) async throws -> RemotingCommand {
        try await self.call(request, core: core, peer: peer(of: call))
    }

    /// The handle a client's call names, parsed: the endpoint's current one when it renews the message (the client
    /// only knows the first; Apache's proxy acts on its own), taken out of the renewals.
    func currentHandle(
        of call: GrpcCall, group: String, messageId: String, text: String
    ) async -> Result<(text: String, handle: PopExtraInfo), GrpcSendMessage.Refusal> {
        let tracked = await handles.take(clientId: call.clientId, group: group, messageId: messageId, text: text)
        let current = tracked?.description ?? text
        return GrpcReceiptHandle.parse(current).map { (current, $0) }
    }
}

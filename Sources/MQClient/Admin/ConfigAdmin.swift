import MQProtocol
import MQRemoting
import NIOCore

extension MQClientInstance {
    /// UPDATE_BROKER_CONFIG (25) on one broker: `changes` as Java properties text, applied all or nothing.
    public func updateBrokerConfig(broker address: String, _ changes: [String: String]) async throws {
        var request = RemotingCommand.request(.updateBrokerConfig)
        request.body = ByteBuffer(string: JavaProperties.render(changes))
        try await invoke(address, request).expect(from: address)
    }

    /// GET_NAMESRV_CONFIG (319) of one name server.
    public func nameServerConfig(at address: String) async throws -> [String: String] {
        let response = try await invokeNameServer(at: address, .request(.getNamesrvConfig))
            .expect(from: "name server \(address)")
        return JavaProperties.parse(String(decoding: response.bodyBytes, as: UTF8.self))
    }

    /// UPDATE_NAMESRV_CONFIG (318) on one name server, all or nothing.
    public func updateNameServerConfig(at address: String, _ changes: [String: String]) async throws {
        var request = RemotingCommand.request(.updateNamesrvConfig)
        request.body = ByteBuffer(string: JavaProperties.render(changes))
        try await invokeNameServer(at: address, request).expect(from: "name server \(address)")
    }

    /// Every name server of this client as an endpoint, for ``fanOut(_:_:)``.
    public var nameServerEndpoints: [BrokerEndpoint] {
        nameServers.map { BrokerEndpoint(cluster: "", brokerName: "", brokerId: 0, address: $0) }
    }
}

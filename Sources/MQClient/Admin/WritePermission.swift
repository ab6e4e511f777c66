import MQProtocol
import MQRemoting

/// How many of a broker's topics one name server changed when its write permission was wiped or added.
public struct WritePermissionChange: Sendable, Equatable {
    public var nameServer: String
    public var topicCount: Int

    public init(nameServer: String, topicCount: Int) {
        self.nameServer = nameServer
        self.topicCount = topicCount
    }
}

extension MQClientInstance {
    /// WIPE_WRITE_PERM_OF_BROKER (205) or ADD_WRITE_PERM_OF_BROKER (327) on one name server: the route of every
    /// topic of `brokerName` there loses (or regains) write permission, so producers stop (or resume) sending to it.
    /// The broker's own `brokerPermission` is untouched; its next registration with a changed topic table
    /// rewrites the name server's permissions from the broker's topics (Apache's rule).
    public func setWritePermission(
        brokerName: String, writable: Bool, nameServer: String
    ) async throws -> WritePermissionChange {
        var request = RemotingCommand.request(writable ? .addWritePermOfBroker : .wipeWritePermOfBroker)
        request.extFields["brokerName"] = brokerName
        let response = try await invokeNameServer(at: nameServer, request)
            .expect(from: "name server \(nameServer)")
        let key = writable ? "addTopicCount" : "wipeTopicCount"
        guard let count = response.extFields[key].flatMap({ Int($0) }) else {
            throw ClientError.malformedResponse("name server \(nameServer) answered without \(key)")
        }
        return WritePermissionChange(nameServer: nameServer, topicCount: count)
    }

    /// ``setWritePermission(brokerName:writable:nameServer:)`` on every name server of this client;
    /// each failure stays with its name server.
    public func setWritePermissionEverywhere(
        brokerName: String, writable: Bool
    ) async -> [BrokerResult<WritePermissionChange>] {
        let servers = nameServers.map { BrokerEndpoint(cluster: "", brokerName: "", brokerId: 0, address: $0) }
        return await fanOut(servers) { [self] s in
            try await setWritePermission(brokerName: brokerName, writable: writable, nameServer: s.address)
        }
    }
}

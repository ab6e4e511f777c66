import MQProtocol
import MQRemoting

/// The name servers' KV config (PUT/GET/DELETE_KV_CONFIG, GET_KVLIST_BY_NAMESPACE), asked of each name server
/// on its own: Apache's tools write every name server of -n, and each keeps its own table, so they can differ.
extension MQClientInstance {
    /// GET_KV_CONFIG on every name server: the value, or nil where that server has no such key (QUERY_NOT_FOUND).
    public func kvConfigEverywhere(namespace: String, key: String) async -> [BrokerResult<String?>] {
        await fanOut(nameServerEndpoints) { [self] ns in
            try await kvConfig(namespace: namespace, key: key, nameServer: ns.address)
        }
    }

    /// GET_KV_CONFIG on one name server; nil when it has no such key.
    public func kvConfig(namespace: String, key: String, nameServer: String) async throws -> String? {
        let request = RemotingCommand.request(.getKVConfig, header: KVConfigHeader(namespace: namespace, key: key))
        let response = try await invokeNameServer(at: nameServer, request)
        if response.code == ResponseCode.queryNotFound.rawValue { return nil }
        try response.expect(from: "name server \(nameServer)")
        guard let value = response.extFields["value"] else {
            throw ClientError.malformedResponse("name server \(nameServer) answered GET_KV_CONFIG without a value")
        }
        return value
    }

    /// DELETE_KV_CONFIG on every name server. Apache's name server answers SUCCESS for a key it does not have.
    public func deleteKVConfig(namespace: String, key: String) async -> [BrokerResult<Void>] {
        await fanOut(nameServerEndpoints) { [self] ns in
            let request = RemotingCommand.request(
                .deleteKVConfig, header: KVConfigHeader(namespace: namespace, key: key))
            try await invokeNameServer(at: ns.address, request).expect(from: "name server \(ns.address)")
        }
    }

    /// GET_KVLIST_BY_NAMESPACE on every name server: its pairs, empty where it has no such namespace.
    public func kvListEverywhere(namespace: String) async -> [BrokerResult<[String: String]>] {
        await fanOut(nameServerEndpoints) { [self] ns in
            var request = RemotingCommand.request(.getKVListByNamespace)
            request.extFields["namespace"] = namespace
            let response = try await invokeNameServer(at: ns.address, request)
            if response.code == ResponseCode.queryNotFound.rawValue { return [:] }
            try response.expect(from: "name server \(ns.address)")
            return try decode(KVTable.self, response).table
        }
    }
}

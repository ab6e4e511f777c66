import MQProtocol

/// Apache's order configuration of a topic: the name-server KV entry `ORDER_TOPIC_CONFIG/topic`
/// (`brokerName:queues;...`) that routes carry as `orderTopicConf` (`updateOrderConf`).
extension MQClientInstance {
    /// The topic's order configuration from the first name server that answers; nil when it has none.
    public func orderConf(topic: String) async throws -> String? {
        try await kvConfig(namespace: KVConfigHeader.orderTopicNamespace, key: topic)
    }

    /// Sets the topic's order configuration on every name server; results per server.
    public func putOrderConf(topic: String, conf: String) async -> [BrokerResult<Void>] {
        await putKVConfig(namespace: KVConfigHeader.orderTopicNamespace, key: topic, value: conf)
    }

    /// Removes the topic's order configuration from every name server (DELETE_KV_CONFIG); results per server.
    public func removeOrderConf(topic: String) async -> [BrokerResult<Void>] {
        let servers = nameServers.map { BrokerEndpoint(cluster: "", brokerName: "", brokerId: 0, address: $0) }
        return await fanOut(servers) { [self] ns in
            let header = KVConfigHeader(namespace: KVConfigHeader.orderTopicNamespace, key: topic)
            try await invokeNameServer(at: ns.address, .request(.deleteKVConfig, header: header))
                .expect(from: "name server \(ns.address)")
        }
    }
}

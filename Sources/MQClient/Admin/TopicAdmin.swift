import MQProtocol

/// Admin reads about topics: lists, per-broker configs, stats and consuming groups.
extension MQClientInstance {
    /// Every topic the name server knows (GET_ALL_TOPIC_LIST_FROM_NAMESERVER), sorted. Includes
    /// retry, DLQ and system topics.
    public func allTopics() async throws -> [String] {
        let response = try await invokeNameServer(.request(.getAllTopicListFromNameServer))
        try response.expect(from: "name server")
        return try decode(TopicList.self, response).topicList.sorted()
    }

    /// Topics served by a cluster's brokers (GET_TOPICS_BY_CLUSTER), sorted.
    public func topics(cluster: String) async throws -> [String] {
        let response = try await invokeNameServer(
            .request(.getTopicsByCluster, header: ClusterHeader(cluster: cluster)))
        try response.expect(from: "name server")
        return try decode(TopicList.self, response).topicList.sorted()
    }

    /// A topic's configuration on one broker, nil when the broker does not have it. Uses
    /// GET_TOPIC_CONFIG (5.x), falling back to the whole table (GET_ALL_TOPIC_CONFIG) on older brokers.
    public func topicConfig(_ topic: String, broker address: String) async throws -> TopicConfig? {
        let response = try await invoke(address, .request(.getTopicConfig, header: TopicHeader(topic: topic)))
        switch response.responseCode {
        case .success: return try decode(TopicConfig.self, response)
        case .topicNotExist: return nil
        case .requestCodeNotSupported: return try await topicConfigs(broker: address).topicConfigTable[topic]
        default:
            try response.expect(from: address)
            return nil
        }
    }

    /// GET_TOPIC_STATS_INFO from one broker; nil when the broker does not have the topic.
    public func topicStats(topic: String, broker address: String) async throws -> TopicStatsTable? {
        let response = try await invoke(address, .request(.getTopicStatsInfo, header: TopicHeader(topic: topic)))
        if response.code == ResponseCode.topicNotExist.rawValue { return nil }
        try response.expect(from: address)
        return try decode(TopicStatsTable.self, response)
    }

    /// The masters serving a topic according to its route (throws `topicNotFound` without one).
    public func routeMasters(topic: String) async throws -> (route: TopicRouteData, masters: [BrokerEndpoint]) {
        let route = try await self.route(topic: topic, refresh: true)
        let masters = route.brokerDatas.compactMap { b in
            b.masterAddress.map {
                BrokerEndpoint(cluster: b.cluster, brokerName: b.brokerName, brokerId: 0, address: $0)
            }
        }
        return (route, masters.sorted())
    }

    /// Stats of a topic from every master of its route, per broker.
    public func topicStats(topic: String) async throws -> [BrokerResult<TopicStatsTable?>] {
        let masters = try await routeMasters(topic: topic).masters
        return await fanOut(masters) { [self] e in try await topicStats(topic: topic, broker: e.address) }
    }

    /// Groups consuming a topic (QUERY_TOPIC_CONSUME_BY_WHO), merged over every master of its route;
    /// Apache asks only the first broker, which misses groups whose offsets live on the others.
    public func topicConsumers(topic: String) async throws -> [BrokerResult<[String]>] {
        let masters = try await routeMasters(topic: topic).masters
        return await fanOut(masters) { [self] e in
            let response = try await invoke(
                e.address, .request(.queryTopicConsumeByWho, header: TopicHeader(topic: topic)))
            try response.expect(from: e.address)
            return try decode(GroupList.self, response).groupList
        }
    }

    /// A name-server KV entry from the first name server that answers; nil when absent.
    public func kvConfig(namespace: String, key: String) async throws -> String? {
        let response = try await invokeNameServer(
            .request(.getKVConfig, header: KVConfigHeader(namespace: namespace, key: key)))
        if response.code == ResponseCode.queryNotFound.rawValue { return nil }
        try response.expect(from: "name server")
        return response.extFields["value"]
    }

    /// Sets a KV entry on every name server (as Apache's putKVConfigValue does); results per server.
    public func putKVConfig(namespace: String, key: String, value: String) async -> [BrokerResult<Void>] {
        let servers = nameServers.map { BrokerEndpoint(cluster: "", brokerName: "", brokerId: 0, address: $0) }
        return await fanOut(servers) { [self] ns in
            let request = RemotingCommand.request(
                .putKVConfig, header: KVConfigHeader(namespace: namespace, key: key, value: value))
            try await invokeNameServer(at: ns.address, request).expect(from: "name server \(ns.address)")
        }
    }

    /// Sends a request to one given name server (not the first that answers).
    public func invokeNameServer(at address: String, _ request: RemotingCommand) async throws -> RemotingCommand {
        do {
            return try await invoke(address, request)
        } catch ClientError.brokerUnreachable(_, let detail, _) {
            throw ClientError.nameServerUnreachable(addresses: [address], detail: detail)
        }
    }
}

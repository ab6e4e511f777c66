import MQProtocol

/// A master broker: its name and address.
public struct BrokerRef: Sendable, Hashable, Comparable, Codable {
    public var name: String
    public var address: String

    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }

    public static func < (a: BrokerRef, b: BrokerRef) -> Bool { (a.name, a.address) < (b.name, b.address) }
}

/// Consumer-group calls to one broker, and the broker sets they fan out over.
extension MQClientInstance {
    /// Master brokers of one cluster, or of every cluster; nil when the named cluster is unknown.
    public func masters(cluster: String? = nil) async throws -> [BrokerRef]? {
        let info = try await clusterInfo()
        let names: [String]
        if let cluster {
            guard let inCluster = info.clusterAddrTable[cluster] else { return nil }
            names = inCluster
        } else {
            names = Array(info.brokerAddrTable.keys)
        }
        return names.compactMap { n in info.brokerAddrTable[n]?.masterAddress.map { BrokerRef(name: n, address: $0) } }
            .sorted()
    }

    /// Every group configuration a broker holds (GET_ALL_SUBSCRIPTIONGROUP_CONFIG, 201).
    public func groupConfigs(broker address: String) async throws -> [String: SubscriptionGroupConfig] {
        let response = try await invoke(address, .request(.getAllSubscriptionGroupConfig))
        try response.expect(from: address)
        return try decode(SubscriptionGroupWrapper.self, response).subscriptionGroupTable
    }

    /// One group's configuration on a broker; nil when absent. Read from the full list (201) on purpose:
    /// Apache's GET_SUBSCRIPTIONGROUP_CONFIG (352) creates a missing group when auto-creation is on, so
    /// merely asking would make every typo a group.
    public func groupConfig(_ group: String, broker address: String) async throws -> SubscriptionGroupConfig? {
        try await groupConfigs(broker: address)[group]
    }

    /// DELETE_SUBSCRIPTIONGROUP (207); `cleanOffset` also drops the group's committed offsets.
    public func deleteGroup(_ group: String, broker address: String, cleanOffset: Bool) async throws {
        let h = DeleteSubscriptionGroupRequestHeader(groupName: group, cleanOffset: cleanOffset)
        try await invoke(address, .request(.deleteSubscriptionGroup, header: h)).expect(from: address)
    }

    /// DELETE_TOPIC_IN_BROKER (215) on one broker.
    public func deleteTopic(_ topic: String, broker address: String) async throws {
        try await invoke(address, .request(.deleteTopicInBroker, header: TopicHeader(topic: topic))).expect(
            from: address)
    }

    /// DELETE_TOPIC_IN_NAMESRV (216) on every name server; `cluster` limits it to that cluster's brokers.
    public func deleteTopicInNameServers(_ topic: String, cluster: String?) async throws {
        let request = RemotingCommand.request(
            .deleteTopicInNamesrv, header: DeleteTopicFromNamesrvRequestHeader(topic: topic, clusterName: cluster))
        for ns in nameServers {
            try await invoke(ns, request).expect(from: ns)
        }
    }

    /// The group's connections on one broker (GET_CONSUMER_CONNECTION_LIST, 203); nil when not online there.
    public func consumerConnection(group: String, broker address: String) async throws -> ConsumerConnection? {
        let request = RemotingCommand.request(
            .getConsumerConnectionList, header: ConsumerGroupHeader(consumerGroup: group))
        let response = try await invoke(address, request)
        if response.code == ResponseCode.consumerNotOnline.rawValue { return nil }
        try response.expect(from: address)
        return try decode(ConsumerConnection.self, response)
    }

    /// A group's consume stats on one broker (GET_CONSUME_STATS, 208); empty when the topic is not there.
    public func consumeStats(group: String, topic: String?, broker address: String) async throws -> ConsumeStats {
        let response = try await invoke(
            address,
            .request(.getConsumeStats, header: GetConsumeStatsRequestHeader(consumerGroup: group, topic: topic)))
        if response.code == ResponseCode.topicNotExist.rawValue { return ConsumeStats() }
        try response.expect(from: address)
        return try decode(ConsumeStats.self, response)
    }

    /// Topic names the name server knows (GET_ALL_TOPIC_LIST_FROM_NAMESERVER, 206).
    public func allTopicNames() async throws -> [String] {
        let response = try await invokeNameServer(.request(.getAllTopicListFromNameServer))
        try response.expect(from: "name server")
        return try decode(TopicList.self, response).topicList
    }
}

import MQProtocol

/// Admin reads several commands share.
extension MQClientInstance {
    /// Brokers to ask about a group: those of `%RETRY%<group>`'s route, else `topic`'s, else every master
    /// (Apache's examineConsumeStats order, without its failure when the retry topic has no route).
    public func brokerAddresses(forGroup group: String, topic: String? = nil) async throws -> [(name: String, address: String)] {
        for t in [SystemTopics.retryTopic(group)] + (topic.map { [$0] } ?? []) {
            if let route = try? await route(topic: t) {
                let found = route.brokerDatas.compactMap { b in b.masterAddress.map { (b.brokerName, $0) } }
                if !found.isEmpty { return found.sorted { $0.0 < $1.0 } }
            }
        }
        let info = try await clusterInfo()
        return info.brokerAddrTable.values.compactMap { b in b.masterAddress.map { (b.brokerName, $0) } }
            .sorted { $0.0 < $1.0 }
    }

    /// A group's consume stats merged over its brokers; consumeTps is summed.
    public func consumeStats(group: String, topic: String? = nil) async throws -> ConsumeStats {
        var merged = ConsumeStats()
        for (_, addr) in try await brokerAddresses(forGroup: group, topic: topic) {
            let h = GetConsumeStatsRequestHeader(consumerGroup: group, topic: topic)
            let response = try await invoke(addr, .request(.getConsumeStats, header: h))
            if response.code == ResponseCode.topicNotExist.rawValue { continue }
            try response.expect(from: addr)
            let stats = try decode(ConsumeStats.self, response)
            merged.offsetTable.entries += stats.offsetTable.entries
            merged.consumeTps += stats.consumeTps
        }
        merged.offsetTable.entries.sort { $0.queue < $1.queue }
        return merged
    }

    /// The group's online connections and subscriptions, from the first broker that has them; nil when offline.
    public func consumerConnection(group: String) async throws -> ConsumerConnection? {
        for (_, addr) in try await brokerAddresses(forGroup: group) {
            let response = try await invoke(addr, .request(.getConsumerConnectionList, header: ConsumerGroupHeader(consumerGroup: group)))
            if response.code == ResponseCode.consumerNotOnline.rawValue { continue }
            try response.expect(from: addr)
            return try decode(ConsumerConnection.self, response)
        }
        return nil
    }

    /// A broker's configuration (GET_BROKER_CONFIG): Java properties text as a dictionary.
    public func brokerConfig(broker address: String) async throws -> [String: String] {
        let response = try await invoke(address, .request(.getBrokerConfig))
        try response.expect(from: address)
        return JavaProperties.parse(String(decoding: response.bodyBytes, as: UTF8.self))
    }

    /// GET_BROKER_RUNTIME_INFO as a dictionary.
    public func brokerRuntimeInfo(broker address: String) async throws -> [String: String] {
        let response = try await invoke(address, .request(.getBrokerRuntimeInfo))
        try response.expect(from: address)
        return try decode(KVTable.self, response).table
    }
}

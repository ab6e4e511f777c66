import MQProtocol

/// Admin writes to one broker. Cluster-wide fan-out builds on these.
extension MQClientInstance {
    public func createTopic(_ config: TopicConfig, broker address: String) async throws {
        let request = RemotingCommand.request(.updateAndCreateTopic, header: CreateTopicRequestHeader(config: config))
        try await invoke(address, request).expect(from: address)
    }

    public func updateGroup(_ config: SubscriptionGroupConfig, broker address: String) async throws {
        var request = RemotingCommand.request(.updateAndCreateSubscriptionGroup)
        request.setJSONBody(config)
        try await invoke(address, request).expect(from: address)
    }

    public func topicConfigs(broker address: String) async throws -> TopicConfigSerializeWrapper {
        let response = try await invoke(address, .request(.getAllTopicConfig))
        try response.expect(from: address)
        return try decode(TopicConfigSerializeWrapper.self, response)
    }
}

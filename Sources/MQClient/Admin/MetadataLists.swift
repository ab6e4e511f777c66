import MQProtocol

/// Batch metadata writes to one broker (Apache 5.x's UPDATE_AND_CREATE_TOPIC_LIST and
/// UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST): the broker checks every item and stores all or none.
/// Older brokers answer REQUEST_CODE_NOT_SUPPORTED; the error then names the release needed (`UnservedRequest`).
extension MQClientInstance {
    /// Creates or replaces `configs` on the broker in one request. `attributes` of each item are a
    /// modification (`+key` sets, `-key` removes), as Apache's broker reads them.
    public func writeTopicConfigList(_ configs: [TopicConfig], broker address: String) async throws {
        var request = RemotingCommand.request(.updateAndCreateTopicList)
        request.setJSONBody(CreateTopicListRequestBody(topicConfigList: configs))
        try await invoke(address, request).expect(from: address)
    }

    /// Creates or replaces the group configurations on the broker in one request.
    public func writeGroupConfigList(_ configs: [SubscriptionGroupConfig], broker address: String) async throws {
        var request = RemotingCommand.request(.updateAndCreateSubscriptionGroupList)
        request.setJSONBody(SubscriptionGroupList(groupConfigList: configs))
        try await invoke(address, request).expect(from: address)
    }
}

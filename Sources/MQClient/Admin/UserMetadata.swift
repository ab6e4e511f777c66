import MQProtocol

/// A broker's metadata without what the broker makes for itself, as Apache's `exportMetadata` reads it
/// (`getUserTopicConfig`, `getUserSubscriptionGroup`): what an operator would restore on another cluster.
extension MQClientInstance {
    /// Groups Apache creates or reserves (`MixAll.isPredefinedGroup`); `CID_RMQ_SYS_*` groups are system groups too.
    public static let predefinedGroups: Set<String> = [
        "DEFAULT_CONSUMER", "DEFAULT_PRODUCER", "TOOLS_CONSUMER", "SCHEDULE_CONSUMER", "FILTERSRV_CONSUMER",
        "__MONITOR_CONSUMER", "CLIENT_INNER_PRODUCER", "SELF_TEST_P_GROUP", "SELF_TEST_C_GROUP", "CID_ONS-HTTP-PROXY",
        "CID_ONSAPI_PERMISSION", "CID_ONSAPI_OWNER", "CID_ONSAPI_PULL",
    ]

    /// The broker's topic table (GET_ALL_TOPIC_CONFIG) without the topics its system-topic list names
    /// (GET_SYSTEM_TOPIC_LIST_FROM_BROKER) or that are system topics by name, without retry and DLQ topics
    /// unless `retryAndDLQ`, and without entries of an invalid permission. Only `dataVersion` and the table
    /// are kept, as Apache's client decodes them.
    public func userTopicConfigs(broker address: String, retryAndDLQ: Bool) async throws
        -> TopicConfigSerializeWrapper
    {
        let all = try await topicConfigs(broker: address)
        let response = try await invoke(address, .request(.getSystemTopicListFromBroker))
        try response.expect(from: address)
        let system = Set(try decode(TopicList.self, response).topicList)
        let kept = all.topicConfigTable.filter { name, config in
            if system.contains(name) || SystemTopics.isSystem(name) { return false }
            if !retryAndDLQ && (name.hasPrefix(SystemTopics.retryPrefix) || name.hasPrefix(SystemTopics.dlqPrefix)) {
                return false
            }
            return PermName.isValid(config.perm)
        }
        return TopicConfigSerializeWrapper(dataVersion: all.dataVersion, topicConfigTable: kept)
    }

    /// The broker's group table (GET_ALL_SUBSCRIPTIONGROUP_CONFIG) without system and predefined groups.
    public func userGroupConfigs(broker address: String) async throws -> SubscriptionGroupWrapper {
        let response = try await invoke(address, .request(.getAllSubscriptionGroupConfig))
        try response.expect(from: address)
        var wrapper = try decode(SubscriptionGroupWrapper.self, response)
        wrapper.subscriptionGroupTable = wrapper.subscriptionGroupTable.filter { name, _ in
            !name.hasPrefix("CID_RMQ_SYS_") && !Self.predefinedGroups.contains(name)
        }
        return wrapper
    }
}

/// UPDATE_AND_CREATE_TOPIC_LIST (18) body: the topics to create or replace, in one request (Apache 5.x).
public struct CreateTopicListRequestBody: Codable, Sendable, Hashable {
    public var topicConfigList: [TopicConfig]

    public init(topicConfigList: [TopicConfig]) { self.topicConfigList = topicConfigList }

    enum CodingKeys: String, CodingKey { case topicConfigList }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        topicConfigList = try c.decodeIfPresent([TopicConfig].self, forKey: .topicConfigList) ?? []
    }
}

/// UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST (225) body: the groups to create or replace (Apache 5.x).
public struct SubscriptionGroupList: Codable, Sendable, Hashable {
    public var groupConfigList: [SubscriptionGroupConfig]

    public init(groupConfigList: [SubscriptionGroupConfig]) { self.groupConfigList = groupConfigList }

    enum CodingKeys: String, CodingKey { case groupConfigList }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        groupConfigList = try c.decodeIfPresent([SubscriptionGroupConfig].self, forKey: .groupConfigList) ?? []
    }
}

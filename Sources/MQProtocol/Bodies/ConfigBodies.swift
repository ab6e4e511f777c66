/// A topic's configuration on one broker (wire.md §4.4).
public struct TopicConfig: Codable, Sendable, Hashable {
    public var topicName: String
    public var readQueueNums: Int32
    public var writeQueueNums: Int32
    public var perm: Int32
    public var topicFilterType: String
    public var topicSysFlag: Int32
    public var order: Bool
    public var attributes: [String: String]

    public init(
        topicName: String, readQueueNums: Int32 = 8, writeQueueNums: Int32 = 8, perm: Int32 = 6,
        topicFilterType: String = "SINGLE_TAG", topicSysFlag: Int32 = 0, order: Bool = false,
        attributes: [String: String] = [:]
    ) {
        self.topicName = topicName
        self.readQueueNums = readQueueNums
        self.writeQueueNums = writeQueueNums
        self.perm = perm
        self.topicFilterType = topicFilterType
        self.topicSysFlag = topicSysFlag
        self.order = order
        self.attributes = attributes
    }

    /// Queue ids that exist on this broker: `0 ..< max(read, write)`.
    public var queueCount: Int32 { max(readQueueNums, writeQueueNums) }

    enum CodingKeys: String, CodingKey {
        case topicName, readQueueNums, writeQueueNums, perm, topicFilterType, topicSysFlag, order, attributes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        topicName = try c.decode(String.self, forKey: .topicName)
        readQueueNums = try c.decodeIfPresent(Int32.self, forKey: .readQueueNums) ?? 16
        writeQueueNums = try c.decodeIfPresent(Int32.self, forKey: .writeQueueNums) ?? 16
        perm = try c.decodeIfPresent(Int32.self, forKey: .perm) ?? 6
        topicFilterType = try c.decodeIfPresent(String.self, forKey: .topicFilterType) ?? "SINGLE_TAG"
        topicSysFlag = try c.decodeIfPresent(Int32.self, forKey: .topicSysFlag) ?? 0
        order = try c.decodeIfPresent(Bool.self, forKey: .order) ?? false
        attributes = try c.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:]
    }
}

/// `topics.json` and the topic part of REGISTER_BROKER / GET_ALL_TOPIC_CONFIG.
public struct TopicConfigSerializeWrapper: Codable, Sendable, Hashable {
    public var dataVersion: DataVersion
    public var topicConfigTable: [String: TopicConfig]
    /// Present in GET_ALL_TOPIC_CONFIG / REGISTER_BROKER bodies (static topics); empty here.
    public var mappingDataVersion: DataVersion?
    public var topicQueueMappingDetailMap: JSONValue?
    public var topicQueueMappingInfoMap: JSONValue?

    public init(dataVersion: DataVersion, topicConfigTable: [String: TopicConfig], withMapping: Bool = false) {
        self.dataVersion = dataVersion
        self.topicConfigTable = topicConfigTable
        if withMapping {
            mappingDataVersion = DataVersion()
            topicQueueMappingDetailMap = .object([])
            topicQueueMappingInfoMap = .object([])
        }
    }

    enum CodingKeys: String, CodingKey {
        case dataVersion, topicConfigTable, mappingDataVersion, topicQueueMappingDetailMap, topicQueueMappingInfoMap
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dataVersion = try c.decodeIfPresent(DataVersion.self, forKey: .dataVersion) ?? DataVersion()
        topicConfigTable = try c.decodeIfPresent([String: TopicConfig].self, forKey: .topicConfigTable) ?? [:]
        mappingDataVersion = try c.decodeIfPresent(DataVersion.self, forKey: .mappingDataVersion)
        topicQueueMappingDetailMap = try c.decodeIfPresent(JSONValue.self, forKey: .topicQueueMappingDetailMap)
        topicQueueMappingInfoMap = try c.decodeIfPresent(JSONValue.self, forKey: .topicQueueMappingInfoMap)
    }
}

/// REGISTER_BROKER body (uncompressed form).
public struct RegisterBrokerBody: Codable, Sendable, Hashable {
    public var topicConfigSerializeWrapper: TopicConfigSerializeWrapper
    public var filterServerList: [String]

    public init(topicConfigSerializeWrapper: TopicConfigSerializeWrapper, filterServerList: [String] = []) {
        self.topicConfigSerializeWrapper = topicConfigSerializeWrapper
        self.filterServerList = filterServerList
    }

    enum CodingKeys: String, CodingKey { case topicConfigSerializeWrapper, filterServerList }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        topicConfigSerializeWrapper = try c.decode(TopicConfigSerializeWrapper.self, forKey: .topicConfigSerializeWrapper)
        filterServerList = try c.decodeIfPresent([String].self, forKey: .filterServerList) ?? []
    }
}

/// A consumer group's configuration (wire.md §4.5), with Apache's defaults.
public struct SubscriptionGroupConfig: Codable, Sendable, Hashable {
    public var groupName: String
    public var consumeEnable = true
    public var consumeFromMinEnable = true
    public var consumeBroadcastEnable = true
    public var consumeMessageOrderly = false
    public var retryQueueNums: Int32 = 1
    public var retryMaxTimes: Int32 = 16
    public var groupRetryPolicy: JSONValue = .object([JSONMember("type", .string("CUSTOMIZED"))])
    public var brokerId: Int64 = 0
    public var whichBrokerWhenConsumeSlowly: Int64 = 1
    public var notifyConsumerIdsChangedEnable = true
    public var groupSysFlag: Int32 = 0
    public var consumeTimeoutMinute: Int32 = 15
    public var subscriptionDataSet: JSONValue?
    public var attributes: [String: String] = [:]

    public init(groupName: String) {
        self.groupName = groupName
    }

    enum CodingKeys: String, CodingKey {
        case groupName, consumeEnable, consumeFromMinEnable, consumeBroadcastEnable, consumeMessageOrderly
        case retryQueueNums, retryMaxTimes, groupRetryPolicy, brokerId, whichBrokerWhenConsumeSlowly
        case notifyConsumerIdsChangedEnable, groupSysFlag, consumeTimeoutMinute, subscriptionDataSet, attributes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        groupName = try c.decode(String.self, forKey: .groupName)
        let d = SubscriptionGroupConfig(groupName: groupName)
        consumeEnable = try c.decodeIfPresent(Bool.self, forKey: .consumeEnable) ?? d.consumeEnable
        consumeFromMinEnable = try c.decodeIfPresent(Bool.self, forKey: .consumeFromMinEnable) ?? d.consumeFromMinEnable
        consumeBroadcastEnable =
            try c.decodeIfPresent(Bool.self, forKey: .consumeBroadcastEnable) ?? d.consumeBroadcastEnable
        consumeMessageOrderly =
            try c.decodeIfPresent(Bool.self, forKey: .consumeMessageOrderly) ?? d.consumeMessageOrderly
        retryQueueNums = try c.decodeIfPresent(Int32.self, forKey: .retryQueueNums) ?? d.retryQueueNums
        retryMaxTimes = try c.decodeIfPresent(Int32.self, forKey: .retryMaxTimes) ?? d.retryMaxTimes
        groupRetryPolicy = try c.decodeIfPresent(JSONValue.self, forKey: .groupRetryPolicy) ?? d.groupRetryPolicy
        brokerId = try c.decodeIfPresent(Int64.self, forKey: .brokerId) ?? d.brokerId
        whichBrokerWhenConsumeSlowly =
            try c.decodeIfPresent(Int64.self, forKey: .whichBrokerWhenConsumeSlowly) ?? d.whichBrokerWhenConsumeSlowly
        notifyConsumerIdsChangedEnable =
            try c.decodeIfPresent(Bool.self, forKey: .notifyConsumerIdsChangedEnable)
            ?? d.notifyConsumerIdsChangedEnable
        groupSysFlag = try c.decodeIfPresent(Int32.self, forKey: .groupSysFlag) ?? d.groupSysFlag
        consumeTimeoutMinute = try c.decodeIfPresent(Int32.self, forKey: .consumeTimeoutMinute) ?? d.consumeTimeoutMinute
        subscriptionDataSet = try c.decodeIfPresent(JSONValue.self, forKey: .subscriptionDataSet)
        attributes = try c.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:]
    }
}

/// `subscriptionGroup.json` and GET_ALL_SUBSCRIPTIONGROUP_CONFIG body.
public struct SubscriptionGroupWrapper: Codable, Sendable, Hashable {
    public var dataVersion: DataVersion
    public var subscriptionGroupTable: [String: SubscriptionGroupConfig]
    public var forbiddenTable: [String: [String: Int32]]

    public init(dataVersion: DataVersion, subscriptionGroupTable: [String: SubscriptionGroupConfig]) {
        self.dataVersion = dataVersion
        self.subscriptionGroupTable = subscriptionGroupTable
        self.forbiddenTable = [:]
    }

    enum CodingKeys: String, CodingKey { case dataVersion, subscriptionGroupTable, forbiddenTable }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dataVersion = try c.decodeIfPresent(DataVersion.self, forKey: .dataVersion) ?? DataVersion()
        subscriptionGroupTable =
            try c.decodeIfPresent([String: SubscriptionGroupConfig].self, forKey: .subscriptionGroupTable) ?? [:]
        forbiddenTable = try c.decodeIfPresent([String: [String: Int32]].self, forKey: .forbiddenTable) ?? [:]
    }
}

/// `consumerOffset.json` / GET_ALL_CONSUMER_OFFSET: `"topic@group" → queueId → offset` (unquoted int keys).
public struct ConsumerOffsetSerializeWrapper: Codable, Sendable, Hashable {
    public var dataVersion: DataVersion
    public var offsetTable: [String: [Int: Int64]]

    public init(dataVersion: DataVersion = DataVersion(), offsetTable: [String: [Int: Int64]] = [:]) {
        self.dataVersion = dataVersion
        self.offsetTable = offsetTable
    }

    enum CodingKeys: String, CodingKey { case dataVersion, offsetTable }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dataVersion = try c.decodeIfPresent(DataVersion.self, forKey: .dataVersion) ?? DataVersion()
        offsetTable = try c.decodeIfPresent([String: [Int: Int64]].self, forKey: .offsetTable) ?? [:]
    }
}

/// UPDATE_AND_CREATE_TOPIC (17), wire.md §3.4.
public struct CreateTopicRequestHeader: CommandHeader, Equatable {
    public var topic: String
    public var defaultTopic = "TBW102"
    public var readQueueNums: Int32
    public var writeQueueNums: Int32
    public var perm: Int32
    public var topicFilterType = "SINGLE_TAG"
    public var topicSysFlag: Int32?
    public var order = false
    public var attributes: String?
    public var force: Bool?

    public init(topic: String, readQueueNums: Int32, writeQueueNums: Int32, perm: Int32, order: Bool = false) {
        self.topic = topic
        self.readQueueNums = readQueueNums
        self.writeQueueNums = writeQueueNums
        self.perm = perm
        self.order = order
    }

    public init(config: TopicConfig) {
        self.init(
            topic: config.topicName, readQueueNums: config.readQueueNums, writeQueueNums: config.writeQueueNums,
            perm: config.perm, order: config.order)
        topicFilterType = config.topicFilterType
        topicSysFlag = config.topicSysFlag
    }

    public init(fields f: HeaderFields) throws {
        topic = try f.require("topic")
        defaultTopic = f.string("defaultTopic") ?? "TBW102"
        readQueueNums = try f.requireInt32("readQueueNums")
        writeQueueNums = try f.requireInt32("writeQueueNums")
        perm = try f.requireInt32("perm")
        topicFilterType = f.string("topicFilterType") ?? "SINGLE_TAG"
        topicSysFlag = try f.int32("topicSysFlag")
        order = f.bool("order") ?? false
        attributes = f.string("attributes")
        force = f.bool("force")
    }

    public func encode(into f: inout [String: String]) {
        f["topic"] = topic
        f["defaultTopic"] = defaultTopic
        f.put("readQueueNums", readQueueNums)
        f.put("writeQueueNums", writeQueueNums)
        f.put("perm", perm)
        f["topicFilterType"] = topicFilterType
        f.put("topicSysFlag", topicSysFlag)
        f.put("order", order)
        f.put("attributes", attributes)
        f.put("force", force)
    }

    /// The topic configuration this request asks for.
    public var topicConfig: TopicConfig {
        TopicConfig(
            topicName: topic, readQueueNums: readQueueNums, writeQueueNums: writeQueueNums, perm: perm,
            topicFilterType: topicFilterType, topicSysFlag: topicSysFlag ?? 0, order: order)
    }
}

/// DELETE_SUBSCRIPTIONGROUP (207).
public struct DeleteSubscriptionGroupRequestHeader: CommandHeader, Equatable {
    public var groupName: String
    public var cleanOffset = false

    public init(groupName: String, cleanOffset: Bool = false) {
        self.groupName = groupName
        self.cleanOffset = cleanOffset
    }

    public init(fields f: HeaderFields) throws {
        groupName = try f.require("groupName")
        cleanOffset = f.bool("cleanOffset") ?? false
    }

    public func encode(into f: inout [String: String]) {
        f["groupName"] = groupName
        f.put("cleanOffset", cleanOffset)
    }
}

/// A header whose only field is `group` (GET_SUBSCRIPTIONGROUP_CONFIG, QUERY_TOPICS_BY_CONSUMER).
public struct GroupHeader: CommandHeader, Equatable {
    public var group: String

    public init(group: String) {
        self.group = group
    }

    public init(fields f: HeaderFields) throws {
        group = try f.require("group")
    }

    public func encode(into f: inout [String: String]) {
        f["group"] = group
    }
}

/// Headers of the admin requests a broker forwards to one client over that client's own connection
/// (Apache's `AdminBrokerProcessor#callConsumer`): the admin names the group and the client id, the
/// broker finds the connection and relays the client's answer.

/// GET_CONSUMER_RUNNING_INFO (307): the client's running info; `jstackEnable` asks for its thread stacks.
public struct GetConsumerRunningInfoRequestHeader: CommandHeader, Equatable {
    public var consumerGroup: String
    public var clientId: String
    public var jstackEnable: Bool

    public init(consumerGroup: String, clientId: String, jstackEnable: Bool = false) {
        self.consumerGroup = consumerGroup
        self.clientId = clientId
        self.jstackEnable = jstackEnable
    }

    public init(fields f: HeaderFields) throws {
        consumerGroup = try f.require("consumerGroup")
        clientId = try f.require("clientId")
        jstackEnable = f.bool("jstackEnable") ?? false
    }

    public func encode(into f: inout [String: String]) {
        f["consumerGroup"] = consumerGroup
        f["clientId"] = clientId
        f["jstackEnable"] = jstackEnable ? "true" : "false"
    }
}

/// CONSUME_MESSAGE_DIRECTLY (309): the client consumes one stored message now and answers how it went.
/// The broker adds `brokerName`, `topicSysFlag` and `groupSysFlag` and puts the stored message in the body.
public struct ConsumeMessageDirectlyRequestHeader: CommandHeader, Equatable {
    public var consumerGroup: String
    public var clientId: String?
    public var msgId: String?
    public var brokerName: String?
    public var topic: String?
    public var topicSysFlag: Int32?
    public var groupSysFlag: Int32?

    public init(
        consumerGroup: String, clientId: String?, msgId: String?, brokerName: String? = nil, topic: String? = nil,
        topicSysFlag: Int32? = nil, groupSysFlag: Int32? = nil
    ) {
        self.consumerGroup = consumerGroup
        self.clientId = clientId
        self.msgId = msgId
        self.brokerName = brokerName
        self.topic = topic
        self.topicSysFlag = topicSysFlag
        self.groupSysFlag = groupSysFlag
    }

    public init(fields f: HeaderFields) throws {
        consumerGroup = try f.require("consumerGroup")
        clientId = f.string("clientId")
        msgId = f.string("msgId")
        brokerName = f.string("brokerName")
        topic = f.string("topic")
        topicSysFlag = try f.int32("topicSysFlag")
        groupSysFlag = try f.int32("groupSysFlag")
    }

    public func encode(into f: inout [String: String]) {
        f["consumerGroup"] = consumerGroup
        f["clientId"] = clientId
        f["msgId"] = msgId
        f["brokerName"] = brokerName
        f["topic"] = topic
        f["topicSysFlag"] = topicSysFlag.map(String.init)
        f["groupSysFlag"] = groupSysFlag.map(String.init)
    }
}

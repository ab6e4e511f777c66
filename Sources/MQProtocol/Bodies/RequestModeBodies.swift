/// How a consumer group reads a topic (Apache's `MessageRequestMode`): classic pull or broker-side POP.
public enum MessageRequestMode: String, JavaEnum {
    case pull = "PULL"
    case pop = "POP"
}

/// SET_MESSAGE_REQUEST_MODE (401) request body, and one entry of the stored table (Apache's
/// `SetMessageRequestModeRequestBody`). Topic and group are required; a missing one is a malformed body.
public struct SetMessageRequestModeBody: Codable, Sendable, Hashable {
    public var topic: String
    public var consumerGroup: String
    public var mode: MessageRequestMode
    /// POP only: how many following members' queues each member also pops; ≤ 0 means every queue.
    public var popShareQueueNum: Int32

    public init(topic: String, consumerGroup: String, mode: MessageRequestMode, popShareQueueNum: Int32 = 0) {
        self.topic = topic
        self.consumerGroup = consumerGroup
        self.mode = mode
        self.popShareQueueNum = popShareQueueNum
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        topic = try c.decode(String.self, forKey: .topic)
        consumerGroup = try c.decode(String.self, forKey: .consumerGroup)
        // Apache's default is PULL; a present but unknown value is refused by the enum's decoding.
        mode = try c.decodeIfPresent(MessageRequestMode.self, forKey: .mode) ?? .pull
        popShareQueueNum = try c.decodeIfPresent(Int32.self, forKey: .popShareQueueNum) ?? 0
    }
}

/// GET_ALL_MESSAGE_REQUEST_MODE (402) response body and `config/messageRequestMode.json` (Apache's
/// `MessageRequestModeSerializeWrapper`): topic → group → mode.
public struct MessageRequestModeTable: Codable, Sendable, Hashable {
    public var messageRequestModeMap: [String: [String: SetMessageRequestModeBody]]

    public init(messageRequestModeMap: [String: [String: SetMessageRequestModeBody]] = [:]) {
        self.messageRequestModeMap = messageRequestModeMap
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        messageRequestModeMap =
            try c.decodeIfPresent([String: [String: SetMessageRequestModeBody]].self, forKey: .messageRequestModeMap)
            ?? [:]
    }

    /// The mode set for `group` on `topic`, nil when none was set.
    public func mode(topic: String, group: String) -> SetMessageRequestModeBody? {
        messageRequestModeMap[topic]?[group]
    }
}

/// QUERY_ASSIGNMENT (400) request body (Apache's `QueryAssignmentRequestBody`).
public struct QueryAssignmentRequestBody: Codable, Sendable, Hashable {
    public var topic: String
    public var consumerGroup: String
    public var clientId: String
    public var strategyName: String
    public var messageModel: MessageModel

    public init(
        topic: String, consumerGroup: String, clientId: String, strategyName: String = "AVG",
        messageModel: MessageModel = .clustering
    ) {
        self.topic = topic
        self.consumerGroup = consumerGroup
        self.clientId = clientId
        self.strategyName = strategyName
        self.messageModel = messageModel
    }
}

/// One queue given to a client, with the mode it should read it in (Apache's `MessageQueueAssignment`).
public struct MessageQueueAssignment: Codable, Sendable, Hashable {
    public var messageQueue: MessageQueue
    public var mode: MessageRequestMode
    public var attachments: [String: String]?

    public init(messageQueue: MessageQueue, mode: MessageRequestMode, attachments: [String: String]? = nil) {
        self.messageQueue = messageQueue
        self.mode = mode
        self.attachments = attachments
    }
}

/// QUERY_ASSIGNMENT response body. `messageQueueAssignments` is absent (nil) when the broker has no valid
/// answer (unknown topic, no live member, unknown strategy): Apache's client then keeps its current queues.
public struct QueryAssignmentResponseBody: Codable, Sendable, Hashable {
    public var messageQueueAssignments: [MessageQueueAssignment]?

    public init(messageQueueAssignments: [MessageQueueAssignment]?) {
        self.messageQueueAssignments = messageQueueAssignments
    }
}

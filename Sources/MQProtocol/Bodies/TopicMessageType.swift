/// The kind of messages a topic carries: Apache 5.x's `message.type` topic attribute (`TopicMessageType`), set
/// at creation with `+message.type=TRANSACTION` and stored without the sign in `TopicConfig.attributes`.
public enum TopicMessageType: String, Sendable, CaseIterable {
    case unspecified = "UNSPECIFIED"
    case normal = "NORMAL"
    case fifo = "FIFO"
    case delay = "DELAY"
    case transaction = "TRANSACTION"
    case mixed = "MIXED"

    /// The attribute's name.
    public static let attribute = "message.type"

    /// The types a topic may be created with (`topic create --type`): MIXED is refused by brokers without
    /// enableMixedMessageType, UNSPECIFIED says nothing.
    public static let creatable: [TopicMessageType] = [.normal, .fifo, .delay, .transaction]
}

extension TopicConfig {
    /// The topic's message type as Apache reads it: NORMAL when the attribute is absent. The raw value, so a
    /// value from a newer broker still shows.
    public var messageType: String {
        attributes[TopicMessageType.attribute] ?? TopicMessageType.normal.rawValue
    }
}

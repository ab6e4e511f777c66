/// GET_BROKER_CONSUME_STATS (317): every group's consume stats on one broker (wire.md §3.3).
///
/// `consumerGroup` and `topic` are mqadmin extensions that narrow the answer (with both, the topic is
/// reported even where the group never committed); Apache brokers ignore them and answer for every
/// group, so callers filter the result themselves as well.
public struct GetConsumeStatsInBrokerHeader: CommandHeader, Equatable {
    /// Only topics configured as ordered.
    public var isOrder: Bool
    /// Only this group (extension).
    public var consumerGroup: String?
    /// Only this topic (extension).
    public var topic: String?

    public init(isOrder: Bool = false, consumerGroup: String? = nil, topic: String? = nil) {
        self.isOrder = isOrder
        self.consumerGroup = consumerGroup
        self.topic = topic
    }

    public init(fields f: HeaderFields) throws {
        isOrder = f.bool("isOrder") ?? false
        consumerGroup = f.string("consumerGroup").flatMap { $0.isEmpty ? nil : $0 }
        topic = f.string("topic").flatMap { $0.isEmpty ? nil : $0 }
    }

    public func encode(into f: inout [String: String]) {
        f.put("isOrder", isOrder)
        f.put("consumerGroup", consumerGroup)
        f.put("topic", topic)
    }
}

/// QUERY_CONSUME_TIME_SPAN (303): per queue, the store times a group's progress sits between.
public struct QueryConsumeTimeSpanRequestHeader: CommandHeader, Equatable {
    public var topic: String
    public var group: String

    public init(topic: String, group: String) {
        self.topic = topic
        self.group = group
    }

    public init(fields f: HeaderFields) throws {
        topic = try f.require("topic")
        group = try f.require("group")
    }

    public func encode(into f: inout [String: String]) {
        f["topic"] = topic
        f["group"] = group
    }
}

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

/// QUERY_CONSUME_QUEUE (321, Apache's queryCq): `count` consume-queue entries of one queue from `index`,
/// evaluated against `consumerGroup`'s subscription when given.
public struct QueryConsumeQueueRequestHeader: CommandHeader, Equatable {
    public var topic: String
    public var queueId: Int32
    public var index: Int64
    public var count: Int32
    public var consumerGroup: String?

    public init(topic: String, queueId: Int32, index: Int64, count: Int32, consumerGroup: String? = nil) {
        self.topic = topic
        self.queueId = queueId
        self.index = index
        self.count = count
        self.consumerGroup = consumerGroup
    }

    public init(fields f: HeaderFields) throws {
        topic = try f.require("topic")
        queueId = try f.requireInt32("queueId")
        index = try f.requireInt64("index")
        count = try f.requireInt32("count")
        consumerGroup = f.string("consumerGroup")
    }

    public func encode(into f: inout [String: String]) {
        f["topic"] = topic
        f["queueId"] = String(queueId)
        f["index"] = String(index)
        f["count"] = String(count)
        f["consumerGroup"] = consumerGroup
    }
}

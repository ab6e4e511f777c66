/// QUERY_CONSUMER_OFFSET (14).
public struct QueryConsumerOffsetRequestHeader: CommandHeader, Equatable {
    public var consumerGroup: String
    public var topic: String
    public var queueId: Int32
    public var setZeroIfNotFound: Bool?

    public init(consumerGroup: String, topic: String, queueId: Int32) {
        self.consumerGroup = consumerGroup
        self.topic = topic
        self.queueId = queueId
    }

    public init(fields f: HeaderFields) throws {
        consumerGroup = try f.require("consumerGroup")
        topic = try f.require("topic")
        queueId = try f.requireInt32("queueId")
        setZeroIfNotFound = f.bool("setZeroIfNotFound")
    }

    public func encode(into f: inout [String: String]) {
        f["consumerGroup"] = consumerGroup
        f["topic"] = topic
        f.put("queueId", queueId)
        f.put("setZeroIfNotFound", setZeroIfNotFound)
    }
}

/// UPDATE_CONSUMER_OFFSET (15).
public struct UpdateConsumerOffsetRequestHeader: CommandHeader, Equatable {
    public var consumerGroup: String
    public var topic: String
    public var queueId: Int32
    public var commitOffset: Int64

    public init(consumerGroup: String, topic: String, queueId: Int32, commitOffset: Int64) {
        self.consumerGroup = consumerGroup
        self.topic = topic
        self.queueId = queueId
        self.commitOffset = commitOffset
    }

    public init(fields f: HeaderFields) throws {
        consumerGroup = try f.require("consumerGroup")
        topic = try f.require("topic")
        queueId = try f.requireInt32("queueId")
        commitOffset = try f.requireInt64("commitOffset")
    }

    public func encode(into f: inout [String: String]) {
        f["consumerGroup"] = consumerGroup
        f["topic"] = topic
        f.put("queueId", queueId)
        f.put("commitOffset", commitOffset)
    }
}

/// A topic + queue header: GET_MAX_OFFSET (30), GET_MIN_OFFSET (31), GET_EARLIEST_MSG_STORETIME (32).
public struct TopicQueueHeader: CommandHeader, Equatable {
    public var topic: String
    public var queueId: Int32

    public init(topic: String, queueId: Int32) {
        self.topic = topic
        self.queueId = queueId
    }

    public init(fields f: HeaderFields) throws {
        topic = try f.require("topic")
        queueId = try f.requireInt32("queueId")
    }

    public func encode(into f: inout [String: String]) {
        f["topic"] = topic
        f.put("queueId", queueId)
    }
}

/// SEARCH_OFFSET_BY_TIMESTAMP (29).
public struct SearchOffsetRequestHeader: CommandHeader, Equatable {
    public var topic: String
    public var queueId: Int32
    public var timestamp: Int64
    /// `"upper"` or `"lower"` (default).
    public var boundaryType: String?

    public init(topic: String, queueId: Int32, timestamp: Int64, boundaryType: String? = nil) {
        self.topic = topic
        self.queueId = queueId
        self.timestamp = timestamp
        self.boundaryType = boundaryType
    }

    public init(fields f: HeaderFields) throws {
        topic = try f.require("topic")
        queueId = try f.requireInt32("queueId")
        timestamp = try f.requireInt64("timestamp")
        boundaryType = f.string("boundaryType")
    }

    public func encode(into f: inout [String: String]) {
        f["topic"] = topic
        f.put("queueId", queueId)
        f.put("timestamp", timestamp)
        f.put("boundaryType", boundaryType)
    }
}

/// A response whose only field is `offset` (QUERY_CONSUMER_OFFSET, GET_MAX/MIN_OFFSET, SEARCH_OFFSET...).
public struct OffsetResponseHeader: CommandHeader, Equatable {
    public var offset: Int64

    public init(offset: Int64) {
        self.offset = offset
    }

    public init(fields f: HeaderFields) throws {
        offset = try f.requireInt64("offset")
    }

    public func encode(into f: inout [String: String]) {
        f.put("offset", offset)
    }
}

/// GET_EARLIEST_MSG_STORETIME response.
public struct TimestampResponseHeader: CommandHeader, Equatable {
    public var timestamp: Int64

    public init(timestamp: Int64) {
        self.timestamp = timestamp
    }

    public init(fields f: HeaderFields) throws {
        timestamp = try f.requireInt64("timestamp")
    }

    public func encode(into f: inout [String: String]) {
        f.put("timestamp", timestamp)
    }
}

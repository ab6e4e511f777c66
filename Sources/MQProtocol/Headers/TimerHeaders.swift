/// RECALL_MESSAGE (370) request (Apache's `RecallMessageRequestHeader`, a TopicRequestHeader: the Java
/// client also sends the handle's broker as `bname`).
public struct RecallMessageRequestHeader: CommandHeader, Equatable {
    public var producerGroup: String?
    public var topic: String
    public var recallHandle: String
    public var brokerName: String?

    public init(producerGroup: String?, topic: String, recallHandle: String, brokerName: String? = nil) {
        self.producerGroup = producerGroup
        self.topic = topic
        self.recallHandle = recallHandle
        self.brokerName = brokerName
    }

    public init(fields f: HeaderFields) throws {
        producerGroup = f.string("producerGroup")
        topic = try f.require("topic")
        recallHandle = try f.require("recallHandle")
        brokerName = f.string("bname")
    }

    public func encode(into f: inout [String: String]) {
        f.put("producerGroup", producerGroup)
        f["topic"] = topic
        f["recallHandle"] = recallHandle
        f.put("bname", brokerName)
    }
}

/// RECALL_MESSAGE (370) answer: the recalled message's UNIQ_KEY.
public struct RecallMessageResponseHeader: CommandHeader, Equatable {
    public var msgId: String

    public init(msgId: String) { self.msgId = msgId }

    public init(fields f: HeaderFields) throws {
        msgId = try f.require("msgId")
    }

    public func encode(into f: inout [String: String]) {
        f["msgId"] = msgId
    }
}

/// MQADMIN_TIMER_LIST (29001, an mqadmin extension): which timer messages fire next, optionally of one topic
/// and within a window from now.
public struct TimerListRequestHeader: CommandHeader, Equatable {
    public var topic: String?
    /// Only what fires within this many milliseconds from now; nil: everything pending.
    public var withinMillis: Int64?

    public init(topic: String? = nil, withinMillis: Int64? = nil) {
        self.topic = topic
        self.withinMillis = withinMillis
    }

    public init(fields f: HeaderFields) throws {
        topic = f.string("topic").flatMap { $0.isEmpty ? nil : $0 }
        withinMillis = try f.int64("withinMillis")
    }

    public func encode(into f: inout [String: String]) {
        f.put("topic", topic)
        f.put("withinMillis", withinMillis)
    }
}

/// MQADMIN_TIMER_LIST answer body: pending timer messages counted per real topic and per minute of their
/// firing time, earliest first.
public struct TimerListBody: Codable, Sendable, Equatable {
    /// One topic's messages firing within one minute.
    public struct Bucket: Codable, Sendable, Equatable {
        public var topic: String
        /// Start of the minute (epoch ms).
        public var minute: Int64
        /// Timer messages of the topic firing in that minute, recalled ones included.
        public var messages: Int64
        /// Of those, how many a recall cancelled (they will not be delivered).
        public var recalled: Int64

        public init(topic: String, minute: Int64, messages: Int64, recalled: Int64) {
            self.topic = topic
            self.minute = minute
            self.messages = messages
            self.recalled = recalled
        }
    }

    /// The broker's clock when it answered (epoch ms).
    public var now: Int64
    /// Its timer precision: a message fires at the first multiple of this at or after its deliver time.
    public var precisionMillis: Int64
    /// Timer messages pending on the broker that will be delivered (not only those listed; recalled ones left
    /// out): Apache's timerCongestNum.
    public var pendingTotal: Int64
    /// Timer messages stored but not yet indexed (Apache's timerOffsetBehind).
    public var notIndexed: Int64
    public var buckets: [Bucket]
    /// More buckets matched than the broker sends (it sends the earliest).
    public var truncated: Bool

    public init(
        now: Int64, precisionMillis: Int64, pendingTotal: Int64, notIndexed: Int64, buckets: [Bucket],
        truncated: Bool
    ) {
        self.now = now
        self.precisionMillis = precisionMillis
        self.pendingTotal = pendingTotal
        self.notIndexed = notIndexed
        self.buckets = buckets
        self.truncated = truncated
    }
}

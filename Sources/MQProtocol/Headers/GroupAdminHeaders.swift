/// INVOKE_BROKER_TO_RESET_OFFSET (222), wire.md §3.3 and §4.13.
///
/// `queueId` −1 (or absent) means every read queue of the topic; an explicit `offset` only counts
/// with a queue id. `timestamp` −1 means "the queue's max offset".
public struct ResetOffsetRequestHeader: CommandHeader, Equatable {
    public var group: String
    public var topic: String
    public var queueId: Int32 = -1
    public var offset: Int64?
    public var timestamp: Int64
    public var isForce = true

    public init(group: String, topic: String, timestamp: Int64, queueId: Int32 = -1, offset: Int64? = nil) {
        self.group = group
        self.topic = topic
        self.timestamp = timestamp
        self.queueId = queueId
        self.offset = offset
    }

    public init(fields f: HeaderFields) throws {
        group = try f.require("group")
        topic = try f.require("topic")
        queueId = try f.int32("queueId") ?? -1
        offset = try f.int64("offset")
        timestamp = try f.int64("timestamp") ?? -1
        // Java's field is `isForce`; its header key is literally "isForce".
        isForce = f.bool("isForce") ?? true
    }

    public func encode(into f: inout [String: String]) {
        f["group"] = group
        f["topic"] = topic
        f.put("queueId", queueId)
        f.put("offset", offset)
        f.put("timestamp", timestamp)
        f.put("isForce", isForce)
    }
}

/// CLONE_GROUP_OFFSET (314): copy `srcGroup`'s committed offsets of `topic` (all its topics when
/// absent) to `destGroup`. `offline` skips Apache's check that an online source group still subscribes.
public struct CloneGroupOffsetRequestHeader: CommandHeader, Equatable {
    public var srcGroup: String
    public var destGroup: String
    public var topic: String?
    public var offline = false

    public init(srcGroup: String, destGroup: String, topic: String?, offline: Bool = false) {
        self.srcGroup = srcGroup
        self.destGroup = destGroup
        self.topic = topic
        self.offline = offline
    }

    public init(fields f: HeaderFields) throws {
        srcGroup = try f.require("srcGroup")
        destGroup = try f.require("destGroup")
        topic = f.string("topic").flatMap { $0.isEmpty ? nil : $0 }
        offline = f.bool("offline") ?? false
    }

    public func encode(into f: inout [String: String]) {
        f["srcGroup"] = srcGroup
        f["destGroup"] = destGroup
        f.put("topic", topic)
        f.put("offline", offline)
    }
}


/// GET_BROKER_CONSUME_STATS (317) body: `consumeStatsList` is a list of one-entry maps
/// `{group: [ConsumeStats per topic]}` (Apache's shape, wire.md §3.3).
public struct ConsumeStatsList: Codable, Sendable {
    public var brokerAddr: String
    public var consumeStatsList: [[String: [ConsumeStats]]]
    public var totalDiff: Int64
    public var totalInflightDiff: Int64
    /// Extension: online consumer clients per group on this broker (groups with none are absent).
    /// nil from Apache brokers.
    public var onlineConsumers: [String: Int32]?

    public init(
        brokerAddr: String, consumeStatsList: [[String: [ConsumeStats]]] = [], totalDiff: Int64 = 0,
        totalInflightDiff: Int64 = 0, onlineConsumers: [String: Int32]? = nil
    ) {
        self.brokerAddr = brokerAddr
        self.consumeStatsList = consumeStatsList
        self.totalDiff = totalDiff
        self.totalInflightDiff = totalInflightDiff
        self.onlineConsumers = onlineConsumers
    }

    enum CodingKeys: String, CodingKey {
        case brokerAddr, consumeStatsList, totalDiff, totalInflightDiff, onlineConsumers
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        brokerAddr = try c.decodeIfPresent(String.self, forKey: .brokerAddr) ?? ""
        consumeStatsList =
            try c.decodeIfPresent([[String: [ConsumeStats]]].self, forKey: .consumeStatsList) ?? []
        totalDiff = try c.decodeIfPresent(Int64.self, forKey: .totalDiff) ?? 0
        totalInflightDiff = try c.decodeIfPresent(Int64.self, forKey: .totalInflightDiff) ?? 0
        onlineConsumers = try c.decodeIfPresent([String: Int32].self, forKey: .onlineConsumers)
    }
}

/// One queue of a QUERY_CONSUME_TIME_SPAN answer (wire.md §4.14).
public struct QueueTimeSpan: Codable, Sendable, Hashable {
    public var messageQueue: MessageQueue
    /// Store time of the queue's oldest stored message.
    public var minTimeStamp: Int64
    /// Store time of the queue's newest message.
    public var maxTimeStamp: Int64
    /// Store time of the last consumed message (the oldest stored one if none).
    public var consumeTimeStamp: Int64
    /// Now minus the store time of the oldest unconsumed message; 0 when caught up.
    public var delayTime: Int64

    public init(
        messageQueue: MessageQueue, minTimeStamp: Int64, maxTimeStamp: Int64, consumeTimeStamp: Int64, delayTime: Int64
    ) {
        self.messageQueue = messageQueue
        self.minTimeStamp = minTimeStamp
        self.maxTimeStamp = maxTimeStamp
        self.consumeTimeStamp = consumeTimeStamp
        self.delayTime = delayTime
    }

    enum CodingKeys: String, CodingKey { case messageQueue, minTimeStamp, maxTimeStamp, consumeTimeStamp, delayTime }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        messageQueue = try c.decode(MessageQueue.self, forKey: .messageQueue)
        minTimeStamp = try c.decodeIfPresent(Int64.self, forKey: .minTimeStamp) ?? 0
        maxTimeStamp = try c.decodeIfPresent(Int64.self, forKey: .maxTimeStamp) ?? 0
        consumeTimeStamp = try c.decodeIfPresent(Int64.self, forKey: .consumeTimeStamp) ?? 0
        delayTime = try c.decodeIfPresent(Int64.self, forKey: .delayTime) ?? 0
    }
}

/// QUERY_CONSUME_TIME_SPAN (303) body.
public struct QueryConsumeTimeSpanBody: Codable, Sendable {
    public var consumeTimeSpanSet: [QueueTimeSpan]

    public init(consumeTimeSpanSet: [QueueTimeSpan]) {
        self.consumeTimeSpanSet = consumeTimeSpanSet
    }

    enum CodingKeys: String, CodingKey { case consumeTimeSpanSet }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        consumeTimeSpanSet = try c.decodeIfPresent([QueueTimeSpan].self, forKey: .consumeTimeSpanSet) ?? []
    }
}

// MARK: - Fast paths

/// A broker's ConsumeStatsList has an entry per group, topic and queue (tens of thousands on a big
/// broker), so it is written and read without building Codable trees. The bytes are the same as
/// `FastJSONEncoder` writes (sorted keys, fastjson's object keys), and the reader accepts what the
/// Codable decoder accepts.
extension ConsumeStatsList {
    /// The body as fastjson would write it.
    public func fastJSONBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + consumeStatsList.count * 400)
        out += Array(#"{"brokerAddr":"#.utf8)
        JSONWriter.writeString(brokerAddr, into: &out)
        out += Array(#","consumeStatsList":["#.utf8)
        for (i, entry) in consumeStatsList.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            for (j, (group, list)) in entry.sorted(by: { $0.key < $1.key }).enumerated() {
                if j > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(group, into: &out)
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: "["))
                for (k, stats) in list.enumerated() {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    stats.writeFastJSON(into: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        if let onlineConsumers {
            out += Array(#","onlineConsumers":{"#.utf8)
            for (i, (group, n)) in onlineConsumers.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(group, into: &out)
                out.append(UInt8(ascii: ":"))
                out += Array(String(n).utf8)
            }
            out.append(UInt8(ascii: "}"))
        }
        out += Array(#","totalDiff":\#(totalDiff),"totalInflightDiff":\#(totalInflightDiff)}"#.utf8)
        return out
    }

    /// Reads a body (fastjson or standard JSON) without Codable.
    public static func parse(_ value: JSONValue) throws(ProtocolError) -> ConsumeStatsList {
        guard case .object = value else { throw .malformedBody("ConsumeStatsList: expected an object") }
        var list = ConsumeStatsList(
            brokerAddr: value["brokerAddr"]?.stringValue ?? "", totalDiff: value["totalDiff"]?.int64Value ?? 0,
            totalInflightDiff: value["totalInflightDiff"]?.int64Value ?? 0)
        for entry in value["consumeStatsList"]?.arrayValue ?? [] {
            var map: [String: [ConsumeStats]] = [:]
            for member in entry.objectValue ?? [] {
                guard let group = member.key.keyText else { continue }
                map[group] = try (member.value.arrayValue ?? []).map { v throws(ProtocolError) in
                    try ConsumeStats.parse(v)
                }
            }
            list.consumeStatsList.append(map)
        }
        if let online = value["onlineConsumers"]?.objectValue {
            var counts: [String: Int32] = [:]
            for m in online {
                if let g = m.key.keyText, let n = m.value.int64Value { counts[g] = Int32(clamping: n) }
            }
            list.onlineConsumers = counts
        }
        return list
    }
}

extension ConsumeStats {
    func writeFastJSON(into out: inout [UInt8]) {
        out += Array(#"{"consumeTps":"#.utf8)
        JSONWriter.write(.double(consumeTps), style: .fastjson, into: &out)
        out += Array(#","offsetTable":{"#.utf8)
        for (i, (mq, w)) in offsetTable.entries.sorted(by: { $0.queue < $1.queue }).enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += Array(#"{"brokerName":"#.utf8)
            JSONWriter.writeString(mq.brokerName, into: &out)
            out += Array(#","queueId":\#(mq.queueId),"topic":"#.utf8)
            JSONWriter.writeString(mq.topic, into: &out)
            var text = #"}:{"brokerOffset":\#(w.brokerOffset),"consumerOffset":\#(w.consumerOffset)"#
            text += #","lastTimestamp":\#(w.lastTimestamp)"#
            if let v = w.minOffset { text += #","minOffset":\#(v)"# }
            if let v = w.neverCommitted { text += #","neverCommitted":\#(v)"# }
            if let v = w.nextTimestamp { text += #","nextTimestamp":\#(v)"# }
            text += #","pullOffset":\#(w.pullOffset)}"#
            out += Array(text.utf8)
        }
        out += Array("}}".utf8)
    }

    static func parse(_ value: JSONValue) throws(ProtocolError) -> ConsumeStats {
        var stats = ConsumeStats(consumeTps: value["consumeTps"]?.stringValue.flatMap(Double.init) ?? 0)
        for member in value["offsetTable"]?.objectValue ?? [] {
            var key = member.key
            if case .string(let text) = key {
                do {
                    key = try JSONReader.parse(text)
                } catch {
                    throw .malformedBody("ConsumeStatsList: bad queue key \(text)")
                }
            }
            guard let topic = key["topic"]?.stringValue, let broker = key["brokerName"]?.stringValue,
                let queueId = key["queueId"]?.int64Value
            else { throw .malformedBody("ConsumeStatsList: a queue key lacks topic, brokerName or queueId") }
            let v = member.value
            let wrapper = OffsetWrapper(
                brokerOffset: v["brokerOffset"]?.int64Value ?? 0, consumerOffset: v["consumerOffset"]?.int64Value ?? 0,
                pullOffset: v["pullOffset"]?.int64Value ?? 0, lastTimestamp: v["lastTimestamp"]?.int64Value ?? 0,
                minOffset: v["minOffset"]?.int64Value, nextTimestamp: v["nextTimestamp"]?.int64Value,
                neverCommitted: v["neverCommitted"]?.boolValue)
            stats.offsetTable.entries.append(
                (MessageQueue(topic: topic, brokerName: broker, queueId: Int32(clamping: queueId)), wrapper))
        }
        return stats
    }
}

/// One consume-queue entry in a QUERY_CONSUME_QUEUE answer (Apache's ConsumeQueueData).
public struct ConsumeQueueData: Codable, Sendable, Hashable {
    public var physicOffset: Int64
    public var physicSize: Int32
    public var tagsCode: Int64
    public var extendDataJson: String?
    public var bitMap: String?
    /// Whether the group's filter matched it (false when no group or no expression filter was given).
    public var eval: Bool
    public var msg: String?

    public init(physicOffset: Int64, physicSize: Int32, tagsCode: Int64, eval: Bool = false) {
        self.physicOffset = physicOffset
        self.physicSize = physicSize
        self.tagsCode = tagsCode
        self.eval = eval
    }
}

/// The answer to QUERY_CONSUME_QUEUE (Apache's QueryConsumeQueueResponseBody).
public struct QueryConsumeQueueResponseBody: Codable, Sendable {
    public var subscriptionData: SubscriptionData?
    public var filterData: String?
    public var queueData: [ConsumeQueueData]
    public var maxQueueIndex: Int64
    public var minQueueIndex: Int64

    public init(
        subscriptionData: SubscriptionData? = nil, filterData: String? = nil, queueData: [ConsumeQueueData],
        maxQueueIndex: Int64, minQueueIndex: Int64
    ) {
        self.subscriptionData = subscriptionData
        self.filterData = filterData
        self.queueData = queueData
        self.maxQueueIndex = maxQueueIndex
        self.minQueueIndex = minQueueIndex
    }
}

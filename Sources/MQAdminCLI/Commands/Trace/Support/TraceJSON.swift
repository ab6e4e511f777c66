import MQClient
import MQProtocol

/// The JSON shape of `trace show` and `queryMsgTraceById` (docs/json/trace.md).
struct TraceShowJSON: Encodable {
    struct Query: Encodable {
        var msgId: OrNull<String>
        var topic: OrNull<String>
        var key: OrNull<String>
    }
    var traceTopic: String
    var query: Query
    var traces: [TraceJSON]

    init(_ r: TraceReport) {
        traceTopic = r.traceTopic
        query = Query(msgId: OrNull(r.msgId), topic: OrNull(r.topic), key: OrNull(r.key))
        traces = r.traces.map(TraceJSON.init)
    }
}

/// One message's trace.
struct TraceJSON: Encodable {
    struct Produced: Encodable {
        var group: String
        var clientHost: String
        var storeHost: String
        var timestamp: Int64
        var time: String
        var costMs: Int
        var success: Bool
        var status: String
        var regionId: String
        var msgType: String
        var bodyLength: Int
        var offsetMsgId: OrNull<String>
        var traceMessageId: String
    }
    struct Stored: Codable {
        var broker: OrNull<String>
        var storeHost: String
        var timestamp: Int64
        var time: String
        var estimated: Bool
        var queueId: OrNull<Int32>
        var queueOffset: OrNull<Int64>
    }
    struct Attempt: Encodable {
        var requestId: String
        var clientHost: String
        var retryTimes: OrNull<Int>
        var start: OrNull<Int64>
        var startTime: OrNull<String>
        var end: OrNull<Int64>
        var endTime: OrNull<String>
        var costMs: OrNull<Int>
        var success: OrNull<Bool>
        var status: String
        var returnType: OrNull<String>
    }
    struct Consumer: Encodable {
        var group: String
        var attempts: [Attempt]
    }
    struct Hop: Encodable {
        var step: String
        var who: String
        var host: OrNull<String>
        var start: Int64
        var startTime: String
        var durationMs: OrNull<Int64>
        var status: OrNull<String>
        var retryTimes: OrNull<Int>
        var slowest: Bool
    }
    struct Unreadable: Encodable {
        var traceMessageId: String
        var index: Int
        var reason: String
        var text: String
    }

    var msgId: String
    var topic: OrNull<String>
    var tags: OrNull<String>
    var keys: [String]
    var produced: [Produced]
    var stored: OrNull<Stored>
    var storedReason: OrNull<String>
    var consumers: [Consumer]
    var hops: [Hop]
    var endToEndMs: OrNull<Int64>
    var records: [TraceRecordJSON]
    var unreadable: [Unreadable]

    init(_ t: MessageTrace) {
        msgId = t.msgId
        topic = OrNull(t.topic)
        tags = OrNull(t.tags)
        keys = t.keys
        produced = t.produced.map { p in
            Produced(
                group: p.pub.group, clientHost: p.source.bornHost.hostString, storeHost: p.pub.storeHost,
                timestamp: p.pub.timestamp, time: TimeFormat.iso(p.pub.timestamp), costMs: p.pub.costTime,
                success: p.pub.success, status: p.pub.success ? "success" : "failed", regionId: p.pub.regionId,
                msgType: TraceMessageType(rawValue: p.pub.msgType)?.javaName ?? String(p.pub.msgType),
                bodyLength: p.pub.bodyLength, offsetMsgId: OrNull(p.pub.offsetMsgId),
                traceMessageId: p.source.offsetMsgId)
        }
        stored = OrNull(
            t.stored.map { s in
                Stored(
                    broker: OrNull(s.broker), storeHost: s.storeHost, timestamp: s.storeTimestamp,
                    time: TimeFormat.iso(s.storeTimestamp), estimated: s.estimated, queueId: OrNull(s.queueId),
                    queueOffset: OrNull(s.queueOffset))
            })
        storedReason = OrNull(t.storedReason)
        consumers = t.consumers.map { c in
            Consumer(group: c.group, attempts: c.attempts.map(Self.attempt))
        }
        hops = t.hops.enumerated().map { i, h in
            Hop(
                step: h.kind.rawValue, who: h.who, host: OrNull(h.host), start: h.start,
                startTime: TimeFormat.iso(h.start), durationMs: OrNull(h.duration),
                status: OrNull(TraceTimeline.status(h)), retryTimes: OrNull(h.retryTimes), slowest: i == t.slowestHop)
        }
        endToEndMs = OrNull(t.endToEnd)
        records = t.records.map(TraceRecordJSON.init)
        unreadable = t.unreadable.map {
            Unreadable(
                traceMessageId: $0.source.offsetMsgId, index: $0.unreadable.index, reason: $0.unreadable.reason,
                text: $0.unreadable.text)
        }
    }

    static func attempt(_ a: MessageTrace.ConsumeAttempt) -> Attempt {
        let status = a.success.map { $0 ? "success" : "failed" } ?? "no end"
        return Attempt(
            requestId: a.requestId, clientHost: a.source.bornHost.hostString, retryTimes: OrNull(a.retryTimes),
            start: OrNull(a.start), startTime: OrNull(a.start.map(TimeFormat.iso)), end: OrNull(a.end),
            endTime: OrNull(a.end.map(TimeFormat.iso)), costMs: OrNull(a.costTime), success: OrNull(a.success),
            status: status, returnType: OrNull(a.returnType?.javaName))
    }
}

/// Every field of one trace record as written, named as in Java's TraceContext/TraceBean, plus the
/// trace message it came from. Only the fields of the record's type are present.
struct TraceRecordJSON: Encodable {
    let found: FoundTraceRecord

    init(_ found: FoundTraceRecord) { self.found = found }

    enum Key: String, CodingKey {
        case type, timestamp, regionId, group, topic, msgId, tags, keys, storeHost, bodyLength, costTime, msgType
        case offsetMsgId, success, clientHost, requestId, retryTimes, contextCode, transactionId, transactionState
        case fromTransactionCheck, traceMessageId, traceBornHost
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(found.record.type.rawValue, forKey: .type)
        try c.encode(found.source.offsetMsgId, forKey: .traceMessageId)
        try c.encode(found.source.bornHost.description, forKey: .traceBornHost)
        try c.encode(found.record.msgId, forKey: .msgId)
        try c.encode(OrNull(found.record.timestamp), forKey: .timestamp)
        switch found.record {
        case .pub(let r):
            try c.encode(r.regionId, forKey: .regionId)
            try c.encode(r.group, forKey: .group)
            try c.encode(r.topic, forKey: .topic)
            try c.encode(OrNull(r.tags), forKey: .tags)
            try c.encode(OrNull(r.keys), forKey: .keys)
            try c.encode(r.storeHost, forKey: .storeHost)
            try c.encode(r.bodyLength, forKey: .bodyLength)
            try c.encode(r.costTime, forKey: .costTime)
            try c.encode(r.msgType, forKey: .msgType)
            try c.encode(OrNull(r.offsetMsgId), forKey: .offsetMsgId)
            try c.encode(r.success, forKey: .success)
            try c.encode(OrNull(r.clientHost), forKey: .clientHost)
        case .subBefore(let r):
            try c.encode(r.regionId, forKey: .regionId)
            try c.encode(r.group, forKey: .group)
            try c.encode(r.requestId, forKey: .requestId)
            try c.encode(r.retryTimes, forKey: .retryTimes)
            try c.encode(OrNull(r.keys), forKey: .keys)
        case .subAfter(let r):
            try c.encode(r.requestId, forKey: .requestId)
            try c.encode(r.costTime, forKey: .costTime)
            try c.encode(r.success, forKey: .success)
            try c.encode(OrNull(r.keys), forKey: .keys)
            try c.encode(OrNull(r.contextCode), forKey: .contextCode)
            try c.encode(OrNull(r.group), forKey: .group)
        case .endTransaction(let r):
            try c.encode(r.regionId, forKey: .regionId)
            try c.encode(r.group, forKey: .group)
            try c.encode(r.topic, forKey: .topic)
            try c.encode(OrNull(r.tags), forKey: .tags)
            try c.encode(OrNull(r.keys), forKey: .keys)
            try c.encode(r.storeHost, forKey: .storeHost)
            try c.encode(r.msgType, forKey: .msgType)
            try c.encode(r.transactionId, forKey: .transactionId)
            try c.encode(r.transactionState, forKey: .transactionState)
            try c.encode(r.fromTransactionCheck, forKey: .fromTransactionCheck)
        case .recall(let r):
            try c.encode(r.regionId, forKey: .regionId)
            try c.encode(r.group, forKey: .group)
            try c.encode(r.topic, forKey: .topic)
            try c.encode(r.success, forKey: .success)
        }
    }
}

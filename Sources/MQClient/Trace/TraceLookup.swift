import MQProtocol
import NIOCore

/// The trace message a record was read from.
public struct TraceSource: Sendable, Hashable {
    /// The trace message's offset message id.
    public var offsetMsgId: String
    /// Where the trace message came from: the client that wrote the record (Java's TraceView
    /// `clientHost` is this host's IP).
    public var bornHost: HostAddress
    public var storeTimestamp: Int64
    public var storeHost: HostAddress

    public init(offsetMsgId: String, bornHost: HostAddress, storeTimestamp: Int64, storeHost: HostAddress) {
        self.offsetMsgId = offsetMsgId
        self.bornHost = bornHost
        self.storeTimestamp = storeTimestamp
        self.storeHost = storeHost
    }

    init(_ m: MessageExt) {
        self.init(
            offsetMsgId: m.offsetMsgId, bornHost: m.bornHost, storeTimestamp: m.storeTimestamp, storeHost: m.storeHost)
    }
}

/// A record about the looked-up message, with where it was found.
public struct FoundTraceRecord: Sendable, Equatable {
    public var record: TraceRecord
    public var source: TraceSource
}

/// A record of a trace message about the looked-up message that could not be read.
public struct FoundUnreadableTrace: Sendable, Equatable {
    public var unreadable: UnreadableTraceRecord
    public var source: TraceSource
}

/// Every trace record of one message on a trace topic.
public struct TraceLookupResult: Sendable {
    public var msgId: String
    public var traceTopic: String
    /// Trace messages indexed under the message id.
    public var traceMessages = 0
    /// Records whose msgId is the looked-up id, oldest trace message first, in body order.
    public var records: [FoundTraceRecord] = []
    /// Every unreadable record of those trace messages (it cannot be told whose they were).
    public var unreadable: [FoundUnreadableTrace] = []
    /// Brokers of the trace topic that did not answer.
    public var failures: [BacklogFailure] = []
}

extension MQClientInstance {
    /// Finds `msgId`'s trace as Apache's `queryMsgTraceById` does: a key query for the id on the trace
    /// topic (every broker of its route), keeping trace messages whose KEYS contain it, then the
    /// records of their bodies whose msgId is `msgId`. Compressed bodies are inflated. An unknown
    /// trace topic throws ``ClientError/topicNotFound(_:)``.
    public func traceRecords(
        msgId: String, traceTopic: String = SystemTopics.trace, begin: Int64 = 0, end: Int64 = .max,
        maxNum: Int32 = 64
    ) async throws -> TraceLookupResult {
        let found = try await lookupMessages(topic: traceTopic, key: msgId, begin: begin, end: end, maxNum: maxNum)
        var result = TraceLookupResult(msgId: msgId, traceTopic: traceTopic)
        result.failures = found.failures
        result.traceMessages = found.messages.count
        for message in found.messages {
            let source = TraceSource(message)
            let text: String
            do {
                text = try Self.traceText(message)
            } catch {
                let why = "the trace message's compressed body cannot be inflated: \(error)"
                let record = UnreadableTraceRecord(index: 0, text: "", reason: why)
                result.unreadable.append(FoundUnreadableTrace(unreadable: record, source: source))
                continue
            }
            let decoded = TraceDecoder.decode(text)
            for record in decoded.records where record.msgId == msgId {
                result.records.append(FoundTraceRecord(record: record, source: source))
            }
            result.unreadable += decoded.unreadable.map { FoundUnreadableTrace(unreadable: $0, source: source) }
        }
        return result
    }

    /// A trace message's body as text (UTF-8, inflated when stored compressed).
    static func traceText(_ message: MessageExt) throws -> String {
        var body = message.body
        if message.isCompressed {
            body = try BodyCompression.decompress(body, maxSize: 64 * 1024 * 1024)
        }
        return String(decoding: body.readableBytesView, as: UTF8.self)
    }
}

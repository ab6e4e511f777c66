import MQClient
import MQProtocol

/// What `trace show` and `queryMsgTraceById` found.
struct TraceReport {
    /// What was asked: a message id, or a topic and key.
    var msgId: String?
    var topic: String?
    var key: String?
    var traceTopic: String
    /// One per message asked about, each possibly without records.
    var traces: [MessageTrace]
    /// Brokers that did not answer, of the trace topic or of the message's topic.
    var failures: [BacklogFailure]

    /// Records found over all traces.
    var recordCount: Int { traces.reduce(0) { $0 + $1.records.count } }
    var unreadableCount: Int { traces.reduce(0) { $0 + $1.unreadable.count } }
}

/// The lookups behind `trace show` and `queryMsgTraceById`, and their "not found" errors.
enum TraceQuery {
    struct Window {
        var begin: Int64 = 0
        var end: Int64 = .max
        var maxNum: Int32 = 64
    }

    /// The trace of one message id (the client msgId, UNIQ_KEY). An offset message id of a registered
    /// broker is turned into the message's UNIQ_KEY first, since traces are keyed by that.
    static func byId(
        _ session: Session, msgId: String, topic: String?, traceTopic: String, window: Window
    ) async throws -> TraceReport {
        var trace = try await lookup(session, msgId: msgId, topic: topic, stored: nil, traceTopic, window)
        if trace.isEmpty, trace.unreadable.isEmpty, let stored = await offsetIdMessage(session, msgId),
            let unique = stored.properties.uniqueKey, unique != msgId
        {
            trace = try await lookup(session, msgId: unique, topic: topic, stored: stored, traceTopic, window)
        }
        let report = TraceReport(
            msgId: msgId, topic: topic, traceTopic: traceTopic, traces: [trace], failures: trace.failures)
        if trace.isEmpty && trace.unreadable.isEmpty {
            if !report.failures.isEmpty { try LookupFailures.finish(report.failures, what: "trace lookup") }
            throw CLIError(
                "no trace of message \(msgId) on trace topic \(traceTopic); was it sent or consumed with tracing "
                    + "on (--trace, or enableMsgTrace in Java clients)? Traces are keyed by the client msgId "
                    + "(UNIQ_KEY); --trace-topic names another trace topic",
                exit: .notFound)
        }
        return report
    }

    /// The traces of the messages of `topic` whose KEYS contain `key`.
    static func byKey(
        _ session: Session, topic: String, key: String, traceTopic: String, window: Window
    ) async throws -> TraceReport {
        let found = try await session.client.lookupMessages(
            topic: topic, key: key, begin: window.begin, end: window.end, maxNum: window.maxNum)
        var seen = Set<String>()
        var traces: [MessageTrace] = []
        var failures = found.failures
        for m in found.messages where seen.insert(m.msgId).inserted {
            let t = try await lookup(session, msgId: m.msgId, topic: topic, stored: m, traceTopic, window)
            failures += t.failures
            traces.append(t)
        }
        let report = TraceReport(
            topic: topic, key: key, traceTopic: traceTopic, traces: traces, failures: Array(Set(failures)))
        guard !traces.isEmpty else {
            if !failures.isEmpty { try LookupFailures.finish(failures, what: "query") }
            throw CLIError(
                "no message with key \"\(key)\" in topic \(topic); keys are matched whole (one of the "
                    + "space-separated KEYS), check the key and the time range", exit: .notFound)
        }
        if report.recordCount == 0 && report.unreadableCount == 0 {
            if !failures.isEmpty { try LookupFailures.finish(failures, what: "trace lookup") }
            throw CLIError(
                "\(traces.count) message(s) with key \"\(key)\" in topic \(topic) "
                    + "(\(seen.sorted().joined(separator: ", "))), none has a trace on trace topic \(traceTopic); "
                    + "were they sent with tracing on?",
                exit: .notFound)
        }
        return report
    }

    private static func lookup(
        _ session: Session, msgId: String, topic: String?, stored: MessageExt?, _ traceTopic: String,
        _ window: Window
    ) async throws -> MessageTrace {
        do {
            return try await session.client.messageTrace(
                msgId: msgId, traceTopic: traceTopic, topic: topic, stored: stored, begin: window.begin,
                end: window.end, maxNum: window.maxNum)
        } catch ClientError.topicNotFound(let t) where t == traceTopic {
            throw CLIError(
                "trace topic \(traceTopic) does not exist, so nothing was traced there; traces go to "
                    + "\(SystemTopics.trace) unless the clients name another topic (then pass --trace-topic)",
                exit: .notFound)
        }
    }

    /// The message an offset message id names, when its store host is a broker of this cluster (so no
    /// connection is tried to the made-up address a client msgId decodes to).
    private static func offsetIdMessage(_ session: Session, _ id: String) async -> MessageExt? {
        guard let decoded = try? MessageId.decode(id),
            await BrokerNames.load(session.client).name(decoded.storeHost) != nil
        else { return nil }
        return try? await session.client.storedMessage(offsetMsgId: id)
    }
}

/// Notes after a trace is printed: unreadable records and brokers that did not answer.
enum TraceFinish {
    /// Exits 3 when only unreadable records were found, 4/1 when brokers did not answer.
    static func finish(_ report: TraceReport) throws {
        if report.unreadableCount > 0 && report.recordCount > 0 {
            Emit.note(
                "mqadmin: \(report.unreadableCount) trace record(s) could not be read; they are listed with the "
                    + "output")
        }
        if report.recordCount == 0 {
            throw CLIError(
                "no readable trace record of \(report.msgId ?? "the messages"); \(report.unreadableCount) "
                    + "unreadable record(s) are listed above", exit: .notFound)
        }
        try LookupFailures.finish(report.failures, what: "trace lookup")
    }
}

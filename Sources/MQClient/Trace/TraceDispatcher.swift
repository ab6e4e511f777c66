import MQProtocol
import NIOConcurrencyHelpers
import NIOCore

/// What a ``TraceDispatcher`` did: trace messages and records sent, records it could not send or had
/// to drop, and traces it skipped on purpose (the broker has tracing off).
public struct TraceDispatchReport: Sendable, Equatable {
    /// Trace messages stored on the trace topic.
    public var messagesSent = 0
    /// Records in those messages.
    public var recordsSent = 0
    /// Records dropped because the queue was full (Java drops them too).
    public var recordsDropped = 0
    /// One line per trace message that could not be sent.
    public var failures: [String] = []
    /// Why a trace was not written although asked for (e.g. the broker's TRACE_ON is false).
    public var skipped: [String] = []

    public init() {}
}

/// Sends trace records to the trace topic the way Java's `AsyncTraceDispatcher` does: records of one
/// hook call form a context; contexts queue (at most 2048) and go out `batchNum` (10, at most 20) at
/// a time, grouped by the traced message's topic, concatenated into trace messages of up to about
/// 128,000 characters whose KEYS are every record's msgId and business keys. A flush also happens
/// every 5 s once ``startTimer()`` ran, and on ``shutdown()``.
///
/// Unlike Java, sends are awaited and failures are kept in the ``TraceDispatchReport``, so a command
/// can say that a trace was not written.
public actor TraceDispatcher {
    /// Java's `TraceConstants.GROUP_NAME_PREFIX`.
    public static let groupPrefix = "_INNER_TRACE_PRODUCER"
    /// The trace producer's `maxMessageSize`; a trace message is sent once its text reaches it.
    public static let maxMessageSize = 128_000
    /// Contexts waiting to be sent beyond this are dropped.
    public static let queueCapacity = 2048
    /// Java's `flushTraceInterval`.
    public static let flushInterval: Duration = .seconds(5)
    private static let counter = NIOLockedValueBox(0)

    /// Which kind of client the traces come from (the middle of the trace producer's group name).
    public enum Role: String, Sendable {
        case produce = "PRODUCE"
        case consume = "CONSUME"
    }

    public nonisolated let traceTopic: String
    public nonisolated let batchNum: Int
    /// The inner producer's group: `_INNER_TRACE_PRODUCER-<group>-<PRODUCE|CONSUME>-<n>`.
    public nonisolated let producerGroup: String
    private let producer: Producer
    private var pending: [(topic: String, records: [TraceRecord])] = []
    private var report = TraceDispatchReport()
    private var ticker: Task<Void, Never>?

    /// A dispatcher for the producer or consumer group `hostGroup`; a nil or blank `traceTopic` means
    /// RMQ_SYS_TRACE_TOPIC.
    public init(
        client: MQClientInstance, hostGroup: String, role: Role, traceTopic: String? = nil, batchNum: Int = 10
    ) {
        let topic = traceTopic.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
        self.traceTopic = topic ?? SystemTopics.trace
        self.batchNum = max(1, min(batchNum, 20))
        let n = Self.counter.withLockedValue { c -> Int in
            c += 1
            return c
        }
        producerGroup = "\(Self.groupPrefix)-\(hostGroup)-\(role.rawValue)-\(n)"
        producer = Producer(group: producerGroup, client: client)
    }

    /// Queues the records of one hook call about messages of `topic`; sends a batch when `batchNum`
    /// contexts are waiting.
    public func append(_ records: [TraceRecord], topic: String) async {
        guard !records.isEmpty else { return }
        guard pending.count < Self.queueCapacity else {
            report.recordsDropped += records.count
            return
        }
        pending.append((topic, records))
        while pending.count >= batchNum { await sendBatch() }
    }

    /// Notes a trace that was asked for but not written on purpose.
    public func skip(_ reason: String) {
        if !report.skipped.contains(reason) { report.skipped.append(reason) }
    }

    /// Flushes every 5 s in the background until ``shutdown()``.
    public func startTimer() {
        guard ticker == nil else { return }
        ticker = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.flushInterval)
                guard let self, !Task.isCancelled else { return }
                await self.flush()
            }
        }
    }

    /// Sends everything queued and returns the report so far.
    @discardableResult
    public func flush() async -> TraceDispatchReport {
        while !pending.isEmpty { await sendBatch() }
        return report
    }

    /// Stops the timer, flushes and returns the final report.
    public func shutdown() async -> TraceDispatchReport {
        ticker?.cancel()
        ticker = nil
        return await flush()
    }

    /// Takes up to `batchNum` contexts and sends them, one trace message per traced topic (more when
    /// the text passes ``maxMessageSize``).
    private func sendBatch() async {
        let batch = pending.prefix(batchNum)
        pending.removeFirst(batch.count)
        var topics: [String] = []
        var byTopic: [String: [[TraceRecord]]] = [:]
        for (topic, records) in batch {
            if byTopic[topic] == nil { topics.append(topic) }
            byTopic[topic, default: []].append(records)
        }
        for topic in topics {
            var text = ""
            var records: [TraceRecord] = []
            for context in byTopic[topic] ?? [] {
                text += TraceEncoder.encode(context)
                records += context
                if text.utf8.count >= Self.maxMessageSize {
                    await send(text, records)
                    text = ""
                    records = []
                }
            }
            if !records.isEmpty { await send(text, records) }
        }
    }

    private func send(_ text: String, _ records: [TraceRecord]) async {
        let message = Message(topic: traceTopic, body: ByteBuffer(string: text), keys: TraceEncoder.keys(of: records))
        do {
            _ = try await producer.send(message)
            report.messagesSent += 1
            report.recordsSent += records.count
        } catch {
            report.failures.append("\(records.count) trace record(s) not sent to \(traceTopic): \(error)")
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

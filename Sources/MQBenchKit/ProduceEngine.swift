import MQClient
import MQProtocol
import MQRemoting
import NIOCore

/// Properties that tie a message to a bench run (e2e matches on them; `bench consume` ignores them).
enum BenchProperty {
    static let run = "MQADMIN_BENCH_RUN"
    /// Monotonic nanoseconds just before the send call.
    static let sentAt = "MQADMIN_BENCH_SENT_NS"
    /// `<producer>-<sequence>`: unique within a run, to count duplicates.
    static let id = "MQADMIN_BENCH_ID"
    /// Present on warm-up messages.
    static let warmup = "MQADMIN_BENCH_WARMUP"
}

/// Runs the producers of a bench: one task per producer, paced to the target rate (or open loop), sending
/// warm-up messages first and then measured ones until the count or the duration is reached.
public struct ProduceEngine: Sendable {
    public let producer: Producer
    public let settings: ProduceSettings
    public let counters: BenchCounters
    public let stop: BenchStop
    /// Set by e2e: messages carry the run id, their id and their send time for the consumers.
    let runId: String?

    public init(
        producer: Producer, settings: ProduceSettings, counters: BenchCounters = BenchCounters(),
        stop: BenchStop = BenchStop()
    ) {
        self.init(producer: producer, settings: settings, counters: counters, stop: stop, runId: nil)
    }

    init(producer: Producer, settings: ProduceSettings, counters: BenchCounters, stop: BenchStop, runId: String?) {
        self.producer = producer
        self.settings = settings
        self.counters = counters
        self.stop = stop
        self.runId = runId
    }

    /// Runs to the end and returns the measured figures.
    public func run() async -> ProduceFigures {
        let start = monotonicNanos()
        let measureStart = start + Self.nanos(settings.warmup)
        let body = ByteBuffer(repeating: 0x61, count: settings.size)
        let tallies = await withTaskGroup(of: ProducerTally.self) { group in
            for p in 0..<settings.producers {
                group.addTask {
                    await ProducerLoop(engine: self, index: p, body: body, measureStart: measureStart).run()
                }
            }
            var all: [ProducerTally] = []
            for await t in group { all.append(t) }
            return all
        }
        var total = ProducerTally()
        for t in tallies { total.merge(t) }
        let elapsed = total.lastEnd > measureStart ? total.lastEnd - measureStart : 0
        return ProduceFigures(
            sent: total.ok + total.failed, ok: total.ok, failed: total.failed, errors: total.errors,
            firstError: total.firstError,
            throughput: Throughput(messages: total.ok, bytes: total.bytes, elapsed: .nanoseconds(Int64(elapsed))),
            latency: settings.mode == .oneway ? nil : total.latency.summary, warmupMessages: total.warm,
            deniedOnly: total.failed > 0 && total.deniedOnly)
    }

    /// This producer's share of `count`: the first `count % producers` take one more.
    func quota(_ index: Int) -> Int? {
        guard case .count(let n) = settings.limit else { return nil }
        return n / settings.producers + (index < n % settings.producers ? 1 : 0)
    }

    static func nanos(_ d: Duration) -> UInt64 {
        let c = d.components
        return UInt64(max(0, c.seconds)) * 1_000_000_000 + UInt64(max(0, c.attoseconds) / 1_000_000_000)
    }
}

/// What one producer saw.
struct ProducerTally: Sendable {
    var ok = 0
    var failed = 0
    var bytes = 0
    var warm = 0
    var errors: [String: Int] = [:]
    var firstError: String?
    var deniedOnly = true
    var latency = LatencyRecorder()
    /// When the last measured send completed (monotonic ns).
    var lastEnd: UInt64 = 0

    mutating func add(_ o: SendOutcome) {
        if o.warm {
            warm += o.count
            return
        }
        lastEnd = max(lastEnd, o.end)
        if let error = o.error {
            failed += o.count
            errors[error.kind, default: 0] += o.count
            if firstError == nil { firstError = error.text }
            if !error.denied { deniedOnly = false }
        } else {
            ok += o.count
            bytes += o.bytes
            if let nanos = o.latency { latency.record(nanos: nanos) }
        }
    }

    mutating func merge(_ t: ProducerTally) {
        ok += t.ok
        failed += t.failed
        bytes += t.bytes
        warm += t.warm
        errors.merge(t.errors, uniquingKeysWith: +)
        firstError = firstError ?? t.firstError
        deniedOnly = deniedOnly && (t.failed == 0 || t.deniedOnly)
        latency.merge(t.latency)
        lastEnd = max(lastEnd, t.lastEnd)
    }
}

/// The result of one send call (one message, or one batch).
struct SendOutcome: Sendable {
    var count: Int
    var bytes: Int
    var warm: Bool
    var latency: UInt64?
    var end: UInt64
    var error: BenchError?
}

/// A failed send, sorted into a kind for the summary.
struct BenchError: Sendable {
    var kind: String
    var text: String
    var denied: Bool

    init(_ error: any Error) {
        text = "\(error)"
        denied = false
        if let c = error as? ClientError {
            if let code = c.responseCode {
                kind = "\(code)"
                denied = code == .noPermission
            } else if c.isConnectivity {
                kind = "unreachable"
            } else {
                kind = Self.caseName(c)
            }
        } else {
            kind = Self.caseName(error)
        }
    }

    /// An enum error's case name (`timeout` of `RemotingError.timeout(...)`), else its type's name.
    static func caseName(_ error: any Error) -> String {
        if let label = Mirror(reflecting: error).children.first?.label { return label }
        let text = "\(error)"
        return text.contains(" ") ? "\(type(of: error))" : text
    }
}

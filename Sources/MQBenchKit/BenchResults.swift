import Histogram

/// Latency percentiles in milliseconds, from an HdrHistogram of microseconds (3 significant digits).
public struct LatencySummary: Sendable, Encodable, Equatable {
    public var count: UInt64
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var p999: Double
    public var max: Double
    public var mean: Double

    init(_ h: Histogram<UInt64>) {
        func ms(_ micros: UInt64) -> Double { Double(micros) / 1000 }
        count = h.totalCount
        p50 = ms(h.valueAtPercentile(50))
        p90 = ms(h.valueAtPercentile(90))
        p99 = ms(h.valueAtPercentile(99))
        p999 = ms(h.valueAtPercentile(99.9))
        max = ms(h.max)
        mean = (h.mean / 1000 * 1000).rounded() / 1000
    }
}

/// One histogram of microseconds; a task records into its own and the run merges them.
struct LatencyRecorder: Sendable {
    /// Up to an hour; longer values are clamped (a message an hour late is late enough to say so).
    static let highest: UInt64 = 3_600_000_000
    var histogram = Histogram<UInt64>(highestTrackableValue: highest, numberOfSignificantValueDigits: .three)

    mutating func record(nanos: UInt64) {
        record(micros: nanos / 1000)
    }

    mutating func record(micros: UInt64) {
        _ = histogram.record(Swift.min(Swift.max(micros, 1), Self.highest))
    }

    mutating func merge(_ other: LatencyRecorder) { histogram.add(other.histogram) }

    /// nil when nothing was recorded.
    var summary: LatencySummary? { histogram.totalCount == 0 ? nil : LatencySummary(histogram) }
}

/// Throughput of a measured phase.
public struct Throughput: Sendable, Encodable, Equatable {
    public var messages: Int
    public var bytes: Int
    public var elapsedSeconds: Double
    public var msgPerSec: Double
    public var mbPerSec: Double

    init(messages: Int, bytes: Int, elapsed: Duration) {
        let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        self.messages = messages
        self.bytes = bytes
        elapsedSeconds = (secs * 1000).rounded() / 1000
        msgPerSec = secs > 0 ? (Double(messages) / secs * 10).rounded() / 10 : 0
        mbPerSec = secs > 0 ? (Double(bytes) / 1_048_576 / secs * 1000).rounded() / 1000 : 0
    }
}

/// What the producers did in the measured phase.
public struct ProduceFigures: Sendable, Encodable {
    /// Messages attempted: ok + failed.
    public var sent: Int
    /// Sent and acknowledged (oneway: written).
    public var ok: Int
    public var failed: Int
    /// Failed messages by kind (a broker response code's name, "timeout", "unreachable", ...).
    public var errors: [String: Int]
    /// The first error's text, to name in the report.
    public var firstError: String?
    /// Throughput of acknowledged messages.
    public var throughput: Throughput
    /// Send latency (nil for oneway, which gets no answer, and when nothing succeeded).
    public var latency: LatencySummary?
    /// Messages sent during the warm-up, left out of every figure.
    public var warmupMessages: Int
    /// Whether every failure was the broker refusing the send for lack of permission.
    public var deniedOnly: Bool

    enum CodingKeys: String, CodingKey {
        case sent, ok, failed, errors, firstError, throughput, latency = "latencyMs", warmupMessages
    }

    /// Every key always present (nil as null), as the schema says.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sent, forKey: .sent)
        try c.encode(ok, forKey: .ok)
        try c.encode(failed, forKey: .failed)
        try c.encode(errors, forKey: .errors)
        try c.encode(firstError, forKey: .firstError)
        try c.encode(throughput, forKey: .throughput)
        try c.encode(latency, forKey: .latency)
        try c.encode(warmupMessages, forKey: .warmupMessages)
    }
}

/// What the consumers got in the measured phase.
public struct ConsumeFigures: Sendable, Encodable {
    public var received: Int
    public var throughput: Throughput
    /// Store time (the broker's clock) to receipt (this machine's clock), in ms resolution.
    public var deliveryLag: LatencySummary?
    public var warmupMessages: Int

    enum CodingKeys: String, CodingKey { case received, throughput, deliveryLag = "deliveryLagMs", warmupMessages }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(received, forKey: .received)
        try c.encode(throughput, forKey: .throughput)
        try c.encode(deliveryLag, forKey: .deliveryLag)
        try c.encode(warmupMessages, forKey: .warmupMessages)
    }
}

/// A `bench e2e` run: both halves and what matched up.
public struct EndToEndFigures: Sendable, Encodable {
    public var produce: ProduceFigures
    /// Measured messages received (each counted once).
    public var received: Int
    /// Received more than once.
    public var duplicates: Int
    /// Acknowledged but not received by the end of the drain wait.
    public var lost: Int
    /// Throughput of received messages.
    public var throughput: Throughput
    /// Send (before the call) to receipt (in the consumer's handler), same process, monotonic clock.
    public var endToEnd: LatencySummary?
    /// Whether the drain wait ended with everything acknowledged received.
    public var drained: Bool

    enum CodingKeys: String, CodingKey {
        case produce, received, duplicates, lost, throughput, endToEnd = "endToEndLatencyMs", drained
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(produce, forKey: .produce)
        try c.encode(received, forKey: .received)
        try c.encode(duplicates, forKey: .duplicates)
        try c.encode(lost, forKey: .lost)
        try c.encode(throughput, forKey: .throughput)
        try c.encode(endToEnd, forKey: .endToEnd)
        try c.encode(drained, forKey: .drained)
    }
}

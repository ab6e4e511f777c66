import Foundation
import MQBenchKit

/// The text summaries of the bench subcommands, via the table renderer.
enum BenchText {
    static func number(_ v: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", v) }

    /// FIGURE / VALUE rows.
    static func figures(_ rows: [(String, String)]) -> String {
        var t = TextTable("FIGURE", "VALUE")
        for (k, v) in rows { t.add(k, v) }
        return t.render(trimmingTrailingSpaces: true)
    }

    static func throughput(_ t: Throughput) -> [(String, String)] {
        [
            ("elapsed", number(t.elapsedSeconds) + " s"), ("messages/s", number(t.msgPerSec, 1)),
            ("MB/s", number(t.mbPerSec)), ("bytes", "\(t.bytes)"),
        ]
    }

    /// One row per measured latency, in milliseconds; "-" where nothing was measured.
    static func latencies(_ rows: [(String, LatencySummary?)]) -> String {
        var t = TextTable(
            [
                .init("LATENCY (ms)"), .init("COUNT", .right), .init("P50", .right), .init("P90", .right),
                .init("P99", .right), .init("P99.9", .right), .init("MAX", .right),
            ])
        for (name, l) in rows {
            guard let l else {
                t.add([name, "0", "-", "-", "-", "-", "-"])
                continue
            }
            t.add([name, "\(l.count)"] + [l.p50, l.p90, l.p99, l.p999, l.max].map { number($0) })
        }
        return t.render()
    }

    static func produce(_ f: ProduceFigures, mode: BenchSendMode) -> [(String, String)] {
        var rows = [
            ("sent", "\(f.sent)"), ("ok", "\(f.ok)"), ("failed", "\(f.failed)"),
        ]
        rows += f.errors.sorted { $0.key < $1.key }.map { ("  \($0.key)", "\($0.value)") }
        rows.append(("warm-up messages (excluded)", "\(f.warmupMessages)"))
        if mode == .oneway { rows.append(("latency", "not measured: oneway sends get no answer")) }
        return rows
    }

    static func resources(_ r: BenchResources) -> [(String, String)] {
        let fate = r.topicDeleted ? "created, deleted" : r.topicCreated ? "created, kept" : "existing, kept"
        var rows = [("topic", "\(r.topic) (\(fate))")]
        if let g = r.group {
            let fate = r.groupDeleted ? "created, deleted" : r.groupCreated ? "created" : "existing"
            rows.append(("group", "\(g) (\(fate))"))
        }
        return rows
    }
}

/// What the settings were, in the JSON reports.
struct BenchProduceSettingsView: Encodable, Sendable {
    var mode: String
    var size: Int
    var producers: Int
    var batch: Int
    var rate: Double
    var inflight: Int
    var keys: Bool
    @NullEncoded var count: Int?
    @NullEncoded var durationSeconds: Double?
    var warmupSeconds: Double

    init(_ s: ProduceSettings) {
        mode = s.mode.rawValue
        size = s.size
        producers = s.producers
        batch = s.batch
        rate = s.rate
        inflight = s.inflight
        keys = s.keys
        switch s.limit {
        case .count(let n): count = n
        case .duration(let d): durationSeconds = BenchSeconds.of(d)
        }
        warmupSeconds = BenchSeconds.of(s.warmup)
    }
}

enum BenchSeconds {
    static func of(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

/// `bench produce -o json`.
struct BenchProduceView: Encodable, Sendable {
    var resources: BenchResources
    var settings: BenchProduceSettingsView
    var figures: ProduceFigures
    var interrupted: Bool

    enum Key: String, CodingKey { case resources, settings, interrupted }

    /// The figures' keys at the top level, beside these.
    func encode(to encoder: any Encoder) throws {
        try figures.encode(to: encoder)
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(resources, forKey: .resources)
        try c.encode(settings, forKey: .settings)
        try c.encode(interrupted, forKey: .interrupted)
    }
}

/// `bench consume -o json`.
struct BenchConsumeView: Encodable, Sendable {
    var resources: BenchResources
    var consumers: Int
    var from: String
    @NullEncoded var count: Int?
    @NullEncoded var durationSeconds: Double?
    var warmupSeconds: Double
    var figures: ConsumeFigures
    var interrupted: Bool

    enum Key: String, CodingKey { case resources, consumers, from, count, durationSeconds, warmupSeconds, interrupted }

    func encode(to encoder: any Encoder) throws {
        try figures.encode(to: encoder)
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(resources, forKey: .resources)
        try c.encode(consumers, forKey: .consumers)
        try c.encode(from, forKey: .from)
        try c.encode(count, forKey: .count)
        try c.encode(durationSeconds, forKey: .durationSeconds)
        try c.encode(warmupSeconds, forKey: .warmupSeconds)
        try c.encode(interrupted, forKey: .interrupted)
    }
}

/// `bench e2e -o json`.
struct BenchE2EView: Encodable, Sendable {
    var resources: BenchResources
    var settings: BenchProduceSettingsView
    var consumers: Int
    var figures: EndToEndFigures
    var interrupted: Bool

    enum Key: String, CodingKey { case resources, settings, consumers, interrupted }

    func encode(to encoder: any Encoder) throws {
        try figures.encode(to: encoder)
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(resources, forKey: .resources)
        try c.encode(settings, forKey: .settings)
        try c.encode(consumers, forKey: .consumers)
        try c.encode(interrupted, forKey: .interrupted)
    }
}

extension ProduceFigures {
    /// Every send failed: exit 5 when the broker refused them all for permission, else 1, naming the first error.
    func failIfNothingSent() throws {
        guard ok == 0 && failed > 0 else { return }
        throw CLIError(
            "every send failed (\(failed) message(s)); the first error: \(firstError ?? "unknown")",
            exit: deniedOnly ? .permissionDenied : .failed)
    }
}

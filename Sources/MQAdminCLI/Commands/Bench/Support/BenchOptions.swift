import ArgumentParser
import MQBenchKit
import MQProtocol

extension BenchSendMode: ExpressibleByArgument {}

/// Where a bench runs: its own topic (created and deleted), or an existing one.
struct BenchTopicOptions: ParsableArguments {
    @Option(
        name: [.customShort("t"), .long], help: "Use this existing topic (kept) instead of creating one.",
        completion: .custom(LiveNames.topics))
    var topic: String?

    @Option(help: ArgumentHelp("Queues per master of the topic it creates.", valueName: "n"))
    var queues: Int32 = 8

    @Flag(name: .customLong("keep-topic"), help: "Keep the topic it creates.")
    var keepTopic = false

    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Create the topic on this cluster's masters.")
    var cluster: String?

    func validate() throws {
        guard queues >= 1 && queues <= 1024 else { throw ValidationError("--queues must be between 1 and 1024") }
        if topic != nil && keepTopic {
            throw ValidationError("--keep-topic keeps a topic it creates; --topic names one it never deletes")
        }
        if let topic, let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
    }

    var choice: BenchTopicChoice {
        BenchTopicChoice(existing: topic, queues: queues, keep: keepTopic, cluster: cluster)
    }
}

/// The topic a run uses: an existing one, or one it creates with `queues` queues (kept with `keep`).
struct BenchTopicChoice: Sendable {
    var existing: String?
    var queues: Int32 = 8
    var keep = false
    var cluster: String?
}

/// When a bench stops, and its warm-up.
struct BenchLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Stop after this many measured messages.", valueName: "n"))
    var count: Int?

    @Option(help: ArgumentHelp("Stop after this long (default 10s).", valueName: "duration"))
    var duration: String?

    @Option(help: ArgumentHelp("Run this long first, left out of the figures (0 for none).", valueName: "duration"))
    var warmup = "1s"

    @Flag(help: "Print a progress line on stderr every second (the default when stderr is a terminal).")
    var progress = false

    func validate() throws {
        if count != nil && duration != nil { throw ValidationError("give --count or --duration, not both") }
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if let duration, (Self.parse(duration) ?? .zero) <= .zero {
            throw ValidationError("--duration \"\(duration)\" is not a positive duration; use e.g. 10s or 2m")
        }
        guard Self.parse(warmup) != nil else {
            throw ValidationError("--warmup \"\(warmup)\" is not a duration; use e.g. 1s, or 0 for none")
        }
    }

    static func parse(_ text: String) -> Duration? { text == "0" ? .zero : Duration.parse(text) }

    var limit: BenchLimit {
        if let count { return .count(count) }
        return .duration(duration.flatMap(Self.parse) ?? .seconds(10))
    }

    var warmupDuration: Duration { Self.parse(warmup) ?? .seconds(1) }
}

/// What the producers send, and how.
struct BenchProduceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Body bytes per message.", valueName: "bytes"))
    var size = 1024

    @Option(help: ArgumentHelp("Target messages per second over all producers (0: open loop).", valueName: "msg/s"))
    var rate: Double = 0

    @Option(help: ArgumentHelp("Concurrent producers.", valueName: "n"))
    var producers = 1

    @Option(help: ArgumentHelp("Messages per send (a batch above 1).", valueName: "n"))
    var batch = 1

    @Option(
        name: [.customShort("m"), .long],
        help: "sync (one send at a time per producer), async (--inflight at a time) or oneway (no answer).")
    var mode: BenchSendMode = .sync

    @Option(help: ArgumentHelp("Sends in flight per producer with --mode async.", valueName: "n"))
    var inflight = 32

    @Flag(help: "Give every message a unique key (KEYS, which the broker indexes).")
    var keys = false

    func validate() throws {
        guard size >= 1 && size <= 4 * 1024 * 1024 else {
            throw ValidationError("--size must be between 1 and 4194304 bytes (the broker's default message limit)")
        }
        guard rate >= 0 && rate.isFinite else { throw ValidationError("--rate must be 0 (open loop) or more") }
        guard producers >= 1 && producers <= 1024 else { throw ValidationError("--producers must be 1 to 1024") }
        guard batch >= 1 && batch <= 1024 else { throw ValidationError("--batch must be 1 to 1024") }
        guard inflight >= 1 && inflight <= 65536 else { throw ValidationError("--inflight must be 1 to 65536") }
        if mode == .oneway && batch > 1 {
            throw ValidationError("--mode oneway sends single messages; drop --batch (batches need an answer)")
        }
    }

    func settings(topic: String, limits: BenchLimitOptions) -> ProduceSettings {
        ProduceSettings(
            topic: topic, size: size, limit: limits.limit, rate: rate, producers: producers, batch: batch, mode: mode,
            inflight: inflight, keys: keys, warmup: limits.warmupDuration)
    }
}

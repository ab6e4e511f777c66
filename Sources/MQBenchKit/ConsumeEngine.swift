import MQClient

/// `bench consume`: push consumers read what is in the topic or arrives, until the count, the duration or a stop.
public struct ConsumeEngine: Sendable {
    public let client: MQClientInstance
    /// Clients for consumers after the first (nil: one consumer only).
    public let makeClient: BenchClientFactory?
    public let settings: ConsumeSettings
    public let counters: BenchCounters
    public let stop: BenchStop

    public init(
        client: MQClientInstance, makeClient: BenchClientFactory?, settings: ConsumeSettings,
        counters: BenchCounters = BenchCounters(), stop: BenchStop = BenchStop()
    ) {
        self.client = client
        self.makeClient = makeClient
        self.settings = settings
        self.counters = counters
        self.stop = stop
    }

    public func run() async throws -> ConsumeFigures {
        let start = monotonicNanos()
        let measureStart = start + ProduceEngine.nanos(settings.warmup)
        var cap: Int? = nil
        if case .count(let n) = settings.limit { cap = n }
        let log = ReceiptLog(runId: nil, measureStart: measureStart, cap: cap, counters: counters)
        let set = try ConsumerSet(client: client, makeClient: makeClient, settings: settings, log: log)
        do {
            try await set.start()
        } catch {
            await set.shutdown()
            throw error
        }
        var end = monotonicNanos()
        while !stop.isStopped && !Task.isCancelled {
            end = monotonicNanos()
            if case .count(let n) = settings.limit, log.snapshot.received >= n {
                end = log.snapshot.lastAt
                break
            }
            if case .duration(let d) = settings.limit, end >= measureStart + ProduceEngine.nanos(d) {
                end = measureStart + ProduceEngine.nanos(d)
                break
            }
            // Handlers run on the consumers' tasks; polling the log is the simplest wait on their count.
            try? await Task.sleep(for: .milliseconds(20))
        }
        await set.shutdown()
        let s = log.snapshot
        let elapsed = end > measureStart ? end - measureStart : 0
        return ConsumeFigures(
            received: s.received,
            throughput: Throughput(messages: s.received, bytes: s.bytes, elapsed: .nanoseconds(Int64(elapsed))),
            deliveryLag: s.lag.summary, warmupMessages: s.warm)
    }
}

/// `bench e2e`: consumers first (once they share the queues), then the producers; then a drain wait for what
/// was acknowledged to arrive.
public struct EndToEndEngine: Sendable {
    public let producer: Producer
    /// Clients for consumers after the first (nil: one consumer only).
    public let makeClient: BenchClientFactory?
    public let produce: ProduceSettings
    public let consume: ConsumeSettings
    /// How long to wait, after the last send, for acknowledged messages to arrive.
    public let drain: Duration
    public let counters: BenchCounters
    public let stop: BenchStop

    public init(
        producer: Producer, makeClient: BenchClientFactory?, produce: ProduceSettings, consume: ConsumeSettings,
        drain: Duration = .seconds(10),
        counters: BenchCounters = BenchCounters(), stop: BenchStop = BenchStop()
    ) {
        self.producer = producer
        self.makeClient = makeClient
        self.produce = produce
        self.consume = consume
        self.drain = drain
        self.counters = counters
        self.stop = stop
    }

    public func run() async throws -> EndToEndFigures {
        let runId = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let log = ReceiptLog(runId: runId, measureStart: 0, cap: nil, counters: counters)
        let set = try ConsumerSet(client: producer.client, makeClient: makeClient, settings: consume, log: log)
        do {
            try await set.start()
        } catch {
            await set.shutdown()
            throw error
        }
        let engine = ProduceEngine(producer: producer, settings: produce, counters: counters, stop: stop, runId: runId)
        let measureStart = monotonicNanos() + ProduceEngine.nanos(produce.warmup)
        let figures = await engine.run()
        // Oneway sends are never acknowledged: wait for every message written.
        let expected = figures.ok
        let deadline = ContinuousClock.now + drain
        while log.snapshot.received < expected && ContinuousClock.now < deadline && !stop.isStopped {
            try? await Task.sleep(for: .milliseconds(20))  // handlers run on the consumers' tasks
        }
        await set.shutdown()
        let s = log.snapshot
        let elapsed = s.lastAt > measureStart ? s.lastAt - measureStart : 0
        return EndToEndFigures(
            produce: figures, received: s.received, duplicates: s.duplicates, lost: max(0, expected - s.received),
            throughput: Throughput(messages: s.received, bytes: s.bytes, elapsed: .nanoseconds(Int64(elapsed))),
            endToEnd: s.endToEnd.summary, drained: s.received >= expected)
    }
}

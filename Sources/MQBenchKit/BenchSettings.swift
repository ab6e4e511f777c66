/// How a producer sends: waiting for each answer, many in flight, or never waiting.
public enum BenchSendMode: String, Sendable, Codable, CaseIterable {
    /// One send at a time per producer; latency is the send's round trip.
    case sync
    /// Up to `inflight` sends outstanding per producer; latency is each send's round trip.
    case async
    /// Written without an answer (Apache's sendOneway): no latency, and "ok" means only "written".
    case oneway
}

/// When a run's measured phase ends.
public enum BenchLimit: Sendable, Equatable {
    /// After this many measured messages.
    case count(Int)
    /// After this long.
    case duration(Duration)
}

/// What `bench produce` (and the producing half of `bench e2e`) does.
public struct ProduceSettings: Sendable {
    public var topic: String
    /// Body bytes per message.
    public var size: Int
    public var limit: BenchLimit
    /// Messages per second over all producers; 0 is open loop (as fast as answers come).
    public var rate: Double
    public var producers: Int
    /// Messages per send (a batch send above 1).
    public var batch: Int
    public var mode: BenchSendMode
    /// Outstanding sends per producer in async mode.
    public var inflight: Int
    /// A unique key per message (KEYS property, indexed by the broker).
    public var keys: Bool
    /// Sent first and left out of every figure.
    public var warmup: Duration

    public init(
        topic: String, size: Int = 1024, limit: BenchLimit = .duration(.seconds(10)), rate: Double = 0,
        producers: Int = 1, batch: Int = 1, mode: BenchSendMode = .sync, inflight: Int = 32, keys: Bool = false,
        warmup: Duration = .seconds(1)
    ) {
        self.topic = topic
        self.size = size
        self.limit = limit
        self.rate = rate
        self.producers = producers
        self.batch = batch
        self.mode = mode
        self.inflight = inflight
        self.keys = keys
        self.warmup = warmup
    }
}

/// What `bench consume` (and the consuming half of `bench e2e`) does.
public struct ConsumeSettings: Sendable {
    public var topic: String
    public var group: String
    public var consumers: Int
    /// Start at the queues' first message (else at their end), for a group without committed offsets.
    public var fromFirst: Bool
    /// Stops after this many measured messages or this long (nil: only when stopped, e2e).
    public var limit: BenchLimit?
    public var warmup: Duration

    public init(
        topic: String, group: String, consumers: Int = 1, fromFirst: Bool = false,
        limit: BenchLimit? = .duration(.seconds(10)), warmup: Duration = .seconds(1)
    ) {
        self.topic = topic
        self.group = group
        self.consumers = consumers
        self.fromFirst = fromFirst
        self.limit = limit
        self.warmup = warmup
    }
}

import MQProtocol

/// When appended messages become durable.
public enum FlushMode: String, Sendable {
    /// `whenFlushed` waiters are served by group commit: one `fdatasync` for all pending waiters.
    case sync
    /// A background thread fsyncs every `asyncFlushIntervalMillis`.
    case async
}

/// Where a ``MessageStore`` lives and who it is: the parts a broker derives from its own identity (data
/// directory, advertised address). Everything tunable is in ``StoreSettings``.
public struct StoreConfig: Sendable {
    /// Root directory (e.g. `<data>/store`); created with mode 0700 if missing.
    public var directory: String
    /// The broker's address, written into STOREHOSTADDRESS and offset message ids.
    public var storeHost: HostAddress
    /// Sizes, durability, retention and delay levels.
    public var settings: StoreSettings

    /// The topic delayed messages wait in.
    public static let scheduleTopic = "SCHEDULE_TOPIC_XXXX"

    public init(directory: String, storeHost: HostAddress, settings: StoreSettings = StoreSettings()) {
        self.directory = directory
        self.storeHost = storeHost
        self.settings = settings
    }
}

/// The store's tunable settings. A broker keeps one of these in its `BrokerConfig` and hands it to the
/// store as is, so every knob has one owner.
public struct StoreSettings: Sendable {
    /// Commit-log segment size in bytes (tests use tiny ones such as 64 KiB).
    public var segmentSize: Int64 = 1 << 30
    /// Durability mode.
    public var flushMode: FlushMode = .async
    /// Period of the background flush / checkpoint thread.
    public var asyncFlushIntervalMillis: Int = 500
    /// Whole commit-log segments whose last write is older than this are deleted.
    public var retentionHours: Double = 72
    /// How often the background thread runs retention.
    public var retentionIntervalMillis: Int = 10_000
    /// Entries (20 bytes each) per consume-queue file.
    public var consumeQueueEntriesPerFile: Int = 300_000
    /// Hash slots per index file.
    public var indexSlotsPerFile: Int = 1_000_000
    /// Entries per index file.
    public var indexEntriesPerFile: Int = 4_000_000
    /// Largest accepted message body (and batch body) in bytes.
    public var maxMessageSize: Int = 4 * 1024 * 1024
    /// Append RocketMQ's whole-record `__CRC32#` property slot to every record.
    public var appendRecordCRC: Bool = true
    /// Delay of each level of `SCHEDULE_TOPIC_XXXX`: the broker uses them to schedule delayed messages,
    /// recovery to recompute their consume-queue tag code (= delivery time) when rebuilding consume queues.
    public var delayLevels: DelayLevels = .apacheDefault
    /// Bytes before the last checkpoint that recovery re-verifies with CRCs even after a clean shutdown.
    public var recoveryVerifyTailBytes: Int64 = 8 * 1024 * 1024

    public init() {}
}

/// Apache's `messageDelayLevel`: the delay of each level 1...N of a delayed message, parsed once from
/// text such as "1s 5s 1m 2h 1d" (units ms, s, m, h, d; separated by spaces or commas).
public struct DelayLevels: Sendable, Equatable, CustomStringConvertible {
    /// Delay of level `i + 1` in milliseconds; never empty.
    public let millis: [Int64]
    /// The configured text (reported as `messageDelayLevel` by GET_BROKER_CONFIG).
    public let text: String

    /// Java's default: 1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h.
    public static let apacheDefault = DelayLevels(
        parsing: "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h")!

    /// Nil when `text` holds no level or a token that is not a non-negative duration.
    public init?(parsing text: String) {
        var out: [Int64] = []
        for token in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
            guard let ms = Self.millis(of: token) else { return nil }
            out.append(ms)
        }
        guard !out.isEmpty else { return nil }
        millis = out
        self.text = text
    }

    /// Levels given in milliseconds (at least one), written back as text in the largest whole unit.
    public init(millis: [Int64]) {
        precondition(!millis.isEmpty && millis.allSatisfy { $0 >= 0 }, "at least one delay level, none negative")
        self.millis = millis
        text = millis.map(Self.format).joined(separator: " ")
    }

    /// Number of levels.
    public var count: Int { millis.count }

    /// The delay of `level` (1-based); levels above the last use the last, as Apache does.
    public func delay(ofLevel level: Int) -> Int64 { millis[min(max(level, 1), millis.count) - 1] }

    public var description: String { text }

    private static let units: [(suffix: String, factor: Int64)] = [
        ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000),
    ]

    private static func millis(of token: Substring) -> Int64? {
        if token.hasSuffix("ms") {
            guard let n = Int64(token.dropLast(2)), n >= 0 else { return nil }
            return n
        }
        guard let unit = token.last, let factor = units.first(where: { $0.suffix == String(unit) })?.factor,
            let n = Int64(token.dropLast()), n >= 0
        else { return nil }
        let (product, overflow) = n.multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
    }

    private static func format(_ ms: Int64) -> String {
        for (suffix, factor) in units where ms > 0 && ms % factor == 0 { return "\(ms / factor)\(suffix)" }
        return "\(ms)ms"
    }
}

import MQProtocol

/// When appended messages become durable.
public enum FlushMode: String, Sendable {
    /// `whenFlushed` waiters are served by group commit: one `fdatasync` for all pending waiters.
    case sync
    /// A background thread fsyncs every `asyncFlushIntervalMillis`.
    case async
}

/// Settings of a ``MessageStore``.
public struct StoreConfig: Sendable {
    /// Root directory (e.g. `<data>/store`); created with mode 0700 if missing.
    public var directory: String
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
    /// The broker's address, written into STOREHOSTADDRESS and offset message ids.
    public var storeHost: HostAddress
    /// Delay of each level of `SCHEDULE_TOPIC_XXXX` in ms (levels 1...18), used to recompute the
    /// consume-queue tag code (= delivery time) of delayed messages when rebuilding consume queues.
    public var delayLevelMillis: [Int64] = StoreConfig.defaultDelayLevelMillis
    /// Bytes before the last checkpoint that recovery re-verifies with CRCs even after a clean shutdown.
    public var recoveryVerifyTailBytes: Int64 = 8 * 1024 * 1024

    /// Java's `messageDelayLevel` default: 1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h.
    public static let defaultDelayLevelMillis: [Int64] = [
        1, 5, 10, 30, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 1200, 1800, 3600, 7200,
    ].map { $0 * 1000 }

    /// The topic delayed messages wait in.
    public static let scheduleTopic = "SCHEDULE_TOPIC_XXXX"

    /// Creates a configuration with defaults for everything but the directory and store host.
    public init(directory: String, storeHost: HostAddress) {
        self.directory = directory
        self.storeHost = storeHost
    }
}

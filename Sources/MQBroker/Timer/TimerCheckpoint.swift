import MQProtocol
import MQStore

/// `<store>/timercheck`: how far the timer service got, written with `AtomicFile` (docs/store-format.md, "Timer
/// messages"). Binary, big-endian:
///
/// `"MQTC" | UInt32 version 1 | Int64 indexedOffset | Int64 firedThrough | Int64 scanFrom | Int64 timestamp |
///  UInt32 CRC-32 of everything before`
///
/// Invariant at the moment it describes (and only once the commit log is durable past every delivery made by
/// then): every timer-queue entry below `indexedOffset` whose firing time is at or before `firedThrough` has
/// been delivered (or cancelled), and no entry below `scanFrom` is still pending.
struct TimerCheckpoint: Equatable, Sendable {
    static let magic: UInt32 = 0x4D51_5443
    static let encodedSize = 44

    /// Timer-queue entries below this were in the index.
    var indexedOffset: Int64 = 0
    /// Every indexed entry firing at or before this (epoch ms) was delivered.
    var firedThrough: Int64 = 0
    /// Lowest timer-queue offset still pending (`indexedOffset` when none is).
    var scanFrom: Int64 = 0
    /// When it was taken (epoch ms).
    var timestamp: Int64 = 0

    init(indexedOffset: Int64 = 0, firedThrough: Int64 = 0, scanFrom: Int64 = 0, timestamp: Int64 = 0) {
        self.indexedOffset = indexedOffset
        self.firedThrough = firedThrough
        self.scanFrom = scanFrom
        self.timestamp = timestamp
    }

    func encoded() -> [UInt8] {
        CheckpointFile.encode(magic: Self.magic, [indexedOffset, firedThrough, scanFrom, timestamp])
    }

    /// Parses a checkpoint; nil if the bytes are damaged in any way.
    init?(bytes: [UInt8]) {
        guard let fields = CheckpointFile.decode(bytes, magic: Self.magic, count: 4) else { return nil }
        self.init(indexedOffset: fields[0], firedThrough: fields[1], scanFrom: fields[2], timestamp: fields[3])
    }

    /// The checkpoint at `path` (or its `.bak` when the file is missing or damaged); nil when there is none.
    static func load(path: String) throws -> TimerCheckpoint? {
        try CheckpointFile.load(path: path, TimerCheckpoint.init(bytes:))
    }

    func save(path: String) throws {
        try AtomicFile.write(encoded(), to: path)
    }
}

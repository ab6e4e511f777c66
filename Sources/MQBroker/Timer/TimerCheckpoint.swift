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
        var out = [UInt8]()
        out.reserveCapacity(Self.encodedSize)
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) } }
        put(Self.magic)
        put(UInt32(1))
        put(indexedOffset)
        put(firedThrough)
        put(scanFrom)
        put(timestamp)
        put(CRC32.checksum(out))
        return out
    }

    /// Parses a checkpoint; nil if the bytes are damaged in any way.
    init?(bytes: [UInt8]) {
        guard bytes.count == Self.encodedSize, CRC32.checksum(bytes.dropLast(4)) == Self.u32(bytes, 40),
            Self.u32(bytes, 0) == Self.magic, Self.u32(bytes, 4) == 1
        else { return nil }
        indexedOffset = Self.i64(bytes, 8)
        firedThrough = Self.i64(bytes, 16)
        scanFrom = Self.i64(bytes, 24)
        timestamp = Self.i64(bytes, 32)
    }

    /// The checkpoint at `path` (or its `.bak` when the file is missing or damaged); nil when there is none.
    static func load(path: String) throws -> TimerCheckpoint? {
        if let bytes = try AtomicFile.read(path), let checkpoint = TimerCheckpoint(bytes: bytes) { return checkpoint }
        // A damaged main file: AtomicFile keeps the previous version beside it.
        if let bytes = try AtomicFile.read(path + ".bak"), let checkpoint = TimerCheckpoint(bytes: bytes) {
            return checkpoint
        }
        return nil
    }

    func save(path: String) throws {
        try AtomicFile.write(encoded(), to: path)
    }

    private static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        b[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func i64(_ b: [UInt8], _ at: Int) -> Int64 {
        Int64(bitPattern: b[at..<(at + 8)].reduce(0) { $0 << 8 | UInt64($1) })
    }
}

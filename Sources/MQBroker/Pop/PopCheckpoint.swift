import MQProtocol
import MQStore

/// `<store>/popcheck`: where the pop log's replay may start, written with `AtomicFile` (docs/store-format.md,
/// "POP log"). Binary, big-endian:
///
/// `"MQPC" | UInt32 version 1 | Int64 appliedThrough | Int64 scanFrom | Int64 timestamp | UInt32 CRC-32 of all before`
///
/// At the moment it describes (written only once the commit log is durable past every record applied by then):
/// pop-log records below `appliedThrough` were applied, and no live entry or orderly batch was set by a record
/// below `scanFrom`, so a replay from `scanFrom` rebuilds the same table.
struct PopCheckpoint: Equatable, Sendable {
    static let magic: UInt32 = 0x4D51_5043
    static let encodedSize = 36

    var appliedThrough: Int64 = 0
    var scanFrom: Int64 = 0
    var timestamp: Int64 = 0

    func encoded() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(Self.encodedSize)
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) } }
        put(Self.magic)
        put(UInt32(1))
        put(appliedThrough)
        put(scanFrom)
        put(timestamp)
        put(CRC32.checksum(out))
        return out
    }

    init(appliedThrough: Int64 = 0, scanFrom: Int64 = 0, timestamp: Int64 = 0) {
        self.appliedThrough = appliedThrough
        self.scanFrom = scanFrom
        self.timestamp = timestamp
    }

    /// Parses a checkpoint; nil if the bytes are damaged in any way.
    init?(bytes: [UInt8]) {
        guard bytes.count == Self.encodedSize, CRC32.checksum(bytes.dropLast(4)) == Self.u32(bytes, 32),
            Self.u32(bytes, 0) == Self.magic, Self.u32(bytes, 4) == 1
        else { return nil }
        appliedThrough = Self.i64(bytes, 8)
        scanFrom = Self.i64(bytes, 16)
        timestamp = Self.i64(bytes, 24)
    }

    /// The checkpoint at `path` (or its `.bak` when the file is missing or damaged); nil when there is none.
    static func load(path: String) -> PopCheckpoint? {
        if let bytes = try? AtomicFile.read(path), let checkpoint = PopCheckpoint(bytes: bytes) { return checkpoint }
        if let bytes = try? AtomicFile.read(path + ".bak"), let checkpoint = PopCheckpoint(bytes: bytes) {
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

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
        CheckpointFile.encode(magic: Self.magic, [appliedThrough, scanFrom, timestamp])
    }

    init(appliedThrough: Int64 = 0, scanFrom: Int64 = 0, timestamp: Int64 = 0) {
        self.appliedThrough = appliedThrough
        self.scanFrom = scanFrom
        self.timestamp = timestamp
    }

    /// Parses a checkpoint; nil if the bytes are damaged in any way.
    init?(bytes: [UInt8]) {
        guard let fields = CheckpointFile.decode(bytes, magic: Self.magic, count: 3) else { return nil }
        self.init(appliedThrough: fields[0], scanFrom: fields[1], timestamp: fields[2])
    }

    /// The checkpoint at `path` (or its `.bak` when the file is missing or damaged); nil when there is none or it
    /// cannot be read (replay then starts at the pop log's beginning).
    static func load(path: String) -> PopCheckpoint? {
        (try? CheckpointFile.load(path: path, PopCheckpoint.init(bytes:))) ?? nil
    }

    func save(path: String) throws {
        try AtomicFile.write(encoded(), to: path)
    }
}

import MQProtocol
import MQStore

/// The layout the broker's checkpoint files share (`timercheck`, `popcheck`), written with `AtomicFile`.
/// Binary, big-endian: `magic | UInt32 version 1 | Int64 field… | UInt32 CRC-32 of everything before`.
enum CheckpointFile {
    static func encode(magic: UInt32, _ fields: [Int64]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(12 + 8 * fields.count)
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) } }
        put(magic)
        put(UInt32(1))
        for field in fields { put(field) }
        put(CRC32.checksum(out))
        return out
    }

    /// The `count` fields of `bytes`; nil if the bytes are damaged in any way (size, CRC, magic, version).
    static func decode(_ bytes: [UInt8], magic: UInt32, count: Int) -> [Int64]? {
        let size = 12 + 8 * count
        guard bytes.count == size, CRC32.checksum(bytes.dropLast(4)) == u32(bytes, size - 4),
            u32(bytes, 0) == magic, u32(bytes, 4) == 1
        else { return nil }
        return (0..<count).map { i64(bytes, 8 + 8 * $0) }
    }

    /// The checkpoint at `path`, or its `.bak` when the file is missing or damaged (AtomicFile keeps the previous
    /// version beside it); nil when there is none. A file that cannot be read throws.
    static func load<T>(path: String, _ parse: ([UInt8]) -> T?) throws -> T? {
        if let bytes = try AtomicFile.read(path), let checkpoint = parse(bytes) { return checkpoint }
        if let bytes = try AtomicFile.read(path + ".bak"), let checkpoint = parse(bytes) { return checkpoint }
        return nil
    }

    private static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        b[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func i64(_ b: [UInt8], _ at: Int) -> Int64 {
        Int64(bitPattern: b[at..<(at + 8)].reduce(0) { $0 << 8 | UInt64($1) })
    }
}

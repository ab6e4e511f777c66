#if canImport(Glibc)
import Glibc
#endif
import MQProtocol

/// A Bloom filter over the key hashes of one index file, so a lookup can skip a sealed file that does not
/// hold the key without reading its slots. Kept beside the index file as `<index file>.bloom`:
///
/// ```
/// header (40 B): UInt32 magic "MQBF" | UInt32 version 1 | UInt64 bitCount | UInt32 hashCount |
///                Int32 entryCount | Int64 endPhyOffset | UInt32 CRC-32 | 4 B reserved
/// bits   (bitCount / 8 B): bit i is bit (i % 8) of byte i / 8
/// ```
///
/// `entryCount` and `endPhyOffset` repeat the index file's header, so a filter of an earlier version of the
/// file (before a recovery truncated it) is recognised and not trusted. The CRC-32 covers the header with the
/// CRC field zeroed, then the bits.
///
/// The filter is fed the index's own 64-bit key hash (FNV-1a of `topic#key`); the k probe positions come
/// from it by double hashing: `h1 + i·h2 mod bitCount`, `h2` an odd remix of the hash.
struct KeyFilter: Sendable {
    static let magic: UInt32 = 0x4D51_4246  // "MQBF"
    static let headerSize = 40
    static let sidecarSuffix = ".bloom"
    /// The design's false-positive rate: 9.6 bits and 7 hashes per key.
    static let falsePositiveRate = 0.01

    let bitCount: Int
    let hashCount: Int
    private(set) var bits: [UInt8]

    /// An empty filter sized for `expectedKeys` at ``falsePositiveRate``.
    init(expectedKeys: Int) {
        let n = Double(max(1, expectedKeys))
        let ln2 = 0.693_147_180_559_945_3
        let m = (-n * log(Self.falsePositiveRate) / (ln2 * ln2)).rounded(.up)
        bitCount = max(64, (Int(m) + 63) / 64 * 64)
        hashCount = max(1, min(16, Int((Double(bitCount) / n * ln2).rounded())))
        bits = [UInt8](repeating: 0, count: bitCount / 8)
    }

    private init(bitCount: Int, hashCount: Int, bits: [UInt8]) {
        self.bitCount = bitCount
        self.hashCount = hashCount
        self.bits = bits
    }

    /// The second base hash: a splitmix64 finaliser of the first, made odd so successive probes differ.
    @inline(__always)
    private static func second(_ h: UInt64) -> UInt64 {
        var z = h &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (z ^ (z >> 31)) | 1
    }

    mutating func insert(_ keyHash: UInt64) {
        let m = UInt64(bitCount)
        let step = Self.second(keyHash)
        var probe = keyHash
        for _ in 0..<hashCount {
            let bit = Int(probe % m)
            bits[bit >> 3] |= 1 << UInt8(bit & 7)
            probe = probe &+ step
        }
    }

    /// False only if `keyHash` was never inserted.
    func mightContain(_ keyHash: UInt64) -> Bool {
        let m = UInt64(bitCount)
        let step = Self.second(keyHash)
        var probe = keyHash
        for _ in 0..<hashCount {
            let bit = Int(probe % m)
            if bits[bit >> 3] & (1 << UInt8(bit & 7)) == 0 { return false }
            probe = probe &+ step
        }
        return true
    }

    // MARK: the sidecar file

    static func sidecarPath(_ indexPath: String) -> String { indexPath + sidecarSuffix }

    /// The file's bytes, bound to the index file's `entryCount` and `endPhyOffset`.
    func encoded(entryCount: Int, endPhyOffset: Int64) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(Self.headerSize + bits.count)
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) } }
        put(Self.magic)
        put(UInt32(1))
        put(UInt64(bitCount))
        put(UInt32(hashCount))
        put(Int32(clamping: entryCount))
        put(endPhyOffset)
        put(UInt32(0))
        put(UInt32(0))
        let crc = CRC32.checksum(bits, continuing: CRC32.checksum(out))
        withUnsafeBytes(of: crc.bigEndian) { c in
            for i in 0..<4 { out[32 + i] = c[i] }
        }
        out.append(contentsOf: bits)
        return out
    }

    /// Decodes a sidecar; nil unless it is intact and belongs to an index file with exactly these
    /// `entryCount` and `endPhyOffset`.
    static func decode(_ bytes: [UInt8], entryCount: Int, endPhyOffset: Int64) -> KeyFilter? {
        guard bytes.count >= headerSize else { return nil }
        let r = ByteReader(Array(bytes[0..<headerSize]))
        guard r.u32(0) == magic, r.u32(4) == 1 else { return nil }
        let bitCount = r.u64(8), hashCount = Int(r.u32(16))
        guard bitCount > 0, bitCount % 64 == 0, bitCount <= UInt64(Int32.max) * 8, (1...16).contains(hashCount),
            Int(r.i32(20)) == entryCount, r.i64(24) == endPhyOffset,
            bytes.count == headerSize + Int(bitCount / 8)
        else { return nil }
        var header = Array(bytes[0..<headerSize])
        for i in 32..<36 { header[i] = 0 }
        let bits = Array(bytes[headerSize...])
        guard CRC32.checksum(bits, continuing: CRC32.checksum(header)) == r.u32(32) else { return nil }
        return KeyFilter(bitCount: Int(bitCount), hashCount: hashCount, bits: bits)
    }

    /// Writes the sidecar of `indexPath` atomically (mode 0600), replacing any earlier one.
    func write(indexPath: String, entryCount: Int, endPhyOffset: Int64) throws {
        Self.removeSidecar(indexPath)
        let bytes = encoded(entryCount: entryCount, endPhyOffset: endPhyOffset)
        try AtomicFile.write(bytes, to: Self.sidecarPath(indexPath))
    }

    /// The sidecar of `indexPath` if it is present, intact and matches the index file; nil otherwise (the
    /// `.bak` AtomicFile may leave is never used: it could belong to an earlier version of the file).
    static func load(indexPath: String, entryCount: Int, endPhyOffset: Int64) -> KeyFilter? {
        let path = sidecarPath(indexPath)
        guard FileSystem.exists(path), let file = try? DataFile.open(path, create: false),
            let size = try? file.size(), size >= Int64(headerSize), size <= Int64(headerSize) + Int64(Int32.max),
            let bytes = try? file.readBytes(count: Int(size), at: 0)
        else { return nil }
        return decode(bytes, entryCount: entryCount, endPhyOffset: endPhyOffset)
    }

    /// Deletes the sidecar of `indexPath` and what an interrupted atomic write may have left beside it.
    static func removeSidecar(_ indexPath: String) {
        let path = sidecarPath(indexPath)
        for p in [path, path + ".bak", path + ".tmp"] { try? FileSystem.remove(p) }
    }
}

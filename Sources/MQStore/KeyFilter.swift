#if canImport(Glibc)
import Glibc
#endif
import MQProtocol

/// A Bloom filter over the key hashes of one index file, so a lookup can skip a sealed file that does not
/// hold the key without reading its slots. Kept beside the index file as `<index file>.bloom`:
///
/// ```
/// header (40 B): UInt32 magic "MQBF" | UInt32 version 2 | UInt64 bitCount | UInt32 hashCount |
///                Int32 entryCount | Int64 endPhyOffset | UInt32 CRC-32 | 4 B reserved
/// bits   (bitCount / 8 B): bit i is bit (i % 8) of byte i / 8
/// ```
///
/// `entryCount` and `endPhyOffset` repeat the index file's header, so a filter of an earlier version of the
/// file (before a recovery truncated it) is recognised and not trusted. The CRC-32 covers the header with the
/// CRC field zeroed, then the bits.
///
/// The filter is fed the index's own 64-bit key hash (FNV-1a of `topic#key`). It is blocked: the hash's high
/// bits, remixed, pick one 512-bit block (a cache line), and the k probes are 9-bit positions in it taken from a
/// second remix, so adding or testing a key touches one line of memory, not k lines scattered over the 4.8 MB
/// filter of a full index file (docs/performance.md). Version 1 files (probes over the whole filter) are not
/// read; like a damaged sidecar, they are rebuilt from their index file.
struct KeyFilter: Sendable {
    static let magic: UInt32 = 0x4D51_4246  // "MQBF"
    static let headerSize = 40
    static let sidecarSuffix = ".bloom"
    /// The design's false-positive rate: 9.6 bits and 7 hashes per key (blocking adds a little: measured 1.2 %).
    static let falsePositiveRate = 0.01
    static let version: UInt32 = 2
    /// Bits per block: one 64-byte cache line.
    static let blockBits = 512
    /// Probes per key at most: 9-bit positions, seven to a 64-bit remix.
    static let maxHashCount = 7

    let bitCount: Int
    let hashCount: Int
    private(set) var bits: [UInt8]

    /// An empty filter sized for `expectedKeys` at ``falsePositiveRate``.
    init(expectedKeys: Int) {
        let n = Double(max(1, expectedKeys))
        let ln2 = 0.693_147_180_559_945_3
        let m = (-n * log(Self.falsePositiveRate) / (ln2 * ln2)).rounded(.up)
        bitCount = max(1, (Int(m) + Self.blockBits - 1) / Self.blockBits) * Self.blockBits
        hashCount = max(1, min(Self.maxHashCount, Int((m / n * ln2).rounded())))
        bits = [UInt8](repeating: 0, count: bitCount / 8)
    }

    private init(bitCount: Int, hashCount: Int, bits: [UInt8]) {
        self.bitCount = bitCount
        self.hashCount = hashCount
        self.bits = bits
    }

    /// A splitmix64 finaliser. FNV-1a's high bits vary little between keys that differ in their last characters,
    /// so the block is chosen from the key hash mixed once, and the probe positions come from it mixed again.
    @inline(__always)
    private static func mix(_ h: UInt64) -> UInt64 {
        var z = h &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func insert(_ keyHash: UInt64) {
        let mixed = Self.mix(keyHash)
        let block = blockStart(mixed)
        var probes = Self.mix(mixed)
        for _ in 0..<hashCount {
            let bit = Int(truncatingIfNeeded: probes & 511)
            bits[block + bit >> 3] |= 1 << UInt8(bit & 7)
            probes >>= 9
        }
    }

    /// False only if `keyHash` was never inserted.
    func mightContain(_ keyHash: UInt64) -> Bool {
        let mixed = Self.mix(keyHash)
        let block = blockStart(mixed)
        var probes = Self.mix(mixed)
        for _ in 0..<hashCount {
            let bit = Int(truncatingIfNeeded: probes & 511)
            if bits[block + bit >> 3] & (1 << UInt8(bit & 7)) == 0 { return false }
            probes >>= 9
        }
        return true
    }

    /// The first byte of the block for a mixed hash: its high bits scaled to the block count (no division).
    @inline(__always)
    private func blockStart(_ mixed: UInt64) -> Int {
        let blocks = UInt64(bitCount / Self.blockBits)
        return Int(truncatingIfNeeded: mixed.multipliedFullWidth(by: blocks).high) * (Self.blockBits / 8)
    }

    // MARK: the sidecar file

    static func sidecarPath(_ indexPath: String) -> String { indexPath + sidecarSuffix }

    /// The file's bytes, bound to the index file's `entryCount` and `endPhyOffset`.
    func encoded(entryCount: Int, endPhyOffset: Int64) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(Self.headerSize + bits.count)
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) } }
        put(Self.magic)
        put(Self.version)
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
        guard r.u32(0) == magic, r.u32(4) == version else { return nil }
        let bitCount = r.u64(8), hashCount = Int(r.u32(16))
        guard bitCount > 0, bitCount % UInt64(blockBits) == 0, bitCount <= UInt64(Int32.max) * 8,
            (1...maxHashCount).contains(hashCount),
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

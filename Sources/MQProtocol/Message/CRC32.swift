import CCRC32
import NIOCore

/// Standard IEEE 802.3 / zlib CRC-32 (reflected polynomial `0xEDB88320`), the same function as
/// `java.util.zip.CRC32`: with carry-less multiplication (CCRC32) over the bulk of buffers of 64 bytes and more
/// where the CPU has it, as the JVM does; the slicing-by-8 method for the rest and elsewhere. Every stored
/// body is checksummed, and the table method was the broker's largest single cost with batches (12 % of its CPU,
/// docs/performance.md).
///
/// RocketMQ stores CRCs masked to 31 bits (`& 0x7FFFFFFF`, see ``masked(_:)``) so they fit a
/// non-negative Java `int`; e.g. `maskedChecksum("hello".utf8)` is `907060870`.
public enum CRC32 {
    /// Eight 256-entry tables laid out back to back: table `k` advances a byte that sits `k`
    /// positions before the end of an 8-byte block.
    private static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for i in 0..<256 {
            var c = UInt32(i)
            for _ in 0..<8 {
                c = (c & 1) != 0 ? (0xEDB8_8320 ^ (c >> 1)) : (c >> 1)
            }
            t[i] = c
        }
        for k in 1..<8 {
            for i in 0..<256 {
                let prev = t[(k - 1) * 256 + i]
                t[k * 256 + i] = (prev >> 8) ^ t[Int(prev & 0xFF)]
            }
        }
        return t
    }()

    /// Whether ``checksum(_:continuing:)`` folds with carry-less multiplication on this CPU.
    static let folds = ccrc32_has_clmul() != 0

    /// CRC-32 of `bytes`, continuing from `previous` (the finished CRC of the bytes before them;
    /// 0 to start), exactly like zlib's `crc32(previous, buf, len)`.
    public static func checksum(_ bytes: UnsafeRawBufferPointer, continuing previous: UInt32 = 0) -> UInt32 {
        guard folds, bytes.count >= 64, let base = bytes.baseAddress else {
            return tableChecksum(bytes, continuing: previous)
        }
        let folded = bytes.count & ~15
        let state = ccrc32_fold(base.assumingMemoryBound(to: UInt8.self), folded, ~previous)
        return tableChecksum(UnsafeRawBufferPointer(rebasing: bytes[folded...]), continuing: ~state)
    }

    /// ``checksum(_:continuing:)`` by the slicing-by-8 table method alone.
    static func tableChecksum(_ bytes: UnsafeRawBufferPointer, continuing previous: UInt32 = 0) -> UInt32 {
        var crc = ~previous
        guard let base = bytes.baseAddress, bytes.count > 0 else { return previous }
        let count = bytes.count
        tables.withUnsafeBufferPointer { table in
            let t = table.baseAddress!
            var i = 0
            // Eight bytes per step: two little-endian 32-bit loads, one lookup per byte.
            while count - i >= 8 {
                let lo = base.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian ^ crc
                let hi = base.loadUnaligned(fromByteOffset: i + 4, as: UInt32.self).littleEndian
                crc = t[7 * 256 + Int(lo & 0xFF)] ^ t[6 * 256 + Int((lo >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((lo >> 16) & 0xFF)] ^ t[4 * 256 + Int(lo >> 24)]
                    ^ t[3 * 256 + Int(hi & 0xFF)] ^ t[2 * 256 + Int((hi >> 8) & 0xFF)]
                    ^ t[1 * 256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
                i += 8
            }
            while i < count {
                crc = t[Int((crc ^ UInt32(base.load(fromByteOffset: i, as: UInt8.self))) & 0xFF)] ^ (crc >> 8)
                i += 1
            }
        }
        return ~crc
    }

    /// CRC-32 of a byte array.
    public static func checksum(_ bytes: [UInt8], continuing previous: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0, continuing: previous) }
    }

    /// CRC-32 of any contiguous byte sequence (e.g. `"hello".utf8`, `ArraySlice<UInt8>`).
    public static func checksum<Bytes: Sequence>(
        _ bytes: Bytes, continuing previous: UInt32 = 0
    ) -> UInt32 where Bytes.Element == UInt8 {
        if let crc = bytes.withContiguousStorageIfAvailable({
            checksum(UnsafeRawBufferPointer($0), continuing: previous)
        }) {
            return crc
        }
        return checksum(Array(bytes), continuing: previous)
    }

    /// CRC-32 of the readable bytes of `buffer` (the reader index is not moved).
    public static func checksum(_ buffer: ByteBuffer, continuing previous: UInt32 = 0) -> UInt32 {
        buffer.withUnsafeReadableBytes { checksum($0, continuing: previous) }
    }

    /// CRC-32 of `A ‖ B` from `crcA = checksum(A)`, `crcB = checksum(B)` and the length of `B`, without
    /// touching the bytes (zlib's `crc32_combine`): shifting `crcA` by `lengthB` zero bytes is a
    /// multiplication by x^(8·lengthB) modulo the CRC polynomial.
    public static func combine(_ crcA: UInt32, _ crcB: UInt32, lengthB: Int) -> UInt32 {
        guard lengthB > 0 else { return crcA }
        return multiplyModP(powerOfX(eightTimes: lengthB), crcA) ^ crcB
    }

    /// x^(2^k) mod P for k = 0...63, in the reflected bit order used by the table.
    private static let xPowers: [UInt32] = {
        var powers = [UInt32]()
        var p: UInt32 = 1 << 30  // x^1
        for _ in 0..<64 {
            powers.append(p)
            p = multiplyModP(p, p)
        }
        return powers
    }()

    /// a·b mod P over GF(2), bit 31 being x^0 (reflected representation).
    private static func multiplyModP(_ a: UInt32, _ b: UInt32) -> UInt32 {
        var m: UInt32 = 1 << 31
        var b = b
        var product: UInt32 = 0
        while m != 0 {
            if a & m != 0 {
                product ^= b
                if a & (m - 1) == 0 { break }  // no lower terms left in a
            }
            m >>= 1
            b = b & 1 != 0 ? (b >> 1) ^ 0xEDB8_8320 : b >> 1  // b·x
        }
        return product
    }

    /// x^(8·v·256^k) mod P for k = 0...3 and v = 0...255: four lookups and three multiplications
    /// give x^(8n) for any n below 2^32 (instead of one multiplication per bit of n).
    private static let bytePowers: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 4 * 256)
        for k in 0..<4 {
            for v in 0..<256 {
                var p: UInt32 = 1 << 31  // x^0
                var n = v
                var bit = 3 + 8 * k  // x^(8·v·256^k) = Π x^(2^(bit)) over the set bits of v
                while n != 0 {
                    if n & 1 != 0 { p = multiplyModP(xPowers[bit], p) }
                    n >>= 1
                    bit += 1
                }
                table[k * 256 + v] = p
            }
        }
        return table
    }()

    /// x^(8·n) mod P.
    private static func powerOfX(eightTimes n: Int) -> UInt32 {
        if n >> 32 == 0 {
            return bytePowers.withUnsafeBufferPointer { t in
                var p = t[n & 0xFF]
                if n >> 8 != 0 {
                    p = multiplyModP(p, t[256 + (n >> 8) & 0xFF])
                    if n >> 16 != 0 {
                        p = multiplyModP(p, t[512 + (n >> 16) & 0xFF])
                        if n >> 24 != 0 { p = multiplyModP(p, t[768 + (n >> 24) & 0xFF]) }
                    }
                }
                return p
            }
        }
        var p: UInt32 = 1 << 31  // x^0
        var n = n
        var k = 3  // 8·n = n·2^3; n < 2^61 for any Int length
        while n != 0 {
            if n & 1 != 0 { p = multiplyModP(xPowers[k], p) }
            n >>= 1
            k += 1
        }
        return p
    }

    /// RocketMQ's stored form: the CRC with the sign bit cleared, as a non-negative `Int32`.
    @inlinable
    public static func masked(_ crc: UInt32) -> Int32 {
        Int32(bitPattern: crc & 0x7FFF_FFFF)
    }

    /// `masked(checksum(bytes))` — what `UtilAll.crc32` returns in Java.
    public static func maskedChecksum(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        masked(checksum(bytes))
    }

    /// `masked(checksum(bytes))` for a byte array or other byte sequence.
    public static func maskedChecksum<Bytes: Sequence>(_ bytes: Bytes) -> Int32 where Bytes.Element == UInt8 {
        masked(checksum(bytes))
    }

    /// `masked(checksum(buffer))` over the readable bytes of `buffer`.
    public static func maskedChecksum(_ buffer: ByteBuffer) -> Int32 {
        masked(checksum(buffer))
    }
}

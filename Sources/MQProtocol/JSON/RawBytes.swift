#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeRawBufferPointer {
    /// Whether these are the bytes of `name`: one `memcmp`. The header readers match every key they meet against
    /// their field names, and a generic byte-by-byte comparison cost more than the rest of the key's reading.
    func holds(_ name: StaticString) -> Bool {
        guard count == name.utf8CodeUnitCount else { return false }
        guard let base = baseAddress, count > 0 else { return true }
        return memcmp(base, name.utf8Start, count) == 0
    }

    /// The offset of the first `byte` at or after `start`, nil when there is none: `memchr`, which reads many bytes
    /// at a time.
    func firstOffset(of byte: UInt8, from start: Int) -> Int? {
        guard start < count, let base = baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }
}

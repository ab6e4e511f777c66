/// Big-endian stores into raw bytes, front to back: a record is written in one pass into memory reserved for it
/// rather than by some thirty `ByteBuffer` writes, each with its own capacity, index and exclusivity checks
/// (docs/performance.md "CPU per message").
struct BigEndianWriter {
    let raw: UnsafeMutableRawBufferPointer
    /// Bytes written so far.
    private(set) var offset = 0

    init(_ raw: UnsafeMutableRawBufferPointer) {
        self.raw = raw
    }

    mutating func put<T: FixedWidthInteger>(_ value: T) {
        precondition(offset + MemoryLayout<T>.size <= raw.count, "record writer overrun")
        raw.storeBytes(of: value.bigEndian, toByteOffset: offset, as: T.self)
        offset += MemoryLayout<T>.size
    }

    mutating func put(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        precondition(offset + bytes.count <= raw.count, "record writer overrun")
        (raw.baseAddress! + offset).copyMemory(from: source, byteCount: bytes.count)
        offset += bytes.count
    }

    /// The string's UTF-8 bytes (native and small strings are copied in one move).
    mutating func put(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { put(UnsafeRawBufferPointer($0)) }
        if copied == nil { for byte in text.utf8 { put(byte) } }
    }

    /// `count` copies of `byte`.
    mutating func put(repeating byte: UInt8, count: Int) {
        precondition(offset + count <= raw.count, "record writer overrun")
        (raw.baseAddress! + offset).initializeMemory(as: UInt8.self, repeating: byte, count: count)
        offset += count
    }
}

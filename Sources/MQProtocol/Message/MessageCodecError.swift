/// Why a stored record or batch body could not be decoded. Every malformed input ends in one of
/// these; the decoder never traps on hostile bytes.
public enum MessageDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes end before `field` (needs `needed` more bytes, `available` left).
    case truncated(field: String, needed: Int, available: Int)
    /// The magic code is neither V1, V2 (nor BLANK where a filler is allowed).
    case badMagic(UInt32)
    /// The record is a commit-log BLANK filler of `size` bytes, not a message.
    case blankRecord(size: Int)
    /// A length field holds an impossible value.
    case invalidLength(field: String, value: Int, reason: String)
    /// The body CRC does not match the body.
    case bodyCRCMismatch(stored: Int32, computed: Int32)
    /// The whole-record `__CRC32#` slot does not match the record.
    case recordCRCMismatch(stored: Int32, computed: Int32)
    /// The `__CRC32#` property is present but not a well-formed slot at the end of the record.
    case malformedCRCSlot(String)
    /// The body could not be decompressed.
    case decompressionFailed(String)

    public var description: String {
        switch self {
        case .truncated(let field, let needed, let available):
            return "message record truncated in \(field): needs \(needed) bytes, \(available) available"
        case .badMagic(let magic):
            return "bad message magic code 0x\(String(magic, radix: 16, uppercase: true))"
        case .blankRecord(let size):
            return "commit-log BLANK filler of \(size) bytes, not a message"
        case .invalidLength(let field, let value, let reason):
            return "invalid \(field) \(value): \(reason)"
        case .bodyCRCMismatch(let stored, let computed):
            return "body CRC mismatch: stored \(stored), computed \(computed)"
        case .recordCRCMismatch(let stored, let computed):
            return "record CRC (__CRC32#) mismatch: stored \(stored), computed \(computed)"
        case .malformedCRCSlot(let why):
            return "malformed __CRC32# slot: \(why)"
        case .decompressionFailed(let why):
            return "body decompression failed: \(why)"
        }
    }
}

/// Why a message could not be encoded as a stored record or batch body.
public enum MessageEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The topic is empty or longer than a V2 record can hold (32767 UTF-8 bytes).
    case invalidTopic(String)
    /// The properties string (plus the CRC slot) exceeds 32767 bytes.
    case propertiesTooLong(Int)
    /// The body does not fit an `Int32` length.
    case bodyTooLarge(Int)

    public var description: String {
        switch self {
        case .invalidTopic(let why): return "invalid topic: \(why)"
        case .propertiesTooLong(let n): return "message properties are \(n) bytes, the maximum is 32767"
        case .bodyTooLarge(let n): return "message body of \(n) bytes is too large"
        }
    }
}

/// Everything that can be wrong with bytes or fields received from a peer.
public enum ProtocolError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A frame announced more bytes than the limit allows.
    case frameTooLarge(size: Int, limit: Int)
    /// The length prefix cannot describe a frame (negative, or too small to hold the header length).
    case invalidFrameLength(Int)
    /// The header length is larger than the frame that should contain it.
    case headerLengthExceedsFrame(headerLength: Int, frameLength: Int)
    /// The serialization type byte is neither JSON (0) nor ROCKETMQ (1).
    case unknownSerializeType(UInt8)
    /// The header could not be decoded.
    case malformedHeader(String)
    /// A request header lacks a field the command needs.
    case missingField(String)
    /// A request header field could not be parsed as its declared type.
    case invalidField(name: String, value: String, expected: String)
    /// A body could not be decoded.
    case malformedBody(String)

    public var description: String {
        switch self {
        case .frameTooLarge(let size, let limit): return "frame of \(size) bytes exceeds the limit of \(limit) bytes"
        case .invalidFrameLength(let n): return "invalid frame length \(n)"
        case .headerLengthExceedsFrame(let h, let f): return "header length \(h) exceeds frame length \(f)"
        case .unknownSerializeType(let t): return "unknown header serialization type \(t)"
        case .malformedHeader(let why): return "malformed header: \(why)"
        case .missingField(let name): return "the custom field \(name) is null"
        case .invalidField(let name, let value, let expected):
            return "field \(name) has value \"\(value)\", expected \(expected)"
        case .malformedBody(let why): return "malformed body: \(why)"
        }
    }
}

import NIOCore

/// Why a message id could not be decoded.
public struct MessageIdError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Human-readable reason, including the offending id.
    public let reason: String

    /// Creates an error with `reason`.
    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}

/// Offset message ids (wire.md §5.7): store host address + port + commit-log offset, as uppercase
/// hex — 32 characters for an IPv4 store host, 56 for IPv6.
public enum MessageId {
    /// Encodes the id of the record at commit-log `offset` stored by `storeHost`.
    public static func encode(storeHost: HostAddress, offset: Int64) -> String {
        var bytes = storeHost.address
        bytes.reserveCapacity(bytes.count + 12)
        withUnsafeBytes(of: storeHost.port.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: offset.bigEndian) { bytes.append(contentsOf: $0) }
        return Hex.encode(bytes)
    }

    /// Decodes an offset message id into the store host and commit-log offset.
    /// - Throws: ``MessageIdError`` naming the problem (length, non-hex character, negative offset).
    public static func decode(_ id: String) throws(MessageIdError) -> (storeHost: HostAddress, offset: Int64) {
        let length = id.utf8.count
        guard length == 32 || length == 56 else {
            throw MessageIdError(
                "message id '\(id)' has \(length) characters; an offset message id has 32 (IPv4) or 56 (IPv6)")
        }
        guard let bytes = Hex.decode(id) else {
            throw MessageIdError("message id '\(id)' contains a character that is not hexadecimal")
        }
        let ipLength = length == 32 ? 4 : 16
        var buffer = ByteBuffer(bytes: bytes)
        guard let host = HostAddress.read(from: &buffer, ipv6: ipLength == 16),
            let offset = buffer.readInteger(as: Int64.self)
        else { throw MessageIdError("message id '\(id)' is truncated") }
        guard offset >= 0 else {
            throw MessageIdError("message id '\(id)' encodes a negative commit-log offset \(offset)")
        }
        return (host, offset)
    }

    /// Whether `id` looks like an offset message id (right length, hex only).
    public static func isOffsetMessageId(_ id: String) -> Bool {
        (try? decode(id)) != nil
    }
}

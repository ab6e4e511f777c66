/// The handle a producer recalls a timer message with (Apache's `RecallMessageHandle.HandleV1`): the send
/// result carries it, RECALL_MESSAGE (370) hands it back. Its text is `v1 <topic> <brokerName> <timestamp>
/// <messageId>` in URL-safe Base64 with padding (Java's `Base64.getUrlEncoder()`); `timestamp` is the
/// message's TIMER_OUT_MS + 1 and `messageId` its UNIQ_KEY.
public struct RecallHandle: Sendable, Equatable {
    public var topic: String
    public var brokerName: String
    /// Epoch milliseconds, as text: Apache does not check it when decoding, only when recalling.
    public var timestamp: String
    /// The message's UNIQ_KEY.
    public var messageId: String

    public init(topic: String, brokerName: String, timestamp: String, messageId: String) {
        self.topic = topic
        self.brokerName = brokerName
        self.timestamp = timestamp
        self.messageId = messageId
    }

    /// Why a handle cannot be read: Apache's one remark for every such case.
    public struct Invalid: Error, CustomStringConvertible, Equatable {
        public init() {}
        public var description: String { "recall handle is invalid" }
    }

    /// The handle as sent on the wire.
    public var encoded: String {
        URLSafeBase64.encode(Array(["v1", topic, brokerName, timestamp, messageId].joined(separator: " ").utf8))
    }

    /// Reads a handle as Apache's `decodeHandle` does: Base64url (padding optional), at least five
    /// space-separated items, the first "v1"; items beyond the fifth are ignored.
    public init(decoding handle: String) throws(Invalid) {
        guard !handle.isEmpty, let bytes = URLSafeBase64.decode(handle) else { throw Invalid() }
        // Java's String.split drops trailing empty strings but keeps inner ones.
        var items = String(decoding: bytes, as: UTF8.self).split(separator: " ", omittingEmptySubsequences: false)
        while items.last?.isEmpty == true { items.removeLast() }
        guard items.count >= 5, items[0] == "v1" else { throw Invalid() }
        self.init(
            topic: String(items[1]), brokerName: String(items[2]), timestamp: String(items[3]),
            messageId: String(items[4]))
    }
}

/// RFC 4648 §5 Base64 ("-" and "_" for "+" and "/"), written with padding, read with or without it.
enum URLSafeBase64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(i + 1 < bytes.count ? bytes[i + 1] : 0) << 8
                | UInt32(i + 2 < bytes.count ? bytes[i + 2] : 0)
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(n & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Nil for a character outside the alphabet, misplaced padding or an impossible length (Java throws).
    static func decode(_ text: String) -> [UInt8]? {
        var chars = Array(text.utf8)
        if chars.count % 4 == 0, chars.last == UInt8(ascii: "=") {
            chars.removeLast()
            if chars.last == UInt8(ascii: "=") { chars.removeLast() }
        }
        guard chars.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for c in chars {
            guard let v = value(of: c) else { return nil }
            buffer = buffer << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return out
    }

    private static func value(of c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt32(c - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt32(c - UInt8(ascii: "a") + 26)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0") + 52)
        case UInt8(ascii: "-"): return 62
        case UInt8(ascii: "_"): return 63
        default: return nil
        }
    }
}

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
        Base64.encode(Array(["v1", topic, brokerName, timestamp, messageId].joined(separator: " ").utf8), .urlSafe)
    }

    /// Reads a handle as Apache's `decodeHandle` does: Base64url (padding optional), at least five
    /// space-separated items, the first "v1"; items beyond the fifth are ignored.
    public init(decoding handle: String) throws(Invalid) {
        guard !handle.isEmpty, let bytes = Base64.decode(handle, .urlSafe) else { throw Invalid() }
        // Java's String.split drops trailing empty strings but keeps inner ones.
        var items = String(decoding: bytes, as: UTF8.self).split(separator: " ", omittingEmptySubsequences: false)
        while items.last?.isEmpty == true { items.removeLast() }
        guard items.count >= 5, items[0] == "v1" else { throw Invalid() }
        self.init(
            topic: String(items[1]), brokerName: String(items[2]), timestamp: String(items[3]),
            messageId: String(items[4]))
    }
}

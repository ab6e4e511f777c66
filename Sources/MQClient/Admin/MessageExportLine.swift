import Foundation
import MQProtocol

/// One line of `message export` (docs/schemas/message-export.json): a stored message with every property and
/// its body in base64, so binary bodies and any property survive a round trip through `message import`.
public struct MessageExportLine: Codable, Sendable, Equatable {
    public var topic: String
    public var queueId: Int32
    public var queueOffset: Int64
    public var msgId: String
    public var offsetMsgId: String
    /// Epoch ms, broker clock.
    public var storeTime: Int64
    /// Epoch ms, producer clock.
    public var bornTime: Int64
    public var storeHost: String
    public var keys: [String]
    public var tags: String?
    /// Every property as stored (KEYS, TAGS and UNIQ_KEY included).
    public var properties: [String: String]
    /// The body, decompressed, in standard base64 with padding.
    public var body: String
    public var reconsumeTimes: Int32
    /// The producer's user flag.
    public var flag: Int32

    public init(_ m: MessageExt) {
        topic = m.topic
        queueId = m.queueId
        queueOffset = m.queueOffset
        msgId = m.msgId
        offsetMsgId = m.offsetMsgId
        storeTime = m.storeTimestamp
        bornTime = m.bornTimestamp
        storeHost = m.storeHost.description
        keys = m.keys
        tags = m.tags
        var all: [String: String] = [:]
        for p in m.properties { all[p.name] = p.value }
        properties = all
        body = Data(m.body.readableBytesView).base64EncodedString()
        reconsumeTimes = m.reconsumeTimes
        flag = m.flag
    }
}

/// A line of an import file as read: only what a send needs is required (body); the rest defaults, so a line
/// can be written by hand. `keys` and `tags`, when given, win over KEYS and TAGS in `properties`.
public struct MessageImportLine: Decodable, Sendable {
    public var keys: [String]?
    public var tags: String?
    public var properties: [String: String]?
    public var body: String
    public var flag: Int32?

    /// The message to send to `topic`, or why the line cannot be sent.
    public func message(to topic: String) throws(ImportLineProblem) -> Message {
        guard let bytes = Data(base64Encoded: body) else { throw ImportLineProblem("body is not valid base64") }
        guard !bytes.isEmpty else { throw ImportLineProblem("body is empty; RocketMQ does not store empty bodies") }
        var all = properties ?? [:]
        if let keys {
            if let bad = keys.first(where: { $0.isEmpty || $0.contains(" ") }) {
                throw ImportLineProblem("key \"\(bad)\" is empty or contains a space (keys are space-separated)")
            }
            all[MessageConst.keys] = keys.isEmpty ? nil : keys.joined(separator: " ")
        }
        if let tags { all[MessageConst.tags] = tags }
        for (name, value) in all {
            if name.isEmpty { throw ImportLineProblem("a property has an empty name") }
            let separators: Set<Character> = [MessageConst.nameValueSeparator, MessageConst.propertySeparator]
            if name.contains(where: separators.contains) || value.contains(where: separators.contains) {
                throw ImportLineProblem("property \(name) contains \\u0001 or \\u0002, RocketMQ's separators")
            }
        }
        let ordered = MessageProperties(all.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        return MessageCopy.forImport(body: Array(bytes), flag: flag ?? 0, properties: ordered, to: topic)
    }
}

/// Why one import line cannot be sent.
public struct ImportLineProblem: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

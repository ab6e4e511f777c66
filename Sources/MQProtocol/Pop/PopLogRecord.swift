/// One record of the pop log (`rmq_sys_pop_log`, docs/store-format.md "POP log"): the message's tag is the
/// kind, its body the JSON below with short keys. Pure codec; the broker replays these at start-up.
public enum PopLogRecord: Sendable, Equatable {
    case checkpoint(PopCheckpointRecord)
    case ack(PopAckRecord)
    case change(PopChangeRecord)
    case revive(PopReviveRecord)

    public static let checkpointTag = "ck"
    public static let ackTag = "ack"
    public static let changeTag = "chg"
    public static let reviveTag = "rev"

    public var tag: String {
        switch self {
        case .checkpoint: Self.checkpointTag
        case .ack: Self.ackTag
        case .change: Self.changeTag
        case .revive: Self.reviveTag
        }
    }

    /// The body bytes (fastjson style, sorted keys).
    public func encodeBody() -> [UInt8] {
        let encoder = FastJSONEncoder()
        let bytes: [UInt8]?
        switch self {
        case .checkpoint(let r): bytes = try? encoder.encode(r)
        case .ack(let r): bytes = try? encoder.encode(r)
        case .change(let r): bytes = try? encoder.encode(r)
        case .revive(let r): bytes = try? encoder.encode(r)
        }
        // Encoding plain structs of strings and numbers cannot fail.
        return bytes ?? Array("{}".utf8)
    }

    /// Decodes a record; throws `ProtocolError.malformedBody` for an unknown tag or a body that is not one.
    public init(tag: String, body: [UInt8]) throws(ProtocolError) {
        let decoder = FastJSONDecoder()
        do {
            switch tag {
            case Self.checkpointTag: self = .checkpoint(try decoder.decode(PopCheckpointRecord.self, from: body))
            case Self.ackTag: self = .ack(try decoder.decode(PopAckRecord.self, from: body))
            case Self.changeTag: self = .change(try decoder.decode(PopChangeRecord.self, from: body))
            case Self.reviveTag: self = .revive(try decoder.decode(PopReviveRecord.self, from: body))
            default: throw ProtocolError.malformedBody("unknown pop log record tag \"\(tag)\"")
            }
        } catch let error as ProtocolError {
            throw error
        } catch let error as DecodingError {
            throw .malformedBody("pop log \(tag) record: \(describe(error))")
        } catch {
            throw .malformedBody("pop log \(tag) record: \(error)")
        }
    }

    /// libFuzzer entry: decoding never traps, and a decoded record survives encode → decode unchanged.
    public static func fuzz(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let tags = [checkpointTag, ackTag, changeTag, reviveTag]
        let body = Array(bytes.dropFirst())
        if let record = try? PopLogRecord(tag: tags[Int(first) % tags.count], body: body) {
            let again = try? PopLogRecord(tag: record.tag, body: record.encodeBody())
            precondition(again == record, "pop log record round trip changed \(record)")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            if let handle = PopExtraInfo(parsing: text) {
                precondition(PopExtraInfo(parsing: handle.description) == handle, "handle round trip: \(text)")
            }
            _ = PopOffsetInfo(parsing: text)
        }
    }
}

/// `ck`: one pop of n messages from (realTopic, queue); `realTopic` is the original topic or the POP retry topic.
public struct PopCheckpointRecord: Codable, Sendable, Equatable {
    public var group: String
    public var topic: String
    public var queueId: Int32
    public var startOffset: Int64
    /// Each popped offset minus `startOffset`.
    public var deltas: [Int64]
    public var popTime: Int64
    public var invisibleTime: Int64
    public var orderly: Bool
    /// Orderly: each offset's consume count.
    public var attempts: [Int32]?
    /// gRPC push consumers: renewed in memory while the client lives.
    public var autoRenew: Bool
    public var clientId: String?

    public init(
        group: String, topic: String, queueId: Int32, startOffset: Int64, deltas: [Int64], popTime: Int64,
        invisibleTime: Int64, orderly: Bool = false, attempts: [Int32]? = nil, autoRenew: Bool = false,
        clientId: String? = nil
    ) {
        self.group = group
        self.topic = topic
        self.queueId = queueId
        self.startOffset = startOffset
        self.deltas = deltas
        self.popTime = popTime
        self.invisibleTime = invisibleTime
        self.orderly = orderly
        self.attempts = attempts
        self.autoRenew = autoRenew
        self.clientId = clientId
    }

    public var offsets: [Int64] { deltas.map { startOffset &+ $0 } }

    enum CodingKeys: String, CodingKey {
        case group = "g", topic = "t", queueId = "q", startOffset = "so", deltas = "d", popTime = "pt"
        case invisibleTime = "it", orderly = "o", attempts = "a", autoRenew = "r", clientId = "c"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        group = try c.decode(String.self, forKey: .group)
        topic = try c.decode(String.self, forKey: .topic)
        queueId = try c.decode(Int32.self, forKey: .queueId)
        startOffset = try c.decode(Int64.self, forKey: .startOffset)
        deltas = try c.decode([Int64].self, forKey: .deltas)
        popTime = try c.decode(Int64.self, forKey: .popTime)
        invisibleTime = try c.decode(Int64.self, forKey: .invisibleTime)
        orderly = try c.decodeIfPresent(Bool.self, forKey: .orderly) ?? false
        attempts = try c.decodeIfPresent([Int32].self, forKey: .attempts)
        autoRenew = try c.decodeIfPresent(Bool.self, forKey: .autoRenew) ?? false
        clientId = try c.decodeIfPresent(String.self, forKey: .clientId)
    }
}

/// `ack`: offsets of one pop generation (`popTime`) acked (ACK_MESSAGE, BATCH_ACK_MESSAGE, forward to DLQ).
public struct PopAckRecord: Codable, Sendable, Equatable {
    public var group: String
    public var topic: String
    public var queueId: Int32
    public var popTime: Int64
    public var offsets: [Int64]

    public init(group: String, topic: String, queueId: Int32, popTime: Int64, offsets: [Int64]) {
        self.group = group
        self.topic = topic
        self.queueId = queueId
        self.popTime = popTime
        self.offsets = offsets
    }

    enum CodingKeys: String, CodingKey {
        case group = "g", topic = "t", queueId = "q", popTime = "pt", offsets = "ao"
    }
}

/// `chg`: a change of invisible time of one offset: the old generation ends, a new one (`newPopTime`) begins.
public struct PopChangeRecord: Codable, Sendable, Equatable {
    public var group: String
    public var topic: String
    public var queueId: Int32
    public var offset: Int64
    public var popTime: Int64
    public var newPopTime: Int64
    public var invisibleTime: Int64

    public init(
        group: String, topic: String, queueId: Int32, offset: Int64, popTime: Int64, newPopTime: Int64,
        invisibleTime: Int64
    ) {
        self.group = group
        self.topic = topic
        self.queueId = queueId
        self.offset = offset
        self.popTime = popTime
        self.newPopTime = newPopTime
        self.invisibleTime = invisibleTime
    }

    enum CodingKeys: String, CodingKey {
        case group = "g", topic = "t", queueId = "q", offset = "ao", popTime = "pt", newPopTime = "npt"
        case invisibleTime = "it"
    }
}

/// `rev`: offsets whose invisible time passed, written after their copy went to the retry topic or the DLQ.
public struct PopReviveRecord: Codable, Sendable, Equatable {
    public enum Destination: String, Codable, Sendable {
        case retry, dlq, rewind
    }

    public var group: String
    public var topic: String
    public var queueId: Int32
    public var popTime: Int64
    public var offsets: [Int64]
    public var destination: Destination

    public init(
        group: String, topic: String, queueId: Int32, popTime: Int64, offsets: [Int64], destination: Destination
    ) {
        self.group = group
        self.topic = topic
        self.queueId = queueId
        self.popTime = popTime
        self.offsets = offsets
        self.destination = destination
    }

    enum CodingKeys: String, CodingKey {
        case group = "g", topic = "t", queueId = "q", popTime = "pt", offsets = "ao", destination = "to"
    }
}

/// BATCH_ACK_MESSAGE (200151)'s body: Apache's `BatchAckMessageRequestBody`.
public struct BatchAckMessageRequestBody: Codable, Sendable, Equatable {
    public var brokerName: String?
    public var acks: [BatchAck]

    public init(brokerName: String?, acks: [BatchAck]) {
        self.brokerName = brokerName
        self.acks = acks
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        brokerName = try c.decodeIfPresent(String.self, forKey: .brokerName)
        acks = try c.decodeIfPresent([BatchAck].self, forKey: .acks) ?? []
    }
}

/// One pop's acks in a queue (Apache's `BatchAck`): fastjson writes the short names (`c`, `t`, `r`, `so`, `q`, `rq`,
/// `pt`, `it`, `b`) and reads the long ones too. `b` is Java's `BitSet.toByteArray()` as a fastjson byte array
/// (base64): bit i acks offset `startOffset + i`.
public struct BatchAck: Codable, Sendable, Equatable {
    public var consumerGroup: String
    /// The original topic (the retry topic is derived from it with `retry`).
    public var topic: String
    /// "0", "1" (retry topic V1) or "2" (V2): `PopTopicFlag`.
    public var retry: String
    public var startOffset: Int64
    public var queueId: Int32
    public var reviveQueueId: Int32
    public var popTime: Int64
    public var invisibleTime: Int64
    /// Indexes of the set bits (offset − startOffset), ascending.
    public var ackedIndexes: [Int]

    public init(
        consumerGroup: String, topic: String, retry: String, startOffset: Int64, queueId: Int32, reviveQueueId: Int32,
        popTime: Int64, invisibleTime: Int64, ackedIndexes: [Int]
    ) {
        self.consumerGroup = consumerGroup
        self.topic = topic
        self.retry = retry
        self.startOffset = startOffset
        self.queueId = queueId
        self.reviveQueueId = reviveQueueId
        self.popTime = popTime
        self.invisibleTime = invisibleTime
        self.ackedIndexes = ackedIndexes
    }

    /// The acked queue offsets.
    public var ackedOffsets: [Int64] { ackedIndexes.map { startOffset + Int64($0) } }

    /// The real topic the acked messages live in.
    public var realTopic: String? {
        PopTopicFlag(rawValue: retry).map { $0.realTopic(topic: topic, group: consumerGroup) }
    }

    private enum Short: String, CodingKey { case c, t, r, so, q, rq, pt, it, b }
    private enum Long: String, CodingKey {
        case consumerGroup, topic, retry, startOffset, queueId, reviveQueueId, popTime, invisibleTime, bitSet
    }

    public init(from decoder: any Decoder) throws {
        let s = try decoder.container(keyedBy: Short.self)
        let l = try decoder.container(keyedBy: Long.self)
        func pick<T: Decodable>(_ short: Short, _ long: Long, _ type: T.Type) throws -> T? {
            try s.decodeIfPresent(T.self, forKey: short) ?? l.decodeIfPresent(T.self, forKey: long)
        }
        guard let group = try pick(.c, .consumerGroup, String.self), let topic = try pick(.t, .topic, String.self)
        else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "no group/topic"))
        }
        consumerGroup = group
        self.topic = topic
        retry = try pick(.r, .retry, String.self) ?? "0"
        startOffset = try pick(.so, .startOffset, Int64.self) ?? 0
        queueId = try pick(.q, .queueId, Int32.self) ?? 0
        reviveQueueId = try pick(.rq, .reviveQueueId, Int32.self) ?? 0
        popTime = try pick(.pt, .popTime, Int64.self) ?? 0
        invisibleTime = try pick(.it, .invisibleTime, Int64.self) ?? 0
        let bits = try pick(.b, .bitSet, String.self) ?? ""
        guard let bytes = Base64.decode(bits) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad bitSet"))
        }
        ackedIndexes = JavaBitSet.indexes(bytes)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Short.self)
        try c.encode(consumerGroup, forKey: .c)
        try c.encode(topic, forKey: .t)
        try c.encode(retry, forKey: .r)
        try c.encode(startOffset, forKey: .so)
        try c.encode(queueId, forKey: .q)
        try c.encode(reviveQueueId, forKey: .rq)
        try c.encode(popTime, forKey: .pt)
        try c.encode(invisibleTime, forKey: .it)
        try c.encode(Base64.encode(JavaBitSet.bytes(ackedIndexes)), forKey: .b)
    }
}

/// `java.util.BitSet`'s byte form: little-endian, bit i in byte i/8, trailing zero bytes dropped.
enum JavaBitSet {
    static func bytes(_ indexes: [Int]) -> [UInt8] {
        let valid = indexes.filter { $0 >= 0 }
        guard let top = valid.max() else { return [] }
        var out = [UInt8](repeating: 0, count: top / 8 + 1)
        for i in valid { out[i / 8] |= UInt8(1) << UInt8(i % 8) }
        return out
    }

    static func indexes(_ bytes: [UInt8]) -> [Int] {
        var out: [Int] = []
        for (n, byte) in bytes.enumerated() where byte != 0 {
            for bit in 0..<8 where byte & (UInt8(1) << UInt8(bit)) != 0 { out.append(n * 8 + bit) }
        }
        return out
    }
}

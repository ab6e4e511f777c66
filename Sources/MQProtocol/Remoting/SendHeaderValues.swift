/// The fields of ``SendMessageRequestHeader``, under either naming (long names for SEND_MESSAGE, `a`..`n` for V2
/// and batch).
enum SendField {
    case producerGroup, topic, defaultTopic, defaultTopicQueueNums, queueId, sysFlag, bornTimestamp, flag
    case properties, reconsumeTimes, unitMode, batch, maxReconsumeTimes, brokerName

    enum Kind { case string, number, bool }

    var kind: Kind {
        switch self {
        case .producerGroup, .topic, .defaultTopic, .properties, .brokerName: return .string
        case .unitMode, .batch: return .bool
        default: return .number
        }
    }

    /// `a`..`n` in ``SendMessageRequestHeaderV2``'s order.
    static let v2Order: [SendField] = [
        .producerGroup, .topic, .defaultTopic, .defaultTopicQueueNums, .queueId, .sysFlag, .bornTimestamp, .flag,
        .properties, .reconsumeTimes, .unitMode, .maxReconsumeTimes, .batch, .brokerName,
    ]
}

/// What an `extFields` key is to the send header reader.
enum SendHeaderKey {
    case field(SendField, v2: Bool)
    /// `Signature`: the request is verified from its field map (ACL), so it takes the generic way.
    case signature
    case other

    /// The key whose UTF-8 bytes are `key`. Byte equality is the map's `String` equality here: none of these
    /// names is canonically equivalent to any other text (the only non-ASCII text equivalent to an ASCII letter is
    /// the Kelvin sign, to `K`, which no name holds), and invalid UTF-8 decodes to text holding U+FFFD.
    init(_ key: UnsafeRawBufferPointer) {
        switch key.count {
        case 1 where key[0] >= UInt8(ascii: "a") && key[0] <= UInt8(ascii: "n"):
            self = .field(SendField.v2Order[Int(key[0] - UInt8(ascii: "a"))], v2: true)
        case 4 where key.holds("flag"): self = .field(.flag, v2: false)
        case 5 where key.holds("topic"): self = .field(.topic, v2: false)
        case 5 where key.holds("batch"): self = .field(.batch, v2: false)
        case 5 where key.holds("bname"): self = .field(.brokerName, v2: false)
        case 7 where key.holds("queueId"): self = .field(.queueId, v2: false)
        case 7 where key.holds("sysFlag"): self = .field(.sysFlag, v2: false)
        case 8 where key.holds("unitMode"): self = .field(.unitMode, v2: false)
        case 9 where key.holds("Signature"): self = .signature
        case 10 where key.holds("properties"): self = .field(.properties, v2: false)
        case 12 where key.holds("defaultTopic"): self = .field(.defaultTopic, v2: false)
        case 13 where key.holds("producerGroup"): self = .field(.producerGroup, v2: false)
        case 13 where key.holds("bornTimestamp"): self = .field(.bornTimestamp, v2: false)
        case 14 where key.holds("reconsumeTimes"): self = .field(.reconsumeTimes, v2: false)
        case 17 where key.holds("maxReconsumeTimes"): self = .field(.maxReconsumeTimes, v2: false)
        case 21 where key.holds("defaultTopicQueueNums"): self = .field(.defaultTopicQueueNums, v2: false)
        default: self = .other
        }
    }

    /// The key `text` (a key the JSON reader had to decode: escapes, bare or single-quoted), compared as the map
    /// compares it.
    init(text: String?) {
        guard let text else {
            self = .other
            return
        }
        switch text {
        case "Signature": self = .signature
        case "producerGroup", "topic", "defaultTopic", "defaultTopicQueueNums", "queueId", "sysFlag",
            "bornTimestamp", "flag", "properties", "reconsumeTimes", "unitMode", "batch", "maxReconsumeTimes",
            "bname", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n":
            // Equal to one of the names above, so the same bytes as that name.
            var name = text
            self = name.withUTF8 { SendHeaderKey(UnsafeRawBufferPointer($0)) }
        default: self = .other
        }
    }
}

/// The send header's fields as the generic path reads them from its `[String: String]` (``HeaderFields``): the
/// last value of a key wins, numbers are parsed from the value's text, booleans are `true` (any case) or `1`.
struct SendFieldValues {
    enum Number {
        case absent, value(Int64), invalid

        /// nil when absent; throws where ``HeaderFields/int32(_:)`` throws.
        func int32() throws(SendHeaderRefused) -> Int32? {
            switch self {
            case .absent: return nil
            case .value(let v):
                guard let n = Int32(exactly: v) else { throw SendHeaderRefused() }
                return n
            case .invalid: throw SendHeaderRefused()
            }
        }

        func int64() throws(SendHeaderRefused) -> Int64? {
            switch self {
            case .absent: return nil
            case .value(let v): return v
            case .invalid: throw SendHeaderRefused()
            }
        }
    }

    var producerGroup, topic, defaultTopic, properties, brokerName: String?
    var defaultTopicQueueNums = Number.absent, queueId = Number.absent, sysFlag = Number.absent
    var bornTimestamp = Number.absent, flag = Number.absent, reconsumeTimes = Number.absent
    var maxReconsumeTimes = Number.absent
    var unitMode, batch: Bool?

    /// Sets `field` to the value whose UTF-8 bytes are `bytes`; plain integers and booleans without a `String`.
    mutating func set(_ field: SendField, bytes: UnsafeRawBufferPointer) {
        switch field.kind {
        case .number:
            if let n = Self.plainInteger(bytes) { return setNumber(field, .value(n)) }
        case .bool:
            if let b = Self.plainBool(bytes) { return setBool(field, b) }
        case .string:
            break
        }
        set(field, text: String(decoding: bytes, as: UTF8.self))
    }

    mutating func set(_ field: SendField, text: String) {
        switch field.kind {
        case .string: setString(field, text)
        case .number: setNumber(field, HeaderFields.parseInteger(text).map(Number.value) ?? .invalid)
        case .bool: setBool(field, HeaderFields.parseBool(text))
        }
    }

    private mutating func setString(_ field: SendField, _ text: String) {
        switch field {
        case .producerGroup: producerGroup = text
        case .topic: topic = text
        case .defaultTopic: defaultTopic = text
        case .properties: properties = text
        default: brokerName = text
        }
    }

    private mutating func setNumber(_ field: SendField, _ number: Number) {
        switch field {
        case .defaultTopicQueueNums: defaultTopicQueueNums = number
        case .queueId: queueId = number
        case .sysFlag: sysFlag = number
        case .bornTimestamp: bornTimestamp = number
        case .flag: flag = number
        case .reconsumeTimes: reconsumeTimes = number
        default: maxReconsumeTimes = number
        }
    }

    private mutating func setBool(_ field: SendField, _ value: Bool) {
        if field == .unitMode { unitMode = value } else { batch = value }
    }

    /// `-?[0-9]{1,18}`: what `Int64(text)` reads, with no room to overflow; nil for anything else.
    static func plainInteger(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let negative = bytes.first == UInt8(ascii: "-")
        let digits = bytes.count - (negative ? 1 : 0)
        guard digits >= 1 && digits <= 18 else { return nil }
        var value: Int64 = 0
        for b in bytes[(negative ? 1 : 0)...] {
            guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(b - UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }

    /// `1`, `0`, `true`, `false` as ``HeaderFields/parseBool(_:)`` reads them; nil for anything else.
    static func plainBool(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        switch bytes.count {
        case 1: return bytes[0] == UInt8(ascii: "1") ? true : bytes[0] == UInt8(ascii: "0") ? false : nil
        case 4: return "true".utf8.elementsEqual(bytes) ? true : nil
        case 5: return "false".utf8.elementsEqual(bytes) ? false : nil
        default: return nil
        }
    }

    /// The header ``SendMessageRequestHeader/init(fields:)`` (or the V2 one) reads from the same map; throws where
    /// it throws. Both namings read the same fields with the same defaults.
    func header() throws(SendHeaderRefused) -> SendMessageRequestHeader {
        guard let producerGroup, let topic, let queueId = try self.queueId.int32() else { throw SendHeaderRefused() }
        var h = SendMessageRequestHeader(producerGroup: producerGroup, topic: topic, queueId: queueId)
        h.defaultTopic = defaultTopic ?? "TBW102"
        h.defaultTopicQueueNums = try defaultTopicQueueNums.int32() ?? 4
        h.sysFlag = try sysFlag.int32() ?? 0
        h.bornTimestamp = try bornTimestamp.int64() ?? 0
        h.flag = try flag.int32() ?? 0
        h.properties = properties
        h.reconsumeTimes = try reconsumeTimes.int32()
        h.unitMode = unitMode
        h.batch = batch
        h.maxReconsumeTimes = try maxReconsumeTimes.int32()
        h.brokerName = brokerName
        return h
    }
}

/// The typed decode would refuse the header: the generic path then gives the answer it gives today.
struct SendHeaderRefused: Error {}

/// Both namings' values of one header's `extFields`: which one counts depends on the code, which a JSON header may
/// give after its fields.
struct SendHeaderValues {
    var long = SendFieldValues()
    var v2 = SendFieldValues()
    var signed = false

    mutating func set(_ key: SendHeaderKey, bytes: UnsafeRawBufferPointer) {
        switch key {
        case .field(let field, let isV2):
            if isV2 { v2.set(field, bytes: bytes) } else { long.set(field, bytes: bytes) }
        case .signature: signed = true
        case .other: break
        }
    }

    mutating func set(_ key: SendHeaderKey, text: String) {
        switch key {
        case .field(let field, let isV2):
            if isV2 { v2.set(field, text: text) } else { long.set(field, text: text) }
        case .signature: signed = true
        case .other: break
        }
    }
}

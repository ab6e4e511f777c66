/// Encodes `Encodable` models the way fastjson serializes Java beans.
///
/// Properties are sorted by name (fastjson's SortField), nil optionals are omitted,
/// integer dictionary keys are written as numbers (unquoted in `.fastjson` style), and a
/// `JSONValue` property is written as is.
public struct FastJSONEncoder: Sendable {
    public var style: JSONStyle

    public init(style: JSONStyle = .fastjson) {
        self.style = style
    }

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        JSONWriter.write(try encodeToValue(value), style: style)
    }

    public func encodeToValue<T: Encodable>(_ value: T) throws -> JSONValue {
        if let v = value as? JSONValue { return v }
        let root = Slot()
        try value.encode(to: ValueEncoder(slot: root, codingPath: []))
        return root.resolve() ?? .null
    }
}

/// A mutable place a value is written into; containers resolve lazily so nested writes land.
private final class Slot {
    enum Content {
        case empty
        case value(JSONValue)
        case object(ObjectBox)
        case array(ArrayBox)
    }
    var content: Content = .empty

    func resolve() -> JSONValue? {
        switch content {
        case .empty: return nil
        case .value(let v): return v
        case .object(let box): return box.resolve()
        case .array(let box): return box.resolve()
        }
    }
}

private final class ObjectBox {
    /// A member as written: its key's text and number are read once here, not at every comparison of the sort.
    struct Entry {
        let name: String
        let number: Int?
        let slot: Slot
    }
    var entries: [Entry] = []
    /// Entry positions by key text once the object outgrows a search: a map with thousands of keys (a broker's
    /// topic table in every registration) was quadratic to encode, 0.2 s per registration at 2,000 topics.
    var index: [String: Int]?
    static let searchedUpTo = 16

    func slot(for key: any CodingKey) -> Slot {
        let name = key.stringValue
        if let index {
            if let i = index[name] { return entries[i].slot }
        } else if let existing = entries.first(where: { $0.name == name }) {
            return existing.slot
        }
        let s = Slot()
        entries.append(Entry(name: name, number: key.intValue, slot: s))
        if index != nil {
            index![name] = entries.count - 1
        } else if entries.count > Self.searchedUpTo {
            var built: [String: Int] = [:]
            for (i, e) in entries.enumerated() where built[e.name] == nil { built[e.name] = i }
            index = built
        }
        return s
    }

    /// Members in fastjson's order. Positions are sorted, not entries: sorting the entries themselves copied
    /// (and retained) a key and a slot at every move, most of the time a broker spent answering
    /// GET_ALL_TOPIC_CONFIG (docs/performance.md, "CLI start").
    func resolve() -> JSONValue {
        let numeric = !entries.isEmpty && entries.allSatisfy { $0.number != nil }
        let order: [Int] = entries.withUnsafeBufferPointer { e in
            numeric
                ? e.indices.sorted { e[$0].number! < e[$1].number! }
                : e.indices.sorted { e[$0].name < e[$1].name }
        }
        var members: [JSONMember] = []
        members.reserveCapacity(order.count)
        for i in order {
            let entry = entries[i]
            guard let v = entry.slot.resolve() else { continue }
            let k: JSONValue = entry.number.map { .number(String($0)) } ?? .string(entry.name)
            members.append(JSONMember(key: k, value: v))
        }
        return .object(members)
    }
}

private final class ArrayBox {
    var slots: [Slot] = []
    func append() -> Slot {
        let s = Slot()
        slots.append(s)
        return s
    }
    func resolve() -> JSONValue { .array(slots.map { $0.resolve() ?? .null }) }
}

private func scalarValue<T: Encodable>(_ value: T) -> JSONValue? {
    switch value {
    case let v as JSONValue: return v
    case let v as String: return .string(v)
    case let v as Bool: return .bool(v)
    case let v as Double: return .double(v)
    case let v as Float: return .double(Double(v))
    case let v as any FixedWidthInteger: return .number(String(describing: v))
    default: return nil
    }
}

private func encodeAny<T: Encodable>(_ value: T, into slot: Slot, path: [any CodingKey]) throws {
    if let scalar = scalarValue(value) {
        slot.content = .value(scalar)
    } else {
        try value.encode(to: ValueEncoder(slot: slot, codingPath: path))
    }
}

private struct ValueEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: ObjectBox
        if case .object(let existing) = slot.content {
            box = existing
        } else {
            box = ObjectBox()
            slot.content = .object(box)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: ArrayBox
        if case .array(let existing) = slot.content {
            box = existing
        } else {
            box = ArrayBox()
            slot.content = .array(box)
        }
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(slot: slot, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ObjectBox
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {}  // fastjson omits nulls

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeAny(value, into: box.slot(for: key), path: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        ValueEncoder(slot: box.slot(for: key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ValueEncoder(slot: box.slot(for: key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        ValueEncoder(slot: box.slot(for: AnyCodingKey(stringValue: "super")), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ValueEncoder(slot: box.slot(for: key), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: ArrayBox
    let codingPath: [any CodingKey]
    var count: Int { box.slots.count }

    mutating func encodeNil() throws { box.append().content = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeAny(value, into: box.append(), path: codingPath + [AnyCodingKey(intValue: count)])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        ValueEncoder(slot: box.append(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        ValueEncoder(slot: box.append(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(slot: box.append(), codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]
    mutating func encodeNil() throws { slot.content = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encodeAny(value, into: slot, path: codingPath) }
}

extension JSONValue: Codable {
    // Only meaningful through FastJSONEncoder/FastJSONDecoder, which special-case JSONValue.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        self = try c.decode(JSONValue.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(self)
    }
}

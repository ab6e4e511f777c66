/// Decodes `Decodable` models from `JSONValue`s, as leniently as fastjson reads them.
///
/// Strings are accepted where numbers or booleans are declared and the other way round
/// (C++ peers send `"subVersion":"1700000000000"`, Java sends numbers); unknown keys are ignored;
/// a model may declare a `JSONValue` property to receive any subtree raw (used for maps with
/// object keys).
public struct FastJSONDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try decode(type, from: JSONReader.parse(bytes))
    }

    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        if T.self == JSONValue.self { return value as! T }
        return try T(from: ValueDecoder(value: value, codingPath: []))
    }
}

/// Key used for dictionary entries and array positions in error paths.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = Int(stringValue)
    }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw DecodingError.typeMismatch(
                [String: Any].self, .init(codingPath: codingPath, debugDescription: "expected an object, found \(value.kind)"))
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else {
            throw DecodingError.typeMismatch(
                [Any].self, .init(codingPath: codingPath, debugDescription: "expected an array, found \(value.kind)"))
        }
        return UnkeyedContainer(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleContainer(value: value, codingPath: codingPath)
    }
}

extension JSONValue {
    var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// Scalar conversions shared by all container kinds.
private func decodeScalar<T: Decodable>(_ type: T.Type, _ value: JSONValue, _ path: [any CodingKey]) throws -> T {
    func mismatch() -> DecodingError {
        .typeMismatch(T.self, .init(codingPath: path, debugDescription: "cannot read \(T.self) from \(value.kind)"))
    }
    if T.self == JSONValue.self { return value as! T }
    if T.self == String.self {
        guard let s = value.stringValue else { throw mismatch() }
        return s as! T
    }
    if T.self == Bool.self {
        guard let b = value.boolValue else { throw mismatch() }
        return b as! T
    }
    if T.self == Double.self {
        guard let text = value.stringValue, let d = Double(text.trimmingASCIISpaces()) else { throw mismatch() }
        return d as! T
    }
    if T.self == Float.self {
        guard let text = value.stringValue, let d = Float(text.trimmingASCIISpaces()) else { throw mismatch() }
        return d as! T
    }
    if let intType = integerType(T.self) {
        guard let v = value.int64Value, let n = intType.init(exactly: v) else { throw mismatch() }
        return n as! T
    }
    return try T(from: ValueDecoder(value: value, codingPath: path))
}

/// The standard integer type `type` is, by metadata identity. Not `type as? any FixedWidthInteger.Type`: that
/// cast scans every protocol conformance in the binary once per decoded struct type (10,600 records in
/// mqadmin), a measurable share of a one-shot command's start (docs/performance.md, "CLI start").
private func integerType(_ type: Any.Type) -> (any FixedWidthInteger.Type)? {
    switch ObjectIdentifier(type) {
    case ObjectIdentifier(Int.self): Int.self
    case ObjectIdentifier(Int64.self): Int64.self
    case ObjectIdentifier(Int32.self): Int32.self
    case ObjectIdentifier(Int16.self): Int16.self
    case ObjectIdentifier(Int8.self): Int8.self
    case ObjectIdentifier(UInt.self): UInt.self
    case ObjectIdentifier(UInt64.self): UInt64.self
    case ObjectIdentifier(UInt32.self): UInt32.self
    case ObjectIdentifier(UInt16.self): UInt16.self
    case ObjectIdentifier(UInt8.self): UInt8.self
    default: nil
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [JSONMember]
    let codingPath: [any CodingKey]
    let index: [String: Int]

    init(members: [JSONMember], codingPath: [any CodingKey]) {
        self.members = members
        self.codingPath = codingPath
        var index: [String: Int] = [:]
        index.reserveCapacity(members.count)
        for (i, m) in members.enumerated() {
            if let k = m.key.keyText, index[k] == nil { index[k] = i }
        }
        self.index = index
    }

    var allKeys: [Key] { members.compactMap { $0.key.keyText.flatMap(Key.init(stringValue:)) } }

    func contains(_ key: Key) -> Bool { index[key.stringValue] != nil }

    func raw(_ key: Key) throws -> JSONValue {
        guard let i = index[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing \"\(key.stringValue)\""))
        }
        return members[i].value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let i = index[key.stringValue] else { return true }
        return members[i].value.isNull
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeScalar(type, raw(key), codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try ValueDecoder(value: raw(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: raw(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { ValueDecoder(value: .object(members), codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: (try? raw(key)) ?? .null, codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(items: [JSONValue], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next() throws -> (JSONValue, [any CodingKey]) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                JSONValue.self, .init(codingPath: codingPath, debugDescription: "array has no more elements"))
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], codingPath + [AnyCodingKey(intValue: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (v, path) = try next()
        return try decodeScalar(type, v, path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let (v, path) = try next()
        return try ValueDecoder(value: v, codingPath: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (v, path) = try next()
        return try ValueDecoder(value: v, codingPath: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (v, path) = try next()
        return ValueDecoder(value: v, codingPath: path)
    }
}

private struct SingleContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]
    func decodeNil() -> Bool { value.isNull }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeScalar(type, value, codingPath) }
}

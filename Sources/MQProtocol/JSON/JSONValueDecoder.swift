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
/// `path` is built only when needed (an error, a nested decoder): building it for every field was an allocation and,
/// in arrays, an integer formatted per element.
private func decodeScalar<T: Decodable>(
    _ type: T.Type, _ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]
) throws -> T {
    func mismatch() -> DecodingError {
        .typeMismatch(T.self, .init(codingPath: path(), debugDescription: "cannot read \(T.self) from \(value.kind)"))
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
    if T.self == [String: String].self { return try stringMap(value, path()) as! T }
    return try T(from: ValueDecoder(value: value, codingPath: path()))
}

/// A `[String: String]` (topic attributes, properties, configuration) read as the standard library's
/// `Dictionary(from:)` reads it through this decoder — members in order, the first of a repeated key wins, a value
/// that is not a scalar is a type mismatch — without its keyed container: that cost 6,800 instructions for one
/// topic's attributes, a third of decoding the topic (docs/performance.md, "CLI start").
private func stringMap(_ value: JSONValue, _ path: [any CodingKey]) throws -> [String: String] {
    guard case .object(let members) = value else {
        throw DecodingError.typeMismatch(
            [String: Any].self, .init(codingPath: path, debugDescription: "expected an object, found \(value.kind)"))
    }
    var map: [String: String] = [:]
    map.reserveCapacity(members.count)
    for member in members {
        guard let key = member.key.keyText, map[key] == nil else { continue }
        guard let text = member.value.stringValue else {
            throw DecodingError.typeMismatch(
                String.self,
                .init(
                    codingPath: path + [AnyCodingKey(stringValue: key)],
                    debugDescription: "cannot read String from \(member.value.kind)"))
        }
        map[key] = text
    }
    return map
}

/// An integer as `decodeScalar` reads one (the same values, the same error).
private func decodeInteger<T: FixedWidthInteger>(
    _ type: T.Type, _ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]
) throws -> T {
    guard let v = value.int64Value, let n = T(exactly: v) else {
        throw DecodingError.typeMismatch(
            T.self, .init(codingPath: path(), debugDescription: "cannot read \(T.self) from \(value.kind)"))
    }
    return n
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
    /// Member positions by key text (first wins), only for objects too large to search: maps keyed by topic, group
    /// or broker. A model's own object is searched, which costs less than hashing every key into a table first.
    let index: [String: Int]?
    static var searchedUpTo: Int { 24 }

    init(members: [JSONMember], codingPath: [any CodingKey]) {
        self.members = members
        self.codingPath = codingPath
        guard members.count > Self.searchedUpTo else {
            index = nil
            return
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(members.count)
        for (i, m) in members.enumerated() {
            if let k = m.key.keyText, index[k] == nil { index[k] = i }
        }
        self.index = index
    }

    /// The position of the first member named `key`.
    func position(_ key: Key) -> Int? {
        let name = key.stringValue
        if let index { return index[name] }
        return members.firstIndex { $0.key.keyText == name }
    }

    var allKeys: [Key] { members.compactMap { $0.key.keyText.flatMap(Key.init(stringValue:)) } }

    func contains(_ key: Key) -> Bool { position(key) != nil }

    func raw(_ key: Key) throws -> JSONValue {
        guard let i = position(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing \"\(key.stringValue)\""))
        }
        return members[i].value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let i = position(key) else { return true }
        return members[i].value.isNull
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeScalar(type, raw(key), codingPath + [key])
    }

    /// One lookup, where the protocol's default makes three (contains, decodeNil, decode).
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try present(type, key) }

    // The protocol's scalar forms are witnessed by its extension's non-generic defaults (three lookups) unless declared
    // here: a generic member ranks below them. These keep optional scalar fields, most of a model's, to one lookup.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try present(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try presentInteger(type, key) }

    private func present<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        guard let i = position(key), !members[i].value.isNull else { return nil }
        return try decodeScalar(type, members[i].value, codingPath + [key])
    }

    /// `present` for an integer type, specialized: no type tests, no existential.
    private func presentInteger<T: FixedWidthInteger>(_ type: T.Type, _ key: Key) throws -> T? {
        guard let i = position(key), !members[i].value.isNull else { return nil }
        return try decodeInteger(type, members[i].value, codingPath + [key])
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

    /// The next element and its position.
    mutating func next() throws -> (JSONValue, Int) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                JSONValue.self, .init(codingPath: codingPath, debugDescription: "array has no more elements"))
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], currentIndex)
    }

    func path(_ position: Int) -> [any CodingKey] { codingPath + [AnyCodingKey(intValue: position)] }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (v, position) = try next()
        return try decodeScalar(type, v, path(position))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let (v, position) = try next()
        return try ValueDecoder(value: v, codingPath: path(position)).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (v, position) = try next()
        return try ValueDecoder(value: v, codingPath: path(position)).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (v, position) = try next()
        return ValueDecoder(value: v, codingPath: path(position))
    }
}

private struct SingleContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]
    func decodeNil() -> Bool { value.isNull }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeScalar(type, value, codingPath) }
}

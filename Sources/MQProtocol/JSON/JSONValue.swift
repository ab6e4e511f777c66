/// A JSON value as fastjson writes and reads it.
///
/// Object keys are themselves `JSONValue`s because fastjson writes non-String map keys
/// unquoted: numbers (`{0:"a"}`) and whole objects (`{{"topic":"T","queueId":0}:5}`).
/// Numbers keep their source text so 64-bit integers survive untouched.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number exactly as written (e.g. `"12"`, `"-3.5e2"`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    public static func int<T: BinaryInteger>(_ value: T) -> JSONValue { .number(String(value)) }
    public static func double(_ value: Double) -> JSONValue {
        // fastjson writes doubles with at least one decimal: 0.0, 12.5.
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return .number(String(Int64(value)) + ".0")
        }
        return .number(String(value))
    }
}

/// One `key: value` pair of an object, in source order.
public struct JSONMember: Sendable, Hashable {
    public var key: JSONValue
    public var value: JSONValue
    public init(key: JSONValue, value: JSONValue) {
        self.key = key
        self.value = value
    }
    public init(_ key: String, _ value: JSONValue) {
        self.key = .string(key)
        self.value = value
    }
}

extension JSONValue {
    /// The key text used to match a member by name: strings as-is, numbers by their text.
    public var keyText: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// Member lookup by name for objects (first match), nil otherwise.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key.keyText == key }?.value
    }

    /// Whether this is an array or an object.
    public var isContainer: Bool {
        switch self {
        case .array, .object: return true
        default: return false
        }
    }

    public var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    public var int64Value: Int64? {
        switch self {
        case .number(let n): return Int64(n) ?? Double(n).flatMap { $0.isFinite ? Int64(exactly: $0.rounded(.towardZero)) : nil }
        case .string(let s): return Int64(s.trimmingASCIISpaces())
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    public var boolValue: Bool? {
        switch self {
        case .bool(let b): return b
        case .string(let s):
            switch s.lowercased() {
            case "true", "1": return true
            case "false", "0", "": return false
            default: return nil
            }
        case .number(let n): return n != "0"
        default: return nil
        }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: [JSONMember]? {
        if case .object(let m) = self { return m }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension String {
    func trimmingASCIISpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}

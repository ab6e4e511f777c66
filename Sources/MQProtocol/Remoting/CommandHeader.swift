/// A typed request or response header carried in `extFields`.
///
/// Decoding is lenient the way Java's is (numbers arrive as strings or as JSON numbers,
/// booleans as `true`/`false` or the C++ client's `1`/`0`); encoding always writes strings.
public protocol CommandHeader: Sendable {
    init(fields: HeaderFields) throws
    func encode(into fields: inout [String: String])
    /// This header when it can be written straight into a frame (``DirectHeader``); a witness, not a cast, so
    /// the send path pays no dynamic cast per message.
    var asDirectHeader: (any DirectHeader)? { get }
}

extension CommandHeader {
    public var asDirectHeader: (any DirectHeader)? { nil }
}

/// Typed access to `extFields` for header decoding.
public struct HeaderFields: Sendable {
    public let raw: [String: String]

    public init(_ raw: [String: String]) {
        self.raw = raw
    }

    public func string(_ name: String) -> String? { raw[name] }

    public func require(_ name: String) throws(ProtocolError) -> String {
        guard let v = raw[name] else { throw .missingField(name) }
        return v
    }

    public func int32(_ name: String) throws(ProtocolError) -> Int32? {
        guard let text = raw[name] else { return nil }
        guard let v = Self.parseInteger(text), let n = Int32(exactly: v) else {
            throw .invalidField(name: name, value: text, expected: "a 32-bit integer")
        }
        return n
    }

    public func int64(_ name: String) throws(ProtocolError) -> Int64? {
        guard let text = raw[name] else { return nil }
        guard let v = Self.parseInteger(text) else {
            throw .invalidField(name: name, value: text, expected: "an integer")
        }
        return v
    }

    public func requireInt32(_ name: String) throws(ProtocolError) -> Int32 {
        guard let v = try int32(name) else { throw .missingField(name) }
        return v
    }

    public func requireInt64(_ name: String) throws(ProtocolError) -> Int64 {
        guard let v = try int64(name) else { throw .missingField(name) }
        return v
    }

    /// Java's `Boolean.parseBoolean` plus the C++ client's `"1"`.
    public func bool(_ name: String) -> Bool? {
        guard let text = raw[name] else { return nil }
        return Self.parseBool(text)
    }

    static func parseBool(_ text: String) -> Bool {
        text.lowercased() == "true" || text == "1"
    }

    static func parseInteger(_ text: String) -> Int64? {
        if let v = Int64(text) { return v }
        let trimmed = text.trimmingASCIISpaces()
        if let v = Int64(trimmed) { return v }
        // A JSON number written as a double ("3.0") by a lenient peer.
        if let d = Double(trimmed), d.isFinite, d == d.rounded(), abs(d) < 9.2e18 { return Int64(d) }
        return nil
    }
}

extension Dictionary where Key == String, Value == String {
    /// Sets `name` to the string form of `value` when it is not nil.
    public mutating func put<T: CustomStringConvertible>(_ name: String, _ value: T?) {
        if let value { self[name] = value.description }
    }
}

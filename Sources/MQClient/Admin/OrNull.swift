/// A value that is written as JSON `null` when unknown (never omitted, never -1), so a JSON shape
/// stays stable; pair it with a `...Reason` field that says why.
public struct OrNull<T: Codable & Sendable>: Codable, Sendable {
    public var value: T?

    public init(_ value: T?) {
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        value = c.decodeNil() ? nil : try c.decode(T.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if let value { try c.encode(value) } else { try c.encodeNil() }
    }
}

extension OrNull: Equatable where T: Equatable {}

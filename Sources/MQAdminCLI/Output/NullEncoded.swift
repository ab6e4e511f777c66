/// An optional property written as JSON `null` when nil (never left out), so every documented key is
/// always present; Foundation's synthesized Encodable drops nil optionals.
/// `Value` is constrained only by the `Encodable` conformance, not by the type: a requirement on the type is
/// checked by a protocol-conformance scan each time its metadata is first made, which a table-only run of
/// `topic list` paid for nothing (docs/performance.md, "CLI start").
@propertyWrapper
struct NullEncoded<Value: Sendable>: Sendable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }
}

extension NullEncoded: Encodable where Value: Encodable {
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if let wrappedValue { try c.encode(wrappedValue) } else { try c.encodeNil() }
    }
}

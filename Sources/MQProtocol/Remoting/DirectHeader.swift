import NIOCore

/// A header that writes its fields straight into a frame: no `[String: String]` and no `String` per number on
/// the way (the send path's headers; docs/performance.md "CPU per message"). The bytes are the same as the
/// generic path's, which writes the map's keys sorted: `writeFields` must give its fields in that order.
public protocol DirectHeader: CommandHeader {
    /// Gives `sink` every present field, keys in ascending order, values as the generic path writes them.
    func writeFields<S: HeaderFieldSink>(to sink: inout S)
}

extension DirectHeader {
    public var asDirectHeader: (any DirectHeader)? { self }

    /// The generic form, from the same fields, so the two paths cannot drift apart.
    public func encode(into fields: inout [String: String]) {
        var sink = DictionaryFieldSink(fields: fields)
        fields = [:]
        writeFields(to: &sink)
        fields = sink.fields
    }
}

/// Where a ``DirectHeader`` writes its fields.
public protocol HeaderFieldSink {
    mutating func field(_ key: StaticString, _ value: String)
    mutating func field(_ key: StaticString, _ value: Int64)
    mutating func field(_ key: StaticString, _ value: Bool)
}

extension HeaderFieldSink {
    public mutating func field(_ key: StaticString, _ value: Int32) { field(key, Int64(value)) }

    public mutating func field(_ key: StaticString, _ value: String?) {
        if let value { field(key, value) }
    }

    public mutating func field(_ key: StaticString, _ value: Int32?) {
        if let value { field(key, Int64(value)) }
    }

    public mutating func field(_ key: StaticString, _ value: Bool?) {
        if let value { field(key, value) }
    }
}

extension StaticString {
    var text: String {
        withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
    }
}

/// The generic path's map: numbers and booleans as their `description`, as `Dictionary.put` writes them.
struct DictionaryFieldSink: HeaderFieldSink {
    var fields: [String: String]

    mutating func field(_ key: StaticString, _ value: String) { fields[key.text] = value }
    mutating func field(_ key: StaticString, _ value: Int64) { fields[key.text] = String(value) }
    mutating func field(_ key: StaticString, _ value: Bool) { fields[key.text] = value ? "true" : "false" }
}

/// `"key":"value"` members of the JSON `extFields` object, appended to the header's bytes.
struct JSONFieldSink: HeaderFieldSink {
    /// The header being written; valid for the sink's lifetime (see ``HeaderCodec/writeJSON(_:into:)``).
    let out: UnsafeMutablePointer<[UInt8]>
    var first = true

    private mutating func key(_ key: StaticString) {
        if first {
            first = false
        } else {
            out.pointee.append(UInt8(ascii: ","))
        }
        out.pointee.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { out.pointee.append(contentsOf: $0) }
        out.pointee.append(UInt8(ascii: "\""))
        out.pointee.append(UInt8(ascii: ":"))
    }

    mutating func field(_ key: StaticString, _ value: String) {
        self.key(key)
        JSONWriter.writeString(value, into: &out.pointee)
    }

    mutating func field(_ key: StaticString, _ value: Int64) {
        self.key(key)
        out.pointee.append(UInt8(ascii: "\""))
        JSONWriter.writeDecimal(value, into: &out.pointee)
        out.pointee.append(UInt8(ascii: "\""))
    }

    mutating func field(_ key: StaticString, _ value: Bool) {
        self.key(key)
        out.pointee.append(contentsOf: (value ? "\"true\"" : "\"false\"").utf8)
    }
}

/// `keyLength(2) key valueLength(4) value` entries of the ROCKETMQ binary header.
struct BinaryFieldSink: HeaderFieldSink {
    let out: UnsafeMutablePointer<ByteBuffer>
    var length = 0

    private mutating func entry(_ key: StaticString, _ value: String) {
        length += out.pointee.writeInteger(Int16(key.utf8CodeUnitCount))
        length += out.pointee.writeStaticString(key)
        length += out.pointee.writeInteger(Int32(value.utf8.count))
        length += out.pointee.writeString(value)
    }

    mutating func field(_ key: StaticString, _ value: String) { entry(key, value) }
    mutating func field(_ key: StaticString, _ value: Int64) { entry(key, String(value)) }
    mutating func field(_ key: StaticString, _ value: Bool) { entry(key, value ? "true" : "false") }
}

/// Bytes of keys and values plus 8 per field: what the frame-size bound counts for the generic map.
struct FieldBytesSink: HeaderFieldSink {
    var bytes = 0

    mutating func field(_ key: StaticString, _ value: String) { bytes += key.utf8CodeUnitCount + value.utf8.count + 8 }
    mutating func field(_ key: StaticString, _ value: Int64) { bytes += key.utf8CodeUnitCount + 20 + 8 }
    mutating func field(_ key: StaticString, _ value: Bool) { bytes += key.utf8CodeUnitCount + 5 + 8 }
}

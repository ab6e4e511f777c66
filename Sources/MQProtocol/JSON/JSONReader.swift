/// Why a JSON text could not be read.
public struct JSONError: Error, CustomStringConvertible, Equatable, Sendable {
    public var offset: Int
    public var reason: String
    public var description: String { "malformed JSON at byte \(offset): \(reason)" }
}

/// A tolerant JSON reader for what RocketMQ peers send.
///
/// Beyond RFC 8259 it accepts what fastjson (Java) and jsoncpp (C++) produce or accept:
/// unquoted number keys (`{0:"a"}`), object and array keys (`{{"topic":"T"}:1}`),
/// bare identifier keys, single-quoted strings and trailing whitespace or newlines.
/// Nesting is limited so hostile input cannot exhaust the stack.
public enum JSONReader {
    public static let maxDepth = 256

    public static func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONValue {
        let result: Result<JSONValue, JSONError> = bytes.withUnsafeBytes { raw in
            do throws(JSONError) { return .success(try parse(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public static func parse(_ text: String) throws(JSONError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    public static func parse(_ raw: UnsafeRawBufferPointer) throws(JSONError) -> JSONValue {
        var parser = JSONParser(bytes: raw)
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        if parser.pos != raw.count {
            throw parser.error("unexpected trailing characters")
        }
        return value
    }
}

extension JSONReader {
    /// A remoting header read in one pass: the top-level members, with the `stringMapKey` member (when it is
    /// an object) read straight into a string map instead of a value tree.
    public struct FlatObject {
        public var members: [JSONMember] = []
        public var stringMap: [String: String]?
    }

    /// Reads a top-level object; the member named `stringMapKey` becomes a `[String: String]` (strings as
    /// they are, numbers and booleans as their text, arrays and objects as JSON text, nulls left out).
    /// Anything that is not an object throws; a `stringMapKey` member that is not an object stays a member.
    public static func parseFlatObject(
        _ raw: UnsafeRawBufferPointer, stringMapKey: String
    ) throws(JSONError) -> FlatObject {
        var parser = JSONParser(bytes: raw)
        parser.skipSpace()
        guard parser.current == UInt8(ascii: "{") else { throw parser.error("expected a JSON object") }
        let result = try parser.flatObject(stringMapKey: stringMapKey)
        parser.skipSpace()
        if parser.pos != raw.count { throw parser.error("unexpected trailing characters") }
        return result
    }
}

/// The reader's cursor over one JSON text (internal for the send header reader, JSONReader+SendHeader.swift).
struct JSONParser {
    let bytes: UnsafeRawBufferPointer
    var pos = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    func error(_ reason: String) -> JSONError { JSONError(offset: pos, reason: reason) }

    var current: UInt8? { pos < bytes.count ? bytes[pos] : nil }

    mutating func skipSpace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws(JSONError) -> JSONValue {
        guard depth < JSONReader.maxDepth else { throw error("nesting deeper than \(JSONReader.maxDepth)") }
        guard let c = current else { throw error("unexpected end of input") }
        switch c {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            throw error("unexpected character '\(printable(c))'")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONError) {
        let count = word.utf8CodeUnitCount
        guard pos + count <= bytes.count else { throw error("unexpected end of input") }
        let ok = word.withUTF8Buffer { w in
            (0..<count).allSatisfy { bytes[pos + $0] == w[$0] }
        }
        guard ok else { throw error("unknown literal") }
        pos += count
    }

    mutating func object(depth: Int) throws(JSONError) -> JSONValue {
        pos += 1  // {
        var members: [JSONMember] = []
        skipSpace()
        if current == UInt8(ascii: "}") {
            pos += 1
            return .object(members)
        }
        while true {
            skipSpace()
            let key = try objectKey(depth: depth)
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after object key") }
            pos += 1
            skipSpace()
            let v = try value(depth: depth + 1)
            members.append(JSONMember(key: key, value: v))
            skipSpace()
            guard let c = current else { throw error("unterminated object") }
            pos += 1
            if c == UInt8(ascii: ",") { continue }
            if c == UInt8(ascii: "}") { return .object(members) }
            pos -= 1
            throw error("expected ',' or '}' in object")
        }
    }

    mutating func flatObject(stringMapKey: String) throws(JSONError) -> JSONReader.FlatObject {
        var out = JSONReader.FlatObject()
        try members(depth: 0) { parser, key throws(JSONError) in
            if key.keyText == stringMapKey, parser.current == UInt8(ascii: "{") {
                out.stringMap = try parser.stringMap()
            } else {
                out.members.append(JSONMember(key: key, value: try parser.value(depth: 1)))
            }
        }
        return out
    }

    /// The object at `pos` as a string map: each member's ``mapValue()``, null members left out, a repeated key's
    /// last value kept.
    mutating func stringMap() throws(JSONError) -> [String: String] {
        var map: [String: String] = [:]
        map.reserveCapacity(16)
        try members(depth: 1) { parser, key throws(JSONError) in
            let value = try parser.mapValue()
            if let k = key.keyText, let value { map[k] = value }
        }
        return map
    }

    /// A string map member's value at `pos`: strings as they are, numbers and booleans as their text, arrays and
    /// objects as JSON text, nil for null.
    mutating func mapValue() throws(JSONError) -> String? {
        switch current {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return try string()
        default:
            let v = try value(depth: 2)
            return v.isNull ? nil : v.isContainer ? JSONWriter.string(v) : v.stringValue
        }
    }

    /// Walks the members of the object at `pos`, leaving `pos` at each value for `member` to read.
    mutating func members(
        depth: Int, _ member: (inout JSONParser, JSONValue) throws(JSONError) -> Void
    ) throws(JSONError) {
        guard depth < JSONReader.maxDepth else { throw error("nesting deeper than \(JSONReader.maxDepth)") }
        try object(key: { parser throws(JSONError) in try parser.objectKey(depth: depth) }, member)
    }

    /// The object grammar at `pos` (brace, key, colon, value, comma or brace), each key read by `key` and each
    /// value left at `pos` for `member`: the one walk behind ``members(depth:_:)`` and the send header's reader.
    @inline(__always)
    mutating func object<Key>(
        key readKey: (inout JSONParser) throws(JSONError) -> Key,
        _ member: (inout JSONParser, Key) throws(JSONError) -> Void
    ) throws(JSONError) {
        pos += 1  // {
        skipSpace()
        if current == UInt8(ascii: "}") {
            pos += 1
            return
        }
        while true {
            skipSpace()
            let key = try readKey(&self)
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after object key") }
            pos += 1
            skipSpace()
            guard current != nil else { throw error("unexpected end of input") }
            try member(&self, key)
            skipSpace()
            guard let c = current else { throw error("unterminated object") }
            pos += 1
            if c == UInt8(ascii: ",") { continue }
            if c == UInt8(ascii: "}") { return }
            pos -= 1
            throw error("expected ',' or '}' in object")
        }
    }

    mutating func objectKey(depth: Int) throws(JSONError) -> JSONValue {
        guard let c = current else { throw error("unterminated object") }
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return .string(try string())
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try value(depth: depth + 1)
        default:
            // fastjson's AllowUnQuotedFieldNames: a bare identifier.
            let start = pos
            while let b = current, isIdentifierByte(b) { pos += 1 }
            guard pos > start else { throw error("expected an object key") }
            return .string(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self))
        }
    }

    func isIdentifierByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "$"):
            return true
        default:
            return false
        }
    }

    mutating func array(depth: Int) throws(JSONError) -> JSONValue {
        pos += 1  // [
        var items: [JSONValue] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            pos += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard let c = current else { throw error("unterminated array") }
            pos += 1
            if c == UInt8(ascii: ",") { continue }
            if c == UInt8(ascii: "]") { return .array(items) }
            pos -= 1
            throw error("expected ',' or ']' in array")
        }
    }

    mutating func number() throws(JSONError) -> String {
        let start = pos
        if current == UInt8(ascii: "-") || current == UInt8(ascii: "+") { pos += 1 }
        var digits = 0
        while let b = current {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                pos += 1
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                pos += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                // Only valid right after an exponent marker.
                let prev = bytes[pos - 1]
                guard prev == UInt8(ascii: "e") || prev == UInt8(ascii: "E") else {
                    return try validNumber(start, digits)
                }
                pos += 1
            case UInt8(ascii: "L"):
                // fastjson may write longs with an L suffix when WriteClassName is on; accept and drop it.
                let text = try validNumber(start, digits)
                pos += 1
                return text
            default:
                return try validNumber(start, digits)
            }
        }
        return try validNumber(start, digits)
    }

    func finishNumber(_ start: Int, _ digits: Int) -> String {
        var text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        if text.hasPrefix("+") { text.removeFirst() }
        return text
    }

    /// Checks the bytes `number()` collected form `[+-]digits[.digits][(e|E)[+-]digits]` (a leading or
    /// trailing '.' is tolerated) before they become a number: the scanner only collects bytes, and
    /// `E.32E` or `1e` kept as number text would be written back out as JSON nothing can read (found
    /// by the json fuzz target).
    func validNumber(_ start: Int, _ digits: Int) throws(JSONError) -> String {
        let malformed = JSONError(offset: start, reason: "malformed number")
        guard digits > 0 else { throw malformed }
        var i = start
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
        var mantissaDigits = 0
        var sawDot = false
        while i < pos {
            let b = bytes[i]
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                mantissaDigits += 1
            } else if b == UInt8(ascii: ".") && !sawDot {
                sawDot = true
            } else {
                break
            }
            i += 1
        }
        guard mantissaDigits > 0 else { throw malformed }
        if i < pos {
            guard bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") else { throw malformed }
            i += 1
            if i < pos && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) { i += 1 }
            let exponentStart = i
            while i < pos && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") { i += 1 }
            guard i > exponentStart, i == pos else { throw malformed }
        }
        return finishNumber(start, digits)
    }

    mutating func string() throws(JSONError) -> String {
        let quote = bytes[pos]
        pos += 1
        let start = pos
        // Fast path: no escapes.
        while pos < bytes.count {
            let b = bytes[pos]
            if b == quote {
                let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
                pos += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            pos += 1
        }
        guard pos < bytes.count else { throw error("unterminated string") }
        var out = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[start..<pos]))
        while pos < bytes.count {
            let b = bytes[pos]
            if b == quote {
                pos += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                pos += 1
                continue
            }
            pos += 1
            guard let e = current else { break }
            pos += 1
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                appendUTF8(try unicodeEscape(), to: &out)
            case UInt8(ascii: "x"):
                // fastjson accepts \xHH.
                let v = try hex(count: 2)
                appendUTF8(Unicode.Scalar(UInt8(v)), to: &out)
            default: out.append(e)  // \" \\ \/ \' and anything else: the character itself
            }
        }
        throw error("unterminated string")
    }

    /// Appends a scalar's UTF-8 bytes without building a String (property separators arrive as \u0001).
    func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        if scalar.isASCII {
            out.append(UInt8(scalar.value))
        } else {
            for unit in UTF8.encode(scalar)! { out.append(unit) }
        }
    }

    mutating func hex(count: Int) throws(JSONError) -> UInt32 {
        guard pos + count <= bytes.count else { throw error("truncated escape") }
        var v: UInt32 = 0
        for _ in 0..<count {
            let b = bytes[pos]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw error("bad hex digit in escape")
            }
            v = v << 4 | UInt32(d)
            pos += 1
        }
        return v
    }

    mutating func unicodeEscape() throws(JSONError) -> Unicode.Scalar {
        let high = try hex(count: 4)
        if (0xD800...0xDBFF).contains(high), pos + 6 <= bytes.count,
            bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u")
        {
            let save = pos
            pos += 2
            let low = try hex(count: 4)
            if (0xDC00...0xDFFF).contains(low),
                let s = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            {
                return s
            }
            pos = save
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    func printable(_ b: UInt8) -> String {
        (0x20..<0x7F).contains(b) ? String(UnicodeScalar(b)) : String(format: b)
    }
}

extension String {
    fileprivate init(format byte: UInt8) {
        let digits = Array("0123456789abcdef")
        self = "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}

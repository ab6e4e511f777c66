/// How non-String map keys are written.
public enum JSONStyle: Sendable {
    /// fastjson's default: number keys unquoted (`{0:"a"}`), object keys as objects. What Java peers expect.
    case fastjson
    /// Valid JSON: number keys quoted (`{"0":"a"}`), object keys as JSON strings; non-ASCII escaped.
    case standard
}

/// Writes `JSONValue`s compactly, members in the order given.
public enum JSONWriter {
    public static func write(_ value: JSONValue, style: JSONStyle = .fastjson) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, style: style, into: &out)
        return out
    }

    public static func string(_ value: JSONValue, style: JSONStyle = .fastjson) -> String {
        String(decoding: write(value, style: style), as: UTF8.self)
    }

    public static func write(_ value: JSONValue, style: JSONStyle, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let b): out.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8))
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): writeString(s, escapeNonASCII: style == .standard, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(item, style: style, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeKey(member.key, style: style, into: &out)
                out.append(UInt8(ascii: ":"))
                write(member.value, style: style, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func writeKey(_ key: JSONValue, style: JSONStyle, into out: inout [UInt8]) {
        switch (key, style) {
        case (.string(let s), _): writeString(s, escapeNonASCII: style == .standard, into: &out)
        case (.number, .fastjson), (.object, .fastjson), (.array, .fastjson), (.bool, .fastjson), (.null, .fastjson):
            write(key, style: style, into: &out)
        case (.number(let n), .standard): writeString(n, escapeNonASCII: true, into: &out)
        case (_, .standard): writeString(string(key, style: .standard), escapeNonASCII: true, into: &out)
        }
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends the decimal digits of `value` (what `String(value)` spells) without making the `String`: header
    /// numbers are written on every request and answer (docs/performance.md "CPU per message").
    static func writeDecimal(_ value: Int64, into out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    public static func writeString(_ s: String, escapeNonASCII: Bool = false, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if !escapeNonASCII {
            var s = s
            // Copy runs of bytes that need no escape in one go: header values are mostly such runs.
            s.withUTF8 { utf8 in
                var runStart = 0
                for (i, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F {
                    if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                    runStart = i + 1
                    appendEscape(b, into: &out)
                }
                if runStart < utf8.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
            }
        } else {
            for unit in s.utf16 {
                switch unit {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x20..<0x7F: out.append(UInt8(unit))
                default: appendUnicodeEscape(unit, into: &out)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ b: UInt8, into out: inout [UInt8]) {
        out.append(0x5C)
        switch b {
        case 0x22, 0x5C: out.append(b)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
            out.removeLast()
            appendUnicodeEscape(UInt16(b), into: &out)
        }
    }

    static func appendUnicodeEscape(_ unit: UInt16, into out: inout [UInt8]) {
        out.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        out.append(hexDigits[Int(unit >> 12 & 0xF)])
        out.append(hexDigits[Int(unit >> 8 & 0xF)])
        out.append(hexDigits[Int(unit >> 4 & 0xF)])
        out.append(hexDigits[Int(unit & 0xF)])
    }
}

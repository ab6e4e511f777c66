extension JSONReader {
    /// Reads a remoting header as ``parseFlatObject(_:stringMapKey:)`` does with `"extFields"`, but gives the
    /// extFields members to `values` instead of building a map: the same input is accepted and read the same way.
    static func parseSendHeader(
        _ raw: UnsafeRawBufferPointer, into values: inout SendHeaderValues
    ) throws(JSONError) -> [JSONMember] {
        var parser = JSONParser(bytes: raw)
        parser.skipSpace()
        guard parser.current == UInt8(ascii: "{") else { throw parser.error("expected a JSON object") }
        var members: [JSONMember] = []
        members.reserveCapacity(8)
        try parser.members(depth: 0) { parser, key throws(JSONError) in
            if key.keyText == "extFields", parser.current == UInt8(ascii: "{") {
                // A later extFields object replaces an earlier one, as the map does.
                values = SendHeaderValues()
                try parser.sendFields(into: &values)
            } else {
                members.append(JSONMember(key: key, value: try parser.value(depth: 1)))
            }
        }
        parser.skipSpace()
        if parser.pos != raw.count { throw parser.error("unexpected trailing characters") }
        return members
    }
}

extension JSONParser {
    /// `members(depth: 1)` with `flatObject`'s map member, keys and plain values read from their bytes.
    mutating func sendFields(into values: inout SendHeaderValues) throws(JSONError) {
        pos += 1  // {
        skipSpace()
        if current == UInt8(ascii: "}") {
            pos += 1
            return
        }
        while true {
            skipSpace()
            let key: SendHeaderKey
            if let bytes = plainString() {
                key = SendHeaderKey(bytes)
            } else {
                key = try SendHeaderKey(text: objectKey(depth: 1).keyText)
            }
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after object key") }
            pos += 1
            skipSpace()
            guard current != nil else { throw error("unexpected end of input") }
            if case .other = key {
                _ = try mapValue()
            } else if let bytes = plainString() ?? plainInteger() {
                values.set(key, bytes: bytes)
            } else if let text = try mapValue() {
                values.set(key, text: text)
            }
            skipSpace()
            guard let c = current else { throw error("unterminated object") }
            pos += 1
            if c == UInt8(ascii: ",") { continue }
            if c == UInt8(ascii: "}") { return }
            pos -= 1
            throw error("expected ',' or '}' in object")
        }
    }

    /// The bytes of the double-quoted string at `pos` when it holds no escape (what `string()` would decode);
    /// `pos` moves past it. nil, `pos` unchanged, for anything else.
    mutating func plainString() -> UnsafeRawBufferPointer? {
        guard current == UInt8(ascii: "\"") else { return nil }
        var end = pos + 1
        while end < bytes.count {
            switch bytes[end] {
            case UInt8(ascii: "\""):
                defer { pos = end + 1 }
                return UnsafeRawBufferPointer(rebasing: bytes[(pos + 1)..<end])
            case UInt8(ascii: "\\"):
                return nil
            default:
                end += 1
            }
        }
        return nil
    }

    /// The bytes of the unquoted integer at `pos`, `-?[0-9]+` before a delimiter (the text `number()` gives for
    /// it); `pos` moves past it. nil, `pos` unchanged, for anything else.
    mutating func plainInteger() -> UnsafeRawBufferPointer? {
        var end = pos
        if end < bytes.count && bytes[end] == UInt8(ascii: "-") { end += 1 }
        let digitsStart = end
        while end < bytes.count && bytes[end] >= UInt8(ascii: "0") && bytes[end] <= UInt8(ascii: "9") { end += 1 }
        guard end > digitsStart else { return nil }
        if end < bytes.count {
            switch bytes[end] {
            case UInt8(ascii: ","), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D: break
            default: return nil
            }
        }
        defer { pos = end }
        return UnsafeRawBufferPointer(rebasing: bytes[pos..<end])
    }
}

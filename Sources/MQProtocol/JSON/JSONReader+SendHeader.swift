extension JSONParser {
    /// `members(depth: 1)` with `flatObject`'s map member, keys and plain values read from their bytes.
    mutating func sendFields(into values: inout SendHeaderValues) throws(JSONError) {
        try object(key: { parser throws(JSONError) in try parser.sendHeaderKey() }) { parser, key throws(JSONError) in
            if case .other = key {
                _ = try parser.mapValue()
            } else if let bytes = parser.plainString() ?? parser.plainInteger() {
                values.set(key, bytes: bytes)
            } else if let text = try parser.mapValue() {
                values.set(key, text: text)
            }
        }
    }

    /// The extFields key at `pos`, read from its bytes when it holds no escape.
    mutating func sendHeaderKey() throws(JSONError) -> SendHeaderKey {
        if let bytes = plainString() { return SendHeaderKey(bytes) }
        return try SendHeaderKey(text: objectKey(depth: 1).keyText)
    }

    /// The bytes of the double-quoted string at `pos` when it holds no escape (what `string()` would decode);
    /// `pos` moves past it. nil, `pos` unchanged, for anything else.
    mutating func plainString() -> UnsafeRawBufferPointer? {
        guard current == UInt8(ascii: "\""),
            let end = bytes.firstOffset(of: UInt8(ascii: "\""), from: pos + 1)
        else { return nil }
        let text = UnsafeRawBufferPointer(rebasing: bytes[(pos + 1)..<end])
        // An escape before the first quote: `string()` must decode it (an escaped quote is one too).
        guard text.firstOffset(of: UInt8(ascii: "\\"), from: 0) == nil else { return nil }
        pos = end + 1
        return text
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

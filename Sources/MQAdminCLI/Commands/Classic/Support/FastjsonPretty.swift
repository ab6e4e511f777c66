import MQProtocol

/// fastjson 1.2.83's `JSON.toJSONString(obj, true)`, which Apache's `topicRoute` prints: tab indents,
/// no space after colons, and its quirk of starting a member on a new line only for string keys,
/// so a map keyed by numbers prints as `{0:"127.0.0.1:10911"` and closes on the next line.
enum FastjsonPretty {
    static func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        return out
    }

    private static func newline(_ indent: Int, _ out: inout String) {
        out += "\n" + String(repeating: "\t", count: indent)
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(indent + 1, &out)
                write(item, indent: indent + 1, into: &out)
            }
            newline(indent, &out)
            out += "]"
        case .object(let members):
            out += "{"
            for (i, m) in members.enumerated() {
                if i > 0 { out += "," }
                if case .string = m.key { newline(indent + 1, &out) }
                out += JSONWriter.string(m.key) + ":"
                write(m.value, indent: indent + 1, into: &out)
            }
            if !members.isEmpty { newline(indent, &out) }
            out += "}"
        default:
            out += JSONWriter.string(value)
        }
    }
}

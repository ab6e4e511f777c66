import MQProtocol

/// A `--format` template of `message browse` / `message tail`: one line per message, text with `{field}`
/// placeholders (`{{` and `}}` for literal braces). Bodies are rendered as `message get` renders them, with line
/// breaks written `\n` so each message stays on one line.
struct MessageTemplate: Sendable {
    enum Field: String, CaseIterable, Sendable {
        case time, timestamp, born, topic, broker, queue, offset, msgId, offsetMsgId, tags, keys, body, size
    }

    enum Piece: Sendable {
        case text(String)
        case field(Field)
        case property(String)
    }

    /// Other names a field answers to.
    static let aliases: [String: Field] = ["tag": .tags, "key": .keys]

    /// For --help: every field and what it prints.
    static let help = """
        {time} store time (display zone), {timestamp} store time in epoch ms, {born} born time, {topic}, \
        {broker}, {queue}, {offset}, {msgId}, {offsetMsgId}, {tags}, {keys}, {body}, {size} (body bytes), \
        {prop:NAME} a property
        """

    let pieces: [Piece]

    /// Parses a template; an unknown field or an unclosed brace is a usage error naming it and the fields.
    init(_ template: String) throws(CLIError) {
        var pieces: [Piece] = []
        var text = ""
        var rest = Substring(template)
        while let c = rest.first {
            rest = rest.dropFirst()
            if c == "{" && rest.first == "{" || c == "}" && rest.first == "}" {
                text.append(c)
                rest = rest.dropFirst()
            } else if c == "{" {
                guard let close = rest.firstIndex(of: "}") else {
                    throw CLIError(
                        "--format: \"{\" without a closing \"}\"; write {{ for a literal brace", exit: .usage)
                }
                let name = String(rest[..<close])
                rest = rest[rest.index(after: close)...]
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                pieces.append(try Self.piece(name))
            } else {
                text.append(c)
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        self.pieces = pieces
    }

    private static func piece(_ name: String) throws(CLIError) -> Piece {
        if name.hasPrefix("prop:"), name.count > 5 { return .property(String(name.dropFirst(5))) }
        if let field = Field(rawValue: name) ?? aliases[name] { return .field(field) }
        let known = Field.allCases.map { "{\($0.rawValue)}" }.joined(separator: " ")
        throw CLIError("--format: unknown field {\(name)}; use \(known) or {prop:NAME}", exit: .usage)
    }

    /// The message's line, ending in a newline.
    func render(_ v: MessageView, broker: String?, bodyFormat: BodyFormat?) -> String {
        let m = v.message
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let s): out += s
            case .property(let name): out += Self.oneLine(m.properties[name] ?? "")
            case .field(let field): out += value(field, v, broker: broker, bodyFormat: bodyFormat)
            }
        }
        return out + "\n"
    }

    private func value(_ field: Field, _ v: MessageView, broker: String?, bodyFormat: BodyFormat?) -> String {
        let m = v.message
        switch field {
        case .time: return TimeFormat.iso(m.storeTimestamp)
        case .timestamp: return String(m.storeTimestamp)
        case .born: return TimeFormat.iso(m.bornTimestamp)
        case .topic: return m.topic
        case .broker: return broker ?? m.storeHost.description
        case .queue: return String(m.queueId)
        case .offset: return String(m.queueOffset)
        case .msgId: return m.msgId
        case .offsetMsgId: return m.offsetMsgId
        case .tags: return m.tags ?? ""
        case .keys: return m.keys.joined(separator: " ")
        case .body: return Self.oneLine(v.bodyString(bodyFormat))
        case .size: return String(v.body.count)
        }
    }

    /// Line breaks written as `\n` / `\r`, and a backslash as `\\` so the result reads back unambiguously.
    static func oneLine(_ s: String) -> String {
        guard s.contains(where: { $0 == "\\" || $0.isNewline }) else { return s }
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\r\n": out += "\\r\\n"
            default: out.append(c)
            }
        }
        return out
    }
}

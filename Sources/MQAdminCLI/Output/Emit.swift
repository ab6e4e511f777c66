import Foundation

/// The one place command results become text: JSON for scripts, tables for people.
enum Emit {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// JSON Lines, for commands that stream (`message consume`): one object per line, each printed as it comes.
    static let lineEncoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func json<T: Encodable>(_ value: T, encoder: JSONEncoder = encoder) -> String {
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `value` as one line of JSON Lines.
    static func line<T: Encodable>(_ value: T) -> String { json(value, encoder: lineEncoder) }

    /// The last line of a stream: `value` with the command's target, on one line.
    static func reportLine<T: Encodable>(_ value: T) -> String {
        ReportTarget.current.map { targeted(value, $0, encoder: lineEncoder) } ?? line(value)
    }

    /// Prints `value` as JSON or the table text, naming the command's target (`ReportTarget`): a footer line
    /// under the table, a `target` field in a top-level JSON object.
    static func output<T: Encodable>(_ value: T, format: OutputFormat, table: () -> String) {
        switch format {
        case .json: write(report(value))
        case .table: write(report(table: table()))
        }
    }

    /// A JSON report: `value` with the command's target (`targeted`).
    static func report<T: Encodable>(_ value: T) -> String {
        ReportTarget.current.map { targeted(value, $0) } ?? json(value)
    }

    /// A table report: `text` and the command's target as its last line (nothing for no text: a command
    /// that printed nothing, refused or not, still prints nothing).
    static func report(table text: String) -> String {
        text.isEmpty ? text : text + (ReportTarget.current?.footer ?? "")
    }

    /// `value`'s JSON with `target` added when its top level is an object without a field of that name
    /// (`offset reset` plans have their own `target`); arrays and other shapes are left as they are.
    static func targeted<T: Encodable>(_ value: T, _ target: ReportTarget, encoder: JSONEncoder = encoder) -> String {
        let plain = json(value, encoder: encoder)
        guard plain.hasPrefix("{"),
            let object = try? JSONSerialization.jsonObject(with: Data(plain.utf8)) as? [String: Any],
            object["target"] == nil
        else { return plain }
        return json(Targeted(value: value, target: target), encoder: encoder)
    }

    /// A value's own keys plus `target`, in one JSON object.
    private struct Targeted<T: Encodable>: Encodable {
        var value: T
        var target: ReportTarget

        enum Key: String, CodingKey { case target }

        func encode(to encoder: any Encoder) throws {
            try value.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(target, forKey: .target)
        }
    }

    static func write(_ text: String) {
        if !text.isEmpty { ErrorJSON.printed?.mark() }
        Console.current.write(text)
    }

    /// A note for people on stderr (never mixed into JSON on stdout).
    static func note(_ text: String) {
        Console.current.writeError(text.hasSuffix("\n") ? text : text + "\n")
    }
}

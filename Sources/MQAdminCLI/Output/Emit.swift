import Foundation

/// The one place command results become text: JSON for scripts, tables for people.
enum Emit {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func json<T: Encodable>(_ value: T) -> String {
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Prints `value` as JSON or the table text.
    static func output<T: Encodable>(_ value: T, format: OutputFormat, table: () -> String) {
        switch format {
        case .json: write(json(value))
        case .table: write(table())
        }
    }

    static func write(_ text: String) {
        Console.current.write(text)
    }

    /// A note for people on stderr (never mixed into JSON on stdout).
    static func note(_ text: String) {
        Console.current.writeError(text.hasSuffix("\n") ? text : text + "\n")
    }
}

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
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// A note for people on stderr (never mixed into JSON on stdout).
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

/// Apache's time layouts (local time zone).
enum TimeFormat {
    /// `yyyy-MM-dd HH:mm:ss,SSS` (UtilAll.timeMillisToHumanString2).
    static func human2(_ millis: Int64) -> String {
        formatter("yyyy-MM-dd HH:mm:ss,SSS").string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    /// `yyyy-MM-dd HH:mm:ss`.
    static func seconds(_ millis: Int64) -> String {
        formatter("yyyy-MM-dd HH:mm:ss").string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    /// ISO-8601 with zone, for JSON and modern tables.
    static func iso(_ millis: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    private static func formatter(_ pattern: String) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = pattern
        return f
    }

    /// "1h 02m", "45s", "320ms": a duration for people.
    static func duration(millis: Int64) -> String {
        if millis < 1000 { return "\(millis)ms" }
        let s = millis / 1000
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m \(String(format: "%02d", s % 60))s" }
        if s < 86400 { return "\(s / 3600)h \(String(format: "%02d", (s % 3600) / 60))m" }
        return "\(s / 86400)d \(String(format: "%02d", (s % 86400) / 3600))h"
    }
}

/// Java-printf-like padding for the classic layouts (`%-20s`, `%4d`...).
enum Printf {
    static func left(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    static func right(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }

    /// Apache's `UtilAll.frontStringAtLeast`: truncates to at most `n` characters.
    static func front(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n)) }
}

import Foundation

/// Times as operators type them.
enum TimeInput {
    /// 1973-03-03 in epoch milliseconds (10^11): no broker stored a message before that.
    static let minimumMillis: Int64 = 100_000_000_000

    /// `--to-time`: epoch milliseconds, ISO-8601 with a zone (`2024-05-01T10:00:00Z`, `...+02:00`,
    /// fractional seconds allowed), or relative to now (`-2h`, `-30m`, `-1d12h`). Nil when malformed.
    static func parse(_ text: String, now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)) -> Int64? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("-") {
            guard let d = Duration.parse(String(t.dropFirst())) else { return nil }
            let (s, atto) = d.components
            return now - (s * 1000 + atto / 1_000_000_000_000_000)
        }
        // Epoch milliseconds. Smaller numbers are far more likely epoch seconds typed by mistake: refused.
        if !t.isEmpty, t.allSatisfy(\.isNumber) { return Int64(t).flatMap { $0 >= minimumMillis ? $0 : nil } }
        let iso = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime],
        ] {
            iso.formatOptions = options
            if let d = iso.date(from: t) { return Int64((d.timeIntervalSince1970 * 1000).rounded()) }
        }
        return nil
    }

    /// Why `text` is not a time, and what to type instead.
    static func problem(_ text: String, option: String) -> String {
        if let n = Int64(text), n < minimumMillis {
            return "\(option) \(text) is before 1973 as epoch milliseconds; if it is seconds, append 000"
        }
        var hint =
            "use epoch milliseconds, ISO-8601 with a zone (e.g. 2024-05-01T10:00:00Z) or a relative time (e.g. -2h)"
        if text.contains("T"), !text.hasSuffix("Z"), !text.contains("+"), text.split(separator: "-").count <= 3 {
            hint = "add a time zone, e.g. \(text)Z or \(text)+02:00"
        }
        return "\(option) \"\(text)\" is not a time; \(hint)"
    }

    /// Apache's `-s` for resetOffsetByTime: `now`, epoch milliseconds, or `yyyy-MM-dd#HH:mm:ss:SSS` (local time).
    static func parseClassic(_ text: String, now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)) -> Int64? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t == "now" { return now }
        if let ms = Int64(t) { return ms }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd#HH:mm:ss:SSS"
        f.isLenient = false
        return f.date(from: t).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
    }
}

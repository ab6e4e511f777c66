import Foundation

/// A point in time on the command line: epoch milliseconds, ISO-8601 with a zone, a time relative
/// to now (`-2h`, `-30m`, `-1d12h`), `now`, or Apache's `yyyy-MM-dd#HH:mm:ss:SSS` (local time).
enum TimeArgument {
    /// Milliseconds since the epoch, or a message saying what is wrong and what would work.
    static func parse(
        _ text: String, option: String, now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)
    )
        -> Result<Int64, CLIError>
    {
        let s = text.trimmingCharacters(in: .whitespaces)
        if s == "now" { return .success(now) }
        if !s.isEmpty, s.allSatisfy(\.isNumber), let ms = Int64(s) { return .success(ms) }
        if let sign = s.first, sign == "-" || sign == "+", let d = Duration.parse(String(s.dropFirst())) {
            let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
            return .success(sign == "-" ? now - ms : now + ms)
        }
        if let date = iso(s) { return .success(Int64((date.timeIntervalSince1970 * 1000).rounded())) }
        if let date = apache(s) { return .success(Int64((date.timeIntervalSince1970 * 1000).rounded())) }
        var hint = "use epoch milliseconds, ISO-8601 with a zone (2024-05-01T10:00:00Z), or a relative time like -2h"
        if s.contains("T") && s.contains(":") && !hasZone(s) {
            hint = "add a time zone, e.g. \(s)Z or \(s)+02:00"
        }
        return .failure(CLIError("\(option) \"\(text)\" is not a time; \(hint)", exit: .usage))
    }

    /// `parse` for `validate()`: throws a usage error.
    static func require(_ text: String, option: String) throws -> Int64 {
        try parse(text, option: option).get()
    }

    private static func iso(_ s: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: s) { return d }
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: s)
    }

    private static func apache(_ s: String) -> Date? {
        guard s.contains("#") else { return nil }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd#HH:mm:ss:SSS"
        return f.date(from: s)
    }

    private static func hasZone(_ s: String) -> Bool {
        guard let t = s.firstIndex(of: "T") else { return false }
        let time = s[t...]
        return time.hasSuffix("Z") || time.contains("+") || time.dropFirst().contains("-")
    }
}

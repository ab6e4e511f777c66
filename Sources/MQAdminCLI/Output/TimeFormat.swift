import Foundation

/// Every time and duration the CLI prints: Apache's layouts (local time zone), ISO-8601, durations for people.
enum TimeFormat {
    /// `yyyy-MM-dd HH:mm:ss,SSS` (UtilAll.timeMillisToHumanString2).
    static func human2(_ millis: Int64) -> String {
        formatter("yyyy-MM-dd HH:mm:ss,SSS").string(from: date(millis))
    }

    /// `yyyy-MM-dd HH:mm:ss`.
    static func seconds(_ millis: Int64) -> String {
        formatter("yyyy-MM-dd HH:mm:ss").string(from: date(millis))
    }

    /// ISO-8601 in UTC with milliseconds, for JSON and modern tables.
    static func iso(_ millis: Int64) -> String { isoWriter()(millis) }

    /// `iso` with one formatter for every call: making a formatter per value dominates a big report.
    static func isoWriter() -> (Int64) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return { f.string(from: date($0)) }
    }

    /// ISO-8601 in the local time zone with milliseconds: the time of a log line.
    static func logTime(_ date: Date) -> String {
        ISO8601DateFormatter.string(
            from: date, timeZone: .current, formatOptions: [.withInternetDateTime, .withFractionalSeconds])
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

    /// How far behind a consumer is: "0s" when caught up, "unknown" when it cannot be told.
    static func lag(millis: Int64?) -> String {
        millis.map { $0 == 0 ? "0s" : duration(millis: $0) } ?? "unknown"
    }

    private static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

    private static func formatter(_ pattern: String) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = pattern
        return f
    }
}

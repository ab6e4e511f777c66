import Foundation

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

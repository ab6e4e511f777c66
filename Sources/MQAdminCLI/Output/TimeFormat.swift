import Foundation

/// Every time and duration the CLI prints. One clock: ISO-8601 with milliseconds and the offset of the display
/// zone (`2026-12-03T19:04:05.123+01:00`; an offset of zero is written `Z`), for tables, JSON, plans, `--watch`
/// headers and log lines. The exceptions are the classic commands' byte-compatible Apache layouts (`human2`,
/// `seconds`), which print the local zone as Apache's JVM does.
enum TimeFormat {
    /// The zone times are printed and read in: `DisplayZone.resolve` for the running command (`CommandRunner`).
    @TaskLocal static var display = LazyZone { .current }

    static var zone: TimeZone { display.zone }

    /// `body` with times printed and read in `zone`.
    static func withZone<T>(_ zone: TimeZone, _ body: () throws -> T) rethrows -> T {
        try $display.withValue(LazyZone(zone), operation: body)
    }

    /// `2026-12-03T19:04:05.123+01:00` in the display zone.
    static func iso(_ millis: Int64) -> String { iso(millis, in: zone) }

    static func iso(_ millis: Int64, in zone: TimeZone) -> String {
        let t = CivilTime(millis: millis, zone: zone)
        var out = pad(t.year, 4) + "-" + pad(t.month, 2) + "-" + pad(t.day, 2)
        out += "T" + pad(t.hour, 2) + ":" + pad(t.minute, 2) + ":" + pad(t.second, 2) + "." + pad(t.millisecond, 3)
        guard t.offsetSeconds != 0 else { return out + "Z" }
        let minutes = abs(t.offsetSeconds) / 60
        return out + (t.offsetSeconds < 0 ? "-" : "+") + pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2)
    }

    /// `iso` bound to the display zone of now: for reports rendered off the command's task, and loops.
    static func isoWriter() -> @Sendable (Int64) -> String {
        let zone = zone
        return { iso($0, in: zone) }
    }

    /// The time of a log line, in `zone` (the log handler keeps the command's: it logs from any thread).
    static func logTime(_ date: Date, in zone: TimeZone) -> String {
        iso(Int64((date.timeIntervalSince1970 * 1000).rounded(.down)), in: zone)
    }

    /// `yyyy-MM-dd HH:mm:ss,SSS` in the local zone (UtilAll.timeMillisToHumanString2): classic layouts only.
    static func human2(_ millis: Int64) -> String {
        formatter("yyyy-MM-dd HH:mm:ss,SSS").string(from: date(millis))
    }

    /// `yyyy-MM-dd HH:mm:ss` in the local zone: classic layouts only.
    static func seconds(_ millis: Int64) -> String {
        formatter("yyyy-MM-dd HH:mm:ss").string(from: date(millis))
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

    private static func pad(_ n: Int64, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

    private static func formatter(_ pattern: String) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = pattern
        return f
    }
}

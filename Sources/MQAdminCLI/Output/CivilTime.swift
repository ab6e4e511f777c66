import Foundation

/// A wall-clock reading (proleptic Gregorian calendar) and the arithmetic between it and epoch milliseconds in a
/// time zone. Plain integer arithmetic: no formatter is built or locked to print or read a time.
struct CivilTime: Equatable {
    var year: Int64
    var month: Int64
    var day: Int64
    var hour: Int64 = 0
    var minute: Int64 = 0
    var second: Int64 = 0
    var millisecond: Int64 = 0

    /// What a clock in `zone` shows at `millis`, and its offset from UTC in whole minutes (historic offsets with
    /// seconds are cut to the minute, so printing and reading back agree to the millisecond).
    init(millis: Int64, zone: TimeZone) {
        let seconds = Self.floorDiv(millis, 1000)
        let offset = Self.offsetSeconds(atSecond: seconds, zone: zone)
        self.init(localMillis: millis + offset * 1000)
        offsetSeconds = offset
    }

    /// The offset from UTC of the reading made by `init(millis:zone:)`.
    private(set) var offsetSeconds: Int64 = 0

    init(year: Int64, month: Int64, day: Int64, hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0,
        millisecond: Int64 = 0)
    {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second, self.millisecond) = (hour, minute, second, millisecond)
    }

    private init(localMillis: Int64) {
        let days = Self.floorDiv(localMillis, 86_400_000)
        let inDay = localMillis - days * 86_400_000
        // Days to year/month/day: H. Hinnant's civil_from_days.
        let z = days + 719_468
        let era = Self.floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(
            year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: doy - (153 * mp + 2) / 5 + 1,
            hour: inDay / 3_600_000, minute: inDay / 60000 % 60, second: inDay / 1000 % 60,
            millisecond: inDay % 1000)
    }

    /// Milliseconds since the epoch of this reading as if it were UTC.
    var localMillis: Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = Self.floorDiv(y, 400)
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
        return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millisecond
    }

    /// The instant a clock in `zone` shows this reading. Shown twice (clocks set back): the first. Never shown
    /// (clocks set forward): read with the offset before the change, so it lands after the gap, as java.time does.
    func millis(in zone: TimeZone) -> Int64 {
        let local = localMillis
        let second = Self.floorDiv(local, 1000)
        let before = Self.offsetSeconds(atSecond: second - 86400, zone: zone)
        let after = Self.offsetSeconds(atSecond: second + 86400, zone: zone)
        let fits = [before, after].map { local - $0 * 1000 }.filter {
            Self.offsetSeconds(atSecond: Self.floorDiv($0, 1000), zone: zone) * 1000 == local - $0
        }
        return fits.min() ?? local - before * 1000
    }

    /// Whether the fields name a real date and time of day.
    var isValid: Bool {
        (1...12).contains(month) && (1...Self.daysIn(month: month, year: year)).contains(day) && (0...23).contains(hour)
            && (0...59).contains(minute) && (0...59).contains(second) && (0...999).contains(millisecond)
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func offsetSeconds(atSecond second: Int64, zone: TimeZone) -> Int64 {
        let seconds = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(second))))
        return seconds / 60 * 60
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return a % b != 0 && (a < 0) != (b < 0) ? q - 1 : q
    }
}

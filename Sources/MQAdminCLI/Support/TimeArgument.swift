import ArgumentParser
import Foundation

/// A point in time on the command line, for every time option of every command. Accepted: what the tool prints
/// (`2026-12-03T19:04:05.123+01:00`, `...Z`); ISO-8601 without a zone (`2026-12-03T19:04`, a space for the `T`,
/// a comma for the dot), read in the display zone (`DisplayZone`); a date alone (its midnight in that zone);
/// epoch milliseconds; a time relative to now (`-2h`, `+30m`, `-1d12h`) or `now`; Apache's
/// `yyyy-MM-dd#HH:mm:ss:SSS` (display zone: Apache reads it in its JVM's zone).
enum TimeArgument {
    /// For option help: what a time option takes.
    static let forms =
        "ISO-8601 (no zone: the display zone), epoch ms, -2h (relative), now, or yyyy-MM-dd#HH:mm:ss:SSS"

    /// 1973-03-03 in epoch milliseconds (10^11): no broker stored a message before that, so a smaller number is
    /// far more likely epoch seconds typed by mistake (refused, except by classic commands, which take any number
    /// as Apache's do, -1 included).
    static let minimumMillis: Int64 = 100_000_000_000

    /// Milliseconds since the epoch, or a usage error naming the option, what is wrong and what would work.
    static func parse(
        _ text: String, option: String, classic: Bool = false, zone: TimeZone = TimeFormat.zone,
        now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)
    ) -> Result<Int64, CLIError> {
        let s = text.trimmingCharacters(in: .whitespaces)
        func refuse(_ why: String) -> Result<Int64, CLIError> {
            .failure(CLIError("\(option) \"\(text)\" is not a time: \(why)", exit: .usage))
        }
        if s.lowercased() == "now" { return .success(now) }
        if classic, let ms = Int64(s) { return .success(ms) }
        if !s.isEmpty, s.allSatisfy(\.isASCIIDigit) {
            guard let ms = Int64(s) else { return refuse("too large for epoch milliseconds") }
            guard ms >= minimumMillis else {
                return refuse("as epoch milliseconds it is before 1973; if it is seconds, append 000")
            }
            return .success(ms)
        }
        if let sign = s.first, sign == "-" || sign == "+" {
            guard let d = Duration.parse(String(s.dropFirst())) else {
                return refuse("a relative time is a sign and units, e.g. -2h, -30m, -1d12h or +10m")
            }
            return .success(sign == "-" ? now - d.milliseconds : now + d.milliseconds)
        }
        if Duration.parse(s) != nil { return refuse("for a time relative to now write -\(s) (ago) or +\(s)") }
        switch Written.read(s) {
        case .time(let t, let offset?):
            return .success(t.localMillis - offset * 1000)
        case .time(let t, nil):
            return .success(t.millis(in: zone))
        case .invalid(let why):
            return refuse(why)
        case nil:
            if s.first?.isASCIIDigit == true, s.count <= 12, s.contains(":") {
                return refuse("add the date, e.g. \(exampleDate)T\(s)")
            }
            return refuse("use \(forms)")
        }
    }

    /// `parse` for `run()`: throws a usage error.
    static func require(_ text: String, option: String, classic: Bool = false) throws -> Int64 {
        try parse(text, option: option, classic: classic).get()
    }

    /// `parse` for `validate()`: throws ArgumentParser's validation error (the message and the command's usage).
    static func validate(_ text: String, option: String, classic: Bool = false) throws {
        if case .failure(let e) = parse(text, option: option, classic: classic) { throw ValidationError(e.message) }
    }

    private static var exampleDate: String {
        String(TimeFormat.iso(Int64(Date().timeIntervalSince1970 * 1000)).prefix(10))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

/// A date and time as written: ISO-8601 (`yyyy-MM-dd[(T| )HH:mm[:ss[(.|,)fraction]][Z|±HH[:]mm|±HH]]`) or
/// Apache's `yyyy-MM-dd#HH:mm:ss:SSS`.
private enum Written {
    /// A reading and its offset in seconds (nil: none written), or why the text is not a real time.
    case time(CivilTime, offset: Int64?)
    case invalid(String)

    /// Nil when `s` is not written like a date at all.
    static func read(_ s: String) -> Written? {
        var scan = Scanner(Array(s))
        guard let year = scan.digits(4), scan.take("-"), let month = scan.digits(2), scan.take("-"),
            let day = scan.digits(2)
        else { return nil }
        var t = CivilTime(year: year, month: month, day: day)
        var offset: Int64?
        if scan.take("#") {
            // Apache's layout: every field, milliseconds after a colon.
            guard let h = scan.digits(2), scan.take(":"), let m = scan.digits(2), scan.take(":"),
                let sec = scan.digits(2), scan.take(":"), let ms = scan.digits(3), scan.atEnd
            else { return .invalid("Apache's form is yyyy-MM-dd#HH:mm:ss:SSS, e.g. 2026-12-03#19:04:05:123") }
            (t.hour, t.minute, t.second, t.millisecond) = (h, m, sec, ms)
        } else if !scan.atEnd {
            guard scan.take("T") || scan.take("t") || scan.take(" "), let h = scan.digits(2), scan.take(":"),
                let m = scan.digits(2)
            else { return nil }
            (t.hour, t.minute) = (h, m)
            if scan.take(":") {
                guard let sec = scan.digits(2) else { return nil }
                t.second = sec
                if scan.take(".") || scan.take(",") {
                    guard let fraction = scan.fraction() else { return nil }
                    t.millisecond = fraction
                }
            }
            if !scan.atEnd {
                guard let o = scan.offset(), scan.atEnd else {
                    return .invalid("the zone goes last, as Z, +05:30 or -0800")
                }
                offset = o
            }
        }
        guard scan.atEnd else { return nil }
        if let why = problem(t) { return .invalid(why) }
        return .time(t, offset: offset)
    }

    private static func problem(_ t: CivilTime) -> String? {
        if !(1...12).contains(t.month) { return "month \(t.month) does not exist" }
        if !t.isValid {
            if t.day < 1 || t.day > CivilTime.daysIn(month: t.month, year: t.year) {
                return "day \(t.day) does not exist in \(t.year)-\(t.month < 10 ? "0" : "")\(t.month)"
            }
            return "the time of day is out of range (00:00:00 to 23:59:59)"
        }
        return nil
    }
}

/// Reads `Written` one character at a time.
private struct Scanner {
    let chars: [Character]
    var at = 0

    init(_ chars: [Character]) { self.chars = chars }

    var atEnd: Bool { at == chars.count }

    mutating func take(_ c: Character) -> Bool {
        guard at < chars.count, chars[at] == c else { return false }
        at += 1
        return true
    }

    /// Exactly `count` ASCII digits.
    mutating func digits(_ count: Int) -> Int64? {
        guard at + count <= chars.count, chars[at..<at + count].allSatisfy(\.isASCIIDigit) else { return nil }
        defer { at += count }
        return Int64(String(chars[at..<at + count]))
    }

    /// One to nine fraction digits, as whole milliseconds (truncated: finer than the broker's clock).
    mutating func fraction() -> Int64? {
        var text = ""
        while at < chars.count, chars[at].isASCIIDigit, text.count < 9 {
            text.append(chars[at])
            at += 1
        }
        guard !text.isEmpty else { return nil }
        return Int64(String((text + "00").prefix(3)))
    }

    /// `Z`, `±HH:mm`, `±HHmm` or `±HH`, in seconds east of UTC.
    mutating func offset() -> Int64? {
        if take("Z") || take("z") { return 0 }
        let sign: Int64
        if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
        guard let h = digits(2), h <= 18 else { return nil }
        var m: Int64 = 0
        if take(":") {
            guard let mm = digits(2) else { return nil }
            m = mm
        } else if let mm = digits(2) {
            m = mm
        }
        guard m < 60 else { return nil }
        return sign * (h * 3600 + m * 60)
    }
}

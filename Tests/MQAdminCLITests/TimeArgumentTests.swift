import Foundation
import Logging
import MQTestSupport
import NIOConcurrencyHelpers
import Synchronization
import Testing

@testable import MQAdminCLI

/// The one clock without a broker: how times print (`TimeFormat`), which zone (`DisplayZone`), what time options
/// accept (`TimeArgument`), and that what is printed reads back to the same millisecond.
@Suite struct TimeArgumentTests {
    static let kolkata = TimeZone(identifier: "Asia/Kolkata")!
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let newYork = TimeZone(identifier: "America/New_York")!
    static let utc = TimeZone(identifier: "UTC")!
    /// 2024-05-01T10:00:00.000Z.
    static let now: Int64 = 1_714_557_600_000

    @Test func printsIsoWithMillisecondsAndTheZoneOffset() {
        #expect(TimeFormat.iso(Self.now, in: Self.utc) == "2024-05-01T10:00:00.000Z")
        #expect(TimeFormat.iso(Self.now + 123, in: Self.kolkata) == "2024-05-01T15:30:00.123+05:30")
        #expect(TimeFormat.iso(Self.now, in: Self.newYork) == "2024-05-01T06:00:00.000-04:00")
        #expect(TimeFormat.iso(1_704_067_199_999, in: Self.berlin) == "2024-01-01T00:59:59.999+01:00")
        #expect(TimeFormat.iso(0, in: Self.utc) == "1970-01-01T00:00:00.000Z")
        #expect(TimeFormat.iso(-1, in: Self.utc) == "1969-12-31T23:59:59.999Z")
        #expect(TimeFormat.iso(951_782_400_000, in: Self.utc) == "2000-02-29T00:00:00.000Z")
        // The display zone of the task; a writer keeps the zone it was made in.
        let writer = TimeFormat.withZone(Self.kolkata) { TimeFormat.isoWriter() }
        #expect(writer(Self.now) == "2024-05-01T15:30:00.000+05:30")
        #expect(TimeFormat.withZone(Self.utc) { TimeFormat.iso(Self.now) } == "2024-05-01T10:00:00.000Z")
    }

    /// The local zone is looked up when a time is first printed or read, once.
    @Test func localZoneIsLookedUpOnFirstUse() {
        let lookups = Mutex(0)
        let zone = LazyZone {
            lookups.withLock { $0 += 1 }
            return Self.kolkata
        }
        #expect(lookups.withLock { $0 } == 0)
        #expect(zone.zone == Self.kolkata)
        #expect(zone.zone == Self.kolkata)
        #expect(lookups.withLock { $0 } == 1)
    }

    @Test func displayZoneRule() throws {
        let env = ["MQADMIN_TZ": "Asia/Kolkata", "TZ": "America/New_York"]
        #expect(try DisplayZone.resolve(["topic", "describe", "T"], environment: env).zone == Self.kolkata)
        let utc = try DisplayZone.resolve(["topic", "describe", "T", "--utc"], environment: env)
        #expect(utc.zone.secondsFromGMT() == 0)
        #expect(try DisplayZone.resolve(["topic", "describe", "T"], environment: ["TZ": "America/New_York"]).zone
            == Self.newYork)
        #expect(try DisplayZone.resolve(["topic", "describe", "T"], environment: ["TZ": ":Asia/Kolkata"]).zone
            == Self.kolkata)
        // `--utc` after `--` is an argument, not the option.
        #expect(try DisplayZone.resolve(["x", "--", "--utc"], environment: env).zone == Self.kolkata)
        // Classic commands: Apache's layouts in the local zone, whatever MQADMIN_TZ says.
        #expect(try DisplayZone.resolve(["topicStatus", "-t", "T"], environment: env).zone == Self.newYork)
        #expect(try DisplayZone.resolve(["topicStatus"], environment: ["MQADMIN_TZ": "Mars/Olympus"]).zone == .current)
        #expect(throws: CLIError.self) {
            try DisplayZone.resolve(["topic", "list"], environment: ["MQADMIN_TZ": "Mars/Olympus"]).zone
        }
    }

    /// Every accepted form, read in Asia/Kolkata where it names no zone.
    static let accepted: [(String, Int64)] = [
        ("2024-05-01T15:30:00.123+05:30", now + 123),
        ("2024-05-01T10:00:00.123Z", now + 123),
        ("2024-05-01T10:00:00Z", now),
        ("2024-05-01t10:00:00z", now),
        ("2024-05-01T12:00:00.5+02:00", now + 500),
        ("2024-05-01T12:00:00.123456789+0200", now + 123),
        ("2024-05-01T06:00-04", now),
        ("2024-05-01T15:30:00.250", now + 250),
        ("2024-05-01 15:30:00,250", now + 250),
        ("2024-05-01T15:30", now),
        ("2024-05-01", now - 15 * 3_600_000 - 30 * 60000),
        ("2024-05-01#15:30:00:042", now + 42),
        ("1714557600000", now),
        (" 1714557600000 ", now),
        ("now", now),
        ("NOW", now),
        ("-2h", now - 7_200_000),
        ("+1h30m", now + 5_400_000),
        ("-1d12h", now - 129_600_000),
        ("-500ms", now - 500),
    ]

    @Test(arguments: accepted) func accepts(text: String, millis: Int64) throws {
        let got = TimeArgument.parse(text, option: "--begin", zone: Self.kolkata, now: Self.now)
        #expect(try got.get() == millis, "\(text)")
    }

    /// Every refusal and the hint it gives.
    static let refused: [(String, String)] = [
        ("", "use ISO-8601"),
        ("yesterday", "use ISO-8601"),
        ("1714557600", "before 1973; if it is seconds, append 000"),
        ("2h", "write -2h (ago) or +2h"),
        ("-2x", "a relative time is a sign and units"),
        ("-5", "a relative time is a sign and units"),
        ("10:30", "add the date, e.g. "),
        ("2024-13-01T00:00:00Z", "month 13 does not exist"),
        ("2023-02-29", "day 29 does not exist in 2023-02"),
        ("2024-05-01T24:00", "out of range"),
        ("2024-05-01T10:00:00 Z", "the zone goes last"),
        ("2024-05-01#10:00:00", "Apache's form is yyyy-MM-dd#HH:mm:ss:SSS"),
        ("99999999999999999999", "too large"),
    ]

    @Test(arguments: refused) func refuses(text: String, hint: String) {
        switch TimeArgument.parse(text, option: "--end", zone: Self.kolkata, now: Self.now) {
        case .success(let ms): Issue.record("\"\(text)\" was accepted as \(ms)")
        case .failure(let e):
            #expect(e.exit == .usage)
            #expect(e.message.hasPrefix("--end \"\(text)\" is not a time: "), "\(e.message)")
            #expect(e.message.contains(hint), "\(e.message)")
            #expect(!e.message.contains("\n"))
        }
    }

    @Test func classicTakesAnyNumberAsApacheDoes() throws {
        #expect(try TimeArgument.parse("-1", option: "-s", classic: true, now: Self.now).get() == -1)
        #expect(try TimeArgument.parse("0", option: "-s", classic: true, now: Self.now).get() == 0)
        let apache = TimeArgument.parse("2024-05-01#15:30:00:000", option: "-s", classic: true, zone: Self.kolkata)
        #expect(try apache.get() == Self.now)
    }

    /// Clocks set forward skip 02:00-03:00 (2024-03-31, Berlin); set back, 02:00-03:00 happens twice (2024-10-27).
    @Test func wallClockTimesAroundDaylightSavingChanges() throws {
        func read(_ s: String) throws -> Int64 {
            try TimeArgument.parse(s, option: "--begin", zone: Self.berlin, now: Self.now).get()
        }
        #expect(try read("2024-03-31T02:30") == read("2024-03-31T03:30+02:00"))
        #expect(try read("2024-10-27T02:30") == read("2024-10-27T02:30+02:00"))
        #expect(try read("2024-10-27T03:30") == read("2024-10-27T03:30+01:00"))
    }

    /// What the tool prints reads back to the same millisecond, in every form and zone, across the year.
    @Test func printedTimesReadBackToTheSameMillisecond() throws {
        let zones = [Self.utc, Self.kolkata, Self.berlin, Self.newYork, TimeZone(identifier: "Australia/Lord_Howe")!]
        var millis: [Int64] = [0, -1, Self.now, 1_711_846_800_000, 1_730_001_600_000, 4_102_444_800_000]
        var seed: UInt64 = 42
        for _ in 0..<400 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            millis.append(Int64(seed >> 24) % 2_000_000_000_000 + 100_000_000_000)
        }
        for zone in zones {
            for ms in millis {
                let printed = TimeFormat.iso(ms, in: zone)
                #expect(try TimeArgument.parse(printed, option: "-b", zone: .current).get() == ms, "\(printed)")
                // Without its offset, read in the zone it was printed in: the same instant but where clocks repeat.
                let naive = String(printed.prefix(23))
                let back = try TimeArgument.parse(naive, option: "-b", zone: zone).get()
                #expect(TimeFormat.iso(back, in: zone).prefix(23) == naive.prefix(23), "\(naive) in \(zone)")
            }
        }
    }

    /// Log lines carry the zone of the command that made the logger, not of whatever logs (other threads).
    @Test func logLinesUseTheZoneTheLoggerWasMadeIn() {
        let lines = NIOLockedValueBox<[String]>([])
        let console = Console(
            write: { _ in }, writeError: { line in lines.withLockedValue { $0.append(line) } },
            readAll: { Data() }, readLine: { nil }, inputIsTerminal: false, outputIsTerminal: false, environment: [:])
        let logger = TimeFormat.withZone(Self.kolkata) { Logs.make("test", level: .info) }
        Console.$current.withValue(console) {
            TimeFormat.withZone(Self.newYork) { logger.info("hello") }
        }
        let got = lines.withLockedValue { $0 }
        #expect(got.count == 1)
        let line = #/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+05:30 INFO hello\n/#
        #expect(got.allSatisfy { $0.wholeMatch(of: line) != nil }, "\(got)")
    }
}

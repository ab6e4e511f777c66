#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Generator of client message ids (the `UNIQ_KEY` property) in the Java layout
/// (`MessageClientIDSetter`, wire.md §5.7), as uppercase hex:
///
/// `IP (4 or 16) | pid as Int16 | Int32 random, fixed per process | Int32 ms since the start of the
/// current month (local time) | Int16 counter`.
///
/// The broker uses one when a message arrives without UNIQ_KEY. Thread-safe.
public final class UniqueKeyGenerator: Sendable {
    private struct State {
        var monthStart: Int64
        var nextMonthStart: Int64
        var counter: UInt16
    }

    /// The shared generator for this process: loopback IP, the real pid and a random fixed part.
    public static let shared = UniqueKeyGenerator()

    private let prefix: [UInt8]
    private let state: Mutex<State>

    /// Creates a generator.
    /// - Parameters:
    ///   - ip: 4 or 16 address bytes for the prefix (other lengths fall back to 127.0.0.1).
    ///   - pid: process id; only the low 16 bits are used, as in Java.
    ///   - fixed: the per-process `Int32` (Java uses its class loader's hash code); random if nil.
    public init(ip: [UInt8] = [127, 0, 0, 1], pid: Int32? = nil, fixed: Int32? = nil) {
        var prefix = (ip.count == 4 || ip.count == 16) ? ip : [127, 0, 0, 1]
        let pid16 = UInt16(truncatingIfNeeded: pid ?? Int32(getpid()))
        prefix += [UInt8(pid16 >> 8), UInt8(pid16 & 0xFF)]
        let fixedValue = UInt32(bitPattern: fixed ?? Int32.random(in: .min ... .max))
        withUnsafeBytes(of: fixedValue.bigEndian) { prefix.append(contentsOf: $0) }
        self.prefix = prefix
        let now = UniqueKey.currentMillis()
        let start = UniqueKey.monthStart(containing: now, monthsAgo: 0)
        let next = UniqueKey.monthStart(containing: now, monthsAgo: -1)
        self.state = Mutex(State(monthStart: start, nextMonthStart: next, counter: 0))
    }

    /// A new id for a message created at `now` (ms since the epoch).
    public func next(now: Int64 = UniqueKey.currentMillis()) -> String {
        let (diff, counter) = state.withLock { s -> (Int32, UInt16) in
            if now >= s.nextMonthStart || now < s.monthStart - 1_000_000 {
                s.monthStart = UniqueKey.monthStart(containing: now, monthsAgo: 0)
                s.nextMonthStart = UniqueKey.monthStart(containing: now, monthsAgo: -1)
            }
            var diff = Int32(truncatingIfNeeded: now - s.monthStart)
            if diff < 0 && diff > -1_000_000 { diff = 0 }  // clock stepped back a little (NTP), as Java does
            let counter = s.counter
            s.counter &+= 1
            return (diff, counter)
        }
        var bytes = prefix
        withUnsafeBytes(of: diff.bigEndian) { bytes.append(contentsOf: $0) }
        bytes += [UInt8(counter >> 8), UInt8(counter & 0xFF)]
        return Hex.encode(bytes)
    }
}

/// Reading Java-layout UNIQ_KEY values back.
public enum UniqueKey {
    /// Milliseconds since the epoch (wall clock).
    public static func currentMillis() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }

    /// Local-time start (day 1, 00:00:00.000) of the month containing `millis`, shifted back
    /// `monthsAgo` months (negative values go forward).
    public static func monthStart(containing millis: Int64, monthsAgo: Int) -> Int64 {
        var seconds = time_t(millis / 1000)
        var parts = tm()
        localtime_r(&seconds, &parts)
        parts.tm_mday = 1
        parts.tm_hour = 0
        parts.tm_min = 0
        parts.tm_sec = 0
        parts.tm_mon -= Int32(monthsAgo)
        parts.tm_isdst = -1
        return Int64(mktime(&parts)) * 1000
    }

    /// The (approximate, as in Java `getNearlyTimeFromID`) creation time of a Java-layout id:
    /// month start + the stored span, taking the previous month when that would be in the future.
    /// Nil if `key` is not 32 or 56 hex characters.
    public static func timestamp(of key: String, now: Int64 = currentMillis()) -> Int64? {
        guard let bytes = Hex.decode(key), bytes.count == 16 || bytes.count == 28 else { return nil }
        let ipLength = bytes.count == 28 ? 16 : 4
        var span: Int64 = 0
        for b in bytes[(ipLength + 6)..<(ipLength + 10)] { span = span << 8 | Int64(b) }
        var start = monthStart(containing: now, monthsAgo: 0)
        if start + span >= now {
            start = monthStart(containing: now, monthsAgo: 1)
        }
        return start + span
    }

    /// The IP bytes (4 or 16) at the start of a Java-layout id.
    public static func ip(of key: String) -> [UInt8]? {
        guard let bytes = Hex.decode(key), bytes.count == 16 || bytes.count == 28 else { return nil }
        return Array(bytes[0..<(bytes.count == 28 ? 16 : 4)])
    }

    /// The 16-bit pid stored in a Java-layout id.
    public static func pid(of key: String) -> Int? {
        guard let bytes = Hex.decode(key), bytes.count == 16 || bytes.count == 28 else { return nil }
        let at = bytes.count - 12
        return Int(bytes[at]) << 8 | Int(bytes[at + 1])
    }
}

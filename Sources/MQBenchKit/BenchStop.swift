import Synchronization

/// Set once to end a run early (Ctrl-C): producers stop sending, consumers stop waiting, and the figures so far
/// are reported.
public final class BenchStop: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func stop() { flag.store(true, ordering: .relaxed) }

    public var isStopped: Bool { flag.load(ordering: .relaxed) }
}

/// Counters the progress line reads while a run goes on.
public final class BenchCounters: Sendable {
    let sent = Atomic<Int>(0)
    let errors = Atomic<Int>(0)
    let received = Atomic<Int>(0)

    public init() {}

    public var snapshot: (sent: Int, errors: Int, received: Int) {
        (sent.load(ordering: .relaxed), errors.load(ordering: .relaxed), received.load(ordering: .relaxed))
    }
}

/// The monotonic clock in nanoseconds: what send and receipt times are taken with (one process, one clock).
@inline(__always)
func monotonicNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Wall-clock milliseconds, the unit of the broker's store timestamps.
@inline(__always)
func wallMillis() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock milliseconds since the epoch, as the protocol's timestamps (store, born, pop and invisible times) are
/// written. The one definition every layer uses.
@inline(__always)
public func nowMillis() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}

/// Per-key event counts in one-second buckets over the last minute: TPS without unbounded memory.
struct RateWindow: Sendable {
    static let seconds = 60
    private var buckets: [String: [Int64]] = [:]
    private var stamps: [String: [Int64]] = [:]

    /// Adds `count` events for `key` at epoch second `now`.
    mutating func add(_ key: String, count: Int64, now: Int64) {
        let slot = Int(now % Int64(Self.seconds))
        if buckets[key] == nil {
            buckets[key] = Array(repeating: 0, count: Self.seconds)
            stamps[key] = Array(repeating: -1, count: Self.seconds)
        }
        if stamps[key]![slot] != now {
            stamps[key]![slot] = now
            buckets[key]![slot] = 0
        }
        buckets[key]![slot] += count
    }

    /// Events per second for `key` over the last `window` seconds, excluding the current (partial) second.
    func tps(_ key: String, now: Int64, window: Int = 60) -> Double {
        guard let b = buckets[key], let s = stamps[key] else { return 0 }
        let w = max(1, min(window, Self.seconds - 1))
        var total: Int64 = 0
        for i in 0..<Self.seconds where s[i] < now && s[i] >= now - Int64(w) { total += b[i] }
        return Double(total) / Double(w)
    }
}

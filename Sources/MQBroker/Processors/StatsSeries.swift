import MQProtocol

/// One statistic of one key (a topic, or `topic@group`) over the last minute, hour and day, the way Apache's
/// StatsItem answers VIEW_BROKER_STATS_DATA: how much the value grew in each window, that growth per second,
/// and the growth per recorded call. Fixed rings of buckets (60 × 1 s, 60 × 1 min, 24 × 1 h), so memory per
/// key stays constant however long the broker runs.
struct StatsSeries: Sendable {
    private struct Bucket {
        var slot: Int64 = -1
        var value: Int64 = 0
        var times: Int64 = 0
    }

    private struct Ring {
        let width: Int64
        var buckets: [Bucket]

        init(width: Int64, count: Int) {
            self.width = width
            buckets = Array(repeating: Bucket(), count: count)
        }

        mutating func add(_ value: Int64, now: Int64) {
            let slot = now / width
            let index = Int(slot % Int64(buckets.count))
            if buckets[index].slot != slot { buckets[index] = Bucket(slot: slot) }
            buckets[index].value += value
            buckets[index].times += 1
        }

        /// The window ends now: the current (partial) bucket and the ones before it that are still inside.
        func item(now: Int64) -> BrokerStatsItem {
            let current = now / width
            var sum: Int64 = 0
            var times: Int64 = 0
            for b in buckets where b.slot > current - Int64(buckets.count) && b.slot <= current {
                sum += b.value
                times += b.times
            }
            let seconds = Double(width * Int64(buckets.count))
            return BrokerStatsItem(
                sum: sum, tps: Double(sum) / seconds, avgpt: times > 0 ? Double(sum) / Double(times) : 0)
        }
    }

    private var minute = Ring(width: 1, count: 60)
    private var hour = Ring(width: 60, count: 60)
    private var day = Ring(width: 3600, count: 24)

    /// Records one call that added `value` (messages or bytes) at epoch second `now`.
    mutating func add(_ value: Int64, now: Int64) {
        minute.add(value, now: now)
        hour.add(value, now: now)
        day.add(value, now: now)
    }

    func data(now: Int64) -> BrokerStatsData {
        BrokerStatsData(
            statsMinute: minute.item(now: now), statsHour: hour.item(now: now), statsDay: day.item(now: now))
    }
}

/// The statistics the broker keeps by Apache's names (TOPIC_PUT_NUMS …): name → key → series. A key exists
/// from its first record on, as in Apache, so asking for one never recorded is "not exist", not zeros.
struct NamedStats: Sendable {
    private var table: [String: [String: StatsSeries]] = [:]

    mutating func add(_ name: String, key: String, value: Int64, now: Int64) {
        table[name, default: [:]][key, default: StatsSeries()].add(value, now: now)
    }

    func data(_ name: String, key: String, now: Int64) -> BrokerStatsData? {
        table[name]?[key]?.data(now: now)
    }
}

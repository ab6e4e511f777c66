import MQProtocol
import Testing

@testable import MQBroker

/// VIEW_BROKER_STATS_DATA's windows: what a minute, an hour and a day hold as time passes, and Apache's
/// "not exist" for what was never recorded.
struct StatsSeriesTests {
    @Test func windowsHoldWhatWasRecordedInsideThem() {
        var stats = NamedStats()
        let t0: Int64 = 1_796_291_000  // an epoch second of the capture's day
        stats.add(BrokerStatsName.topicPutNums, key: "T", value: 3, now: t0)
        stats.add(BrokerStatsName.topicPutNums, key: "T", value: 1, now: t0 + 5)

        let fresh = try! #require(stats.data(BrokerStatsName.topicPutNums, key: "T", now: t0 + 5))
        #expect(fresh.statsMinute == BrokerStatsItem(sum: 4, tps: 4.0 / 60, avgpt: 2))
        #expect(fresh.statsHour.sum == 4 && fresh.statsDay.sum == 4 && fresh.last24HourSum == 4)

        // Two minutes on: gone from the minute, still in the hour and the day (Apache's statsAll then reads the
        // day's sum).
        let later = try! #require(stats.data(BrokerStatsName.topicPutNums, key: "T", now: t0 + 125))
        #expect(later.statsMinute == BrokerStatsItem(sum: 0, tps: 0, avgpt: 0))
        #expect(later.statsHour == BrokerStatsItem(sum: 4, tps: 4.0 / 3600, avgpt: 2))
        #expect(later.last24HourSum == 4)

        // Two hours on: only the day; a day and more on: nothing, though the key still exists.
        let hoursLater = try! #require(stats.data(BrokerStatsName.topicPutNums, key: "T", now: t0 + 7200))
        #expect(hoursLater.statsHour.sum == 0 && hoursLater.statsDay.sum == 4)
        let dayLater = try! #require(stats.data(BrokerStatsName.topicPutNums, key: "T", now: t0 + 90_000))
        #expect(dayLater.statsDay.sum == 0 && dayLater.last24HourSum == 0)

        // A minute after the first record its one-second slot is reused: it no longer counts, the one of
        // 55 s ago still does.
        stats.add(BrokerStatsName.topicPutNums, key: "T", value: 7, now: t0 + 60)
        let reused = try! #require(stats.data(BrokerStatsName.topicPutNums, key: "T", now: t0 + 60))
        #expect(reused.statsMinute.sum == 8)

        #expect(stats.data(BrokerStatsName.topicPutNums, key: "U", now: t0) == nil)
        #expect(stats.data("NO_SUCH_STATS", key: "T", now: t0) == nil)
    }
}

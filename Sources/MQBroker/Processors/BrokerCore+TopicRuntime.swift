import Foundation
import MQProtocol
import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#endif

extension BrokerCore {
    /// GET_BROKER_RUNTIME_INFO's table with real values for every key Apache's `clusterList` and
    /// `brokerStatus` read (admin-trace-acl §2.8, wire.md §4.11): TPS windows, daily totals, the oldest
    /// stored message, disk usage of the store's file system, and the queues this broker does not have
    /// (it runs requests on its event loops, so its "thread pool queues" are always empty).
    public func clusterRuntimeInfo(now: Int64? = nil) -> [String: String] {
        let now = now ?? nowMillis()
        var info = runtimeInfo()
        let daily = rollDailyCounters(now: now)
        info["msgPutTotalYesterdayMorning"] = String(daily.putYesterdayMorning)
        info["msgPutTotalTodayMorning"] = String(daily.putTodayMorning)
        info["msgGetTotalYesterdayMorning"] = String(daily.getYesterdayMorning)
        info["msgGetTotalTodayMorning"] = String(daily.getTodayMorning)
        info["msgPutTotalTodayNow"] = String(stats.putMessages)
        info["msgGetTotalTodayNow"] = String(stats.getMessages)

        // Apache prints three windows (10 s, 60 s, 600 s); we keep one minute of history, so the
        // 600 s field stays empty, as Apache's does until it has ten minutes of samples.
        let (put10, get10) = stats.totalTps(window: 10)
        let (put60, get60) = stats.totalTps(window: 60)
        info["putTps"] = "\(put10) \(put60) "
        // 5.x renamed getTransferedTps; 4.9's clusterList reads the old spelling (and fails without it).
        info["getTransferredTps"] = "\(get10) \(get60) "
        info["getTransferedTps"] = info["getTransferredTps"]
        let (found10, miss10) = stats.pullTps(window: 10)
        let (found60, miss60) = stats.pullTps(window: 60)
        info["getFoundTps"] = "\(found10) \(found60) "
        info["getMissTps"] = "\(miss10) \(miss60) "
        info["getTotalTps"] = "\(found10 + miss10) \(found60 + miss60) "
        let (putMax, getMax) = stats.entireTimeMax
        info["putMessageEntireTimeMax"] = String(putMax)
        info["getMessageEntireTimeMax"] = String(getMax)
        let putTimes = stats.putTimeDistribution
        info["putMessageDistributeTime"] = putTimes.text
        info["putLatency99"] = String(format: "%.2f", putTimes.percentileMillis(0.99))
        info["putLatency999"] = String(format: "%.2f", putTimes.percentileMillis(0.999))
        info["brokerVersion"] = String(MQVersion.current)
        // Dispatch to consume queues happens in the append; there is no transient store pool (Apache reports
        // Integer.MAX_VALUE buffers when it is off).
        info["dispatchMaxBuffer"] = "0"
        info["remainTransientStoreBufferNumbs"] = "2147483647"
        let puts = stats.putMessages
        info["putMessageTimesTotal"] = String(max(puts, 1))
        info["putMessageAverageSize"] = String(Double(stats.putBytes) / Double(max(puts, 1)))
        info["runtime"] = Self.formatRuntime(millis: now - bootTimestamp)
        info["earliestMessageTimeStamp"] = String(earliestMessageTime() ?? -1)
        info["remainHowManyDataToFlush"] = Self.humanBytes(
            max(0, store.commitLogMaxOffset - store.commitLogFlushedOffset))
        info["startAcceptSendRequestTimeStamp"] = "0"

        let commitLogDir = store.config.directory + "/commitlog"
        let ratio = Self.diskUsedRatio(path: commitLogDir) ?? -1
        info["commitLogDiskRatio"] = String(ratio)
        info["commitLogDiskRatio_" + commitLogDir] = String(ratio)
        info["consumeQueueDiskRatio"] = String(Self.diskUsedRatio(path: store.config.directory + "/consumequeue") ?? -1)
        if let space = Self.diskSpace(path: store.config.directory) {
            info["commitLogDirCapacity"] =
                "Total : \(Self.humanBytes(space.total)), Free : \(Self.humanBytes(space.free))."
        }

        for pool in ["send", "pull", "litePull", "query", "ack"] {
            info[pool + "ThreadPoolQueueSize"] = "0"
            info[pool + "ThreadPoolQueueHeadWaitTimeMills"] = "0"
        }
        info["EndTransactionQueueSize"] = "0"
        info.merge(timers.runtimeInfo(now: now)) { $1 }
        return info
    }

    /// Store time of the oldest message in the commit log, nil when it holds none.
    public func earliestMessageTime() -> Int64? {
        guard store.commitLogMaxOffset > store.commitLogMinOffset,
            let record = store.message(atCommitLogOffset: store.commitLogMinOffset),
            let sysFlag = record.getInteger(at: record.readerIndex + MessageRecord.sysFlagPosition, as: Int32.self)
        else { return nil }
        return record.getInteger(
            at: record.readerIndex + MessageRecord.storeTimestampPosition(sysFlag: sysFlag), as: Int64.self)
    }

    /// Takes today's morning totals at the first call after local midnight (Apache's BrokerStats
    /// records them at midnight). Before the first midnight since start the morning totals are 0,
    /// as in Apache. Call it periodically (housekeeping) so the roll-over happens within seconds.
    @discardableResult
    public func rollDailyCounters(now: Int64? = nil) -> DailyCounters {
        let now = now ?? nowMillis()
        let day = Self.localDay(millis: now)
        let key = ObjectIdentifier(self)
        let (puts, gets) = (stats.putMessages, stats.getMessages)
        return dailyCounterRegistry.withLockedValue { registry in
            var c =
                registry[key].flatMap { $0.boot == bootTimestamp ? $0 : nil }
                ?? DailyCounters(boot: bootTimestamp, day: day)
            if day > c.day {
                c.putYesterdayMorning = c.putTodayMorning
                c.getYesterdayMorning = c.getTodayMorning
                c.putTodayMorning = puts
                c.getTodayMorning = gets
                c.day = day
            }
            registry[key] = c
            return c
        }
    }

    /// Days since the epoch in the local time zone (Apache's day boundaries are local midnight).
    static func localDay(millis: Int64) -> Int64 {
        let offset = Int64(TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: Double(millis) / 1000)))
        return (millis / 1000 + offset) / 86_400
    }

    /// `[ 0 days, 1 hours, 2 minutes, 3 seconds ]` (Apache's StoreStatsService#getFormatRuntime).
    static func formatRuntime(millis: Int64) -> String {
        let s = max(0, millis) / 1000
        return "[ \(s / 86_400) days, \(s % 86_400 / 3600) hours, \(s % 3600 / 60) minutes, \(s % 60) seconds ]"
    }

    /// Apache's MixAll.humanReadableByteCount(bytes, si: false): `512 B`, `1.5 KiB`, `97.9 GiB`.
    static func humanBytes(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let exp = min(6, Int(log(Double(bytes)) / log(1024.0)))
        let unit = Array("KMGTPE")[exp - 1]
        return String(format: "%.1f", Double(bytes) / pow(1024.0, Double(exp))) + " \(unit)iB"
    }

    /// Apache's UtilAll.getDiskPartitionSpaceUsedPercent: used / (used + available to us), rounded up
    /// to hundredths; nil when the path does not exist.
    static func diskUsedRatio(path: String) -> Double? {
        guard let space = diskSpace(path: path), space.total > 0 else { return nil }
        let used = space.total - space.free
        let entire = used + space.available
        guard entire > 0 else { return nil }
        let percent = used * 100 / entire + (used * 100 % entire != 0 ? 1 : 0)
        return Double(percent) / 100.0
    }

    static func diskSpace(path: String) -> (total: Int64, free: Int64, available: Int64)? {
        var s = statvfs()
        guard statvfs(path, &s) == 0 else { return nil }
        let unit = Int64(s.f_frsize)
        return (Int64(s.f_blocks) * unit, Int64(s.f_bfree) * unit, Int64(s.f_bavail) * unit)
    }
}

/// Message totals at the start of today and yesterday (local time), for runtime info.
public struct DailyCounters: Sendable, Equatable {
    var boot: Int64
    var day: Int64
    public var putYesterdayMorning: Int64 = 0
    public var putTodayMorning: Int64 = 0
    public var getYesterdayMorning: Int64 = 0
    public var getTodayMorning: Int64 = 0

    init(boot: Int64, day: Int64) {
        self.boot = boot
        self.day = day
    }
}

/// Per-broker daily counters, kept beside BrokerCore (whose stored properties this area does not own).
/// Entries carry the broker's boot time, so a new broker at a reused address never inherits them.
private let dailyCounterRegistry = NIOLockedValueBox<[ObjectIdentifier: DailyCounters]>([:])

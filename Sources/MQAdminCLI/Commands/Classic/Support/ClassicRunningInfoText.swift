import Foundation
import MQProtocol

/// Apache's text forms of a consumer's running info (5.3.3's `ConsumerRunningInfo#formatString` and
/// `analyzeProcessQueue`), for the classic `consumerStatus`. Times are in the local zone, as Apache's JVM
/// prints them. Properties come in the order the client wrote them (Apache prints its own Hashtable's order,
/// which no other program can reproduce).
enum ClassicRunningInfoText {
    static func format(_ info: ConsumerRunningInfo, zone: TimeZone = .current) -> String {
        var sb = "#Consumer Properties#\n"
        for p in info.properties { sb += JavaFormat.format("%-40s: %s%n", [p.key, p.value]) }

        sb += "\n\n#Consumer Subscription#\n"
        for (i, s) in sortedSubscriptions(info).enumerated() {
            sb += JavaFormat.format(
                "%s Topic: %-40s ClassFilter: %-8s SubExpression: %s%n",
                [zeroPadded(i + 1, 3), s.topic, String(s.classFilterMode), s.subString])
        }

        let queues = info.mqTable.entries.sorted { $0.queue < $1.queue }
        sb += "\n\n#Consumer Offset#\n"
        sb += JavaFormat.format("%-64s  %-32s  %-4s  %-20s%n", ["#Topic", "#Broker Name", "#QID", "#Consumer Offset"])
        for (mq, p) in queues {
            sb += JavaFormat.format(
                "%-32s  %-32s  %-4s  %-20s%n", [mq.topic, mq.brokerName, String(mq.queueId), String(p.commitOffset)])
        }

        sb += "\n\n#Consumer MQ Detail#\n"
        sb += JavaFormat.format("%-64s  %-32s  %-4s  %-20s%n", ["#Topic", "#Broker Name", "#QID", "#ProcessQueueInfo"])
        for (mq, p) in queues {
            sb += JavaFormat.format(
                "%-64s  %-32s  %-4s  %s%n", [mq.topic, mq.brokerName, String(mq.queueId), describe(p, zone: zone)])
        }

        sb += "\n\n#Consumer Pop Detail#\n"
        sb += JavaFormat.format("%-32s  %-32s  %-4s  %-20s%n", ["#Topic", "#Broker Name", "#QID", "#ProcessQueueInfo"])
        for (mq, p) in info.mqPopTable.entries.sorted(by: { $0.queue < $1.queue }) {
            let text = "PopProcessQueueInfo [waitAckCount:\(p.waitAckCount), droped:\(p.droped), "
                + "lastPopTimestamp:\(p.lastPopTimestamp)]"
            sb += JavaFormat.format("%-32s  %-32s  %-4s  %s%n", [mq.topic, mq.brokerName, String(mq.queueId), text])
        }

        sb += "\n\n#Consumer RT&TPS#\n"
        sb += JavaFormat.format(
            "%-64s  %14s %14s %14s %14s %18s %25s%n",
            ["#Topic", "#Pull RT", "#Pull TPS", "#Consume RT", "#ConsumeOK TPS", "#ConsumeFailed TPS",
             "#ConsumeFailedMsgsInHour"])
        for (topic, s) in info.statusTable.sorted(by: { $0.topic < $1.topic }) {
            sb += JavaFormat.format(
                "%-32s  %14s %14s %14s %14s %18s %25s%n",
                [topic, fixed2(s.pullRT), fixed2(s.pullTPS), fixed2(s.consumeRT), fixed2(s.consumeOKTPS),
                 fixed2(s.consumeFailedTPS), String(s.consumeFailedMsgs)])
        }

        sb += "\n\n#User Consume Info#\n"
        for p in info.userConsumerInfo.sorted(by: { $0.key < $1.key }) {
            sb += JavaFormat.format("%-40s: %s%n", [p.key, p.value])
        }

        if let jstack = info.jstack {
            sb += "\n\n#Consumer jstack#\n" + jstack
        }
        return sb
    }

    /// Apache's `analyzeProcessQueue`: push consumers' queues that cannot lock (orderly) or have not consumed
    /// for a minute while holding messages.
    static func analyzeProcessQueue(clientId: String, _ info: ConsumerRunningInfo, now: Int64) -> String {
        guard info.isPush else { return "" }
        var sb = ""
        for (mq, pq) in info.mqTable.entries.sorted(by: { $0.queue < $1.queue }) {
            let queue = "MessageQueue [topic=\(mq.topic), brokerName=\(mq.brokerName), queueId=\(mq.queueId)]"
            if info.consumeOrderly {
                if !pq.locked {
                    sb += "\(clientId) \(queue) can't lock for a while, \(now - pq.lastLockTimestamp)ms\n"
                } else if pq.droped && pq.tryUnlockTimes > 0 {
                    sb += "\(clientId) \(queue) unlock \(pq.tryUnlockTimes) times, still failed\n"
                }
            } else {
                let diff = now - pq.lastConsumeTimestamp
                if diff > 60_000 && pq.cachedMsgCount > 0 {
                    sb += "\(clientId) \(queue) can't consume for a while, maybe blocked, \(diff)ms\n"
                }
            }
        }
        return sb
    }

    /// Apache's `analyzeSubscription`: members started over two minutes ago must subscribe alike; the first
    /// member (by client id) decides whether the check applies.
    static func sameSubscription(_ infos: [(clientId: String, info: ConsumerRunningInfo)], now: Int64) -> Bool {
        guard let first = infos.first?.info, first.isPush, let start = first.startTimestamp,
            now - start > 120_000
        else { return true }
        let reference = Set(first.subscriptionSet.map(subscriptionKey))
        return infos.allSatisfy { Set($0.info.subscriptionSet.map(subscriptionKey)) == reference }
    }

    private static func subscriptionKey(_ s: SubscriptionData) -> String { s.topic + "@" + s.subString }

    /// A TreeSet<SubscriptionData> orders by `topic@subString`.
    private static func sortedSubscriptions(_ info: ConsumerRunningInfo) -> [SubscriptionData] {
        info.subscriptionSet.sorted { subscriptionKey($0) < subscriptionKey($1) }
    }

    /// `ProcessQueueInfo#toString`.
    static func describe(_ p: ProcessQueueInfo, zone: TimeZone) -> String {
        "ProcessQueueInfo [commitOffset=\(p.commitOffset), cachedMsgMinOffset=\(p.cachedMsgMinOffset), "
            + "cachedMsgMaxOffset=\(p.cachedMsgMaxOffset), cachedMsgCount=\(p.cachedMsgCount), "
            + "cachedMsgSizeInMiB=\(p.cachedMsgSizeInMiB), transactionMsgMinOffset=\(p.transactionMsgMinOffset), "
            + "transactionMsgMaxOffset=\(p.transactionMsgMaxOffset), transactionMsgCount=\(p.transactionMsgCount), "
            + "locked=\(p.locked), tryUnlockTimes=\(p.tryUnlockTimes), "
            + "lastLockTimestamp=\(human(p.lastLockTimestamp, zone)), droped=\(p.droped), "
            + "lastPullTimestamp=\(human(p.lastPullTimestamp, zone)), "
            + "lastConsumeTimestamp=\(human(p.lastConsumeTimestamp, zone))]"
    }

    /// `UtilAll.timeMillisToHumanString`: yyyyMMddHHmmssSSS in the local zone.
    static func human(_ millis: Int64, _ zone: TimeZone) -> String {
        let t = CivilTime(millis: millis, zone: zone)
        return zeroPadded(t.year, 4) + zeroPadded(t.month, 2) + zeroPadded(t.day, 2) + zeroPadded(t.hour, 2)
            + zeroPadded(t.minute, 2) + zeroPadded(t.second, 2) + zeroPadded(t.millisecond, 3)
    }

    private static func zeroPadded<T: BinaryInteger>(_ n: T, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Java's `%.2f`: the shortest decimal form of the double rounded HALF_UP (C's printf rounds the binary
    /// value instead, so 1.005 would print 1.00 where Java prints 1.01).
    static func fixed2(_ d: Double) -> String {
        guard d.isFinite, abs(d) >= 1e-4, abs(d) < 1e15 else { return String(format: "%.2f", d) }
        let text = "\(abs(d))"
        guard !text.contains("e") else { return String(format: "%.2f", d) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var whole = Array(parts[0]).compactMap(\.wholeNumberValue)
        var frac = parts.count > 1 ? Array(parts[1]).compactMap(\.wholeNumberValue) : []
        while frac.count < 3 { frac.append(0) }
        var digits = whole + frac.prefix(2)
        if frac[2] >= 5 {
            var i = digits.count - 1
            while i >= 0 {
                if digits[i] == 9 {
                    digits[i] = 0
                    i -= 1
                } else {
                    digits[i] += 1
                    break
                }
            }
            if i < 0 { digits.insert(1, at: 0) }
        }
        whole = Array(digits.dropLast(2))
        let out = whole.map(String.init).joined() + "." + digits.suffix(2).map(String.init).joined()
        let isZero = digits.allSatisfy { $0 == 0 }
        return (d < 0 && !isZero ? "-" : "") + out
    }
}

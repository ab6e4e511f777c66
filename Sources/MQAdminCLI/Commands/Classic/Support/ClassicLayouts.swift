import Foundation
import MQClient
import MQProtocol

/// Apache mqadmin's exact text layouts for the classic topic, cluster and broker commands (admin-trace-acl §2–3),
/// so scripts that parse them keep working.
enum ClassicLayouts {
    typealias P = Printf

    /// `TopicConfig [topicName=..., ..., attributes={...}]` (Java's TopicConfig.toString), with the
    /// attribute modification as the CLI holds it (`+key=value`, `-key=`).
    static func topicConfigLine(_ c: TopicConfig, modification: [String: String]) -> String {
        let attributes = modification.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return "TopicConfig [topicName=\(c.topicName), readQueueNums=\(c.readQueueNums), "
            + "writeQueueNums=\(c.writeQueueNums), perm=\(PermName.string(c.perm)), "
            + "topicFilterType=\(c.topicFilterType), topicSysFlag=\(c.topicSysFlag), order=\(c.order), "
            + "attributes={\(attributes)}]"
    }

    /// topicList -c: the header is narrower than the rows, as in Apache.
    static func topicListHeader() -> String {
        P.left("#Cluster Name", 20) + "  " + P.left("#Topic", 48) + "  " + P.left("#Consumer Group", 48) + "\n"
    }

    static func topicListRow(cluster: String, topic: String, group: String) -> String {
        P.left(P.front(cluster, 20), 20) + "  " + P.left(P.front(topic, 64), 64) + "  " + P.left(P.front(group, 64), 64)
            + "\n"
    }

    /// topicStatus: one row per queue, a blank line and the put TPS.
    static func topicStatus(_ rows: [(MessageQueue, TopicOffset)], putTps: Double) -> String {
        var out =
            P.left("#Broker Name", 32) + "  " + P.left("#QID", 4) + "  " + P.left("#Min Offset", 20) + "  "
            + P.left("#Max Offset", 20) + "    " + "#Last Updated" + "\n"
        for (mq, o) in rows.sorted(by: { $0.0 < $1.0 }) {
            let last = o.lastUpdateTimestamp > 0 ? TimeFormat.human2(o.lastUpdateTimestamp) : ""
            out +=
                P.left(P.front(mq.brokerName, 32), 32) + "  " + P.left(String(mq.queueId), 4) + "  "
                + P.left(String(o.minOffset), 20) + "  " + P.left(String(o.maxOffset), 20) + "    " + last + "\n"
        }
        return out + "\nTopic Put TPS: \(javaDouble(putTps))\n"
    }

    /// topicRoute -l: `%-45s %-32s %-50s %-10s %-11s %-5s`, a line of 158 dashes and a total row.
    static func topicRouteList(_ route: TopicRouteData) -> String {
        func row(_ c: [String]) -> String {
            P.left(c[0], 45) + " " + P.left(c[1], 32) + " " + P.left(c[2], 50) + " " + P.left(c[3], 10) + " "
                + P.left(c[4], 11) + " " + P.left(c[5], 5) + "\n"
        }
        let queues = Dictionary(route.queueDatas.map { ($0.brokerName, $0) }, uniquingKeysWith: { a, _ in a })
        var out = row(["#ClusterName", "#BrokerName", "#BrokerAddrs", "#ReadQueue", "#WriteQueue", "#Perm"])
        var (read, write): (Int32, Int32) = (0, 0)
        for b in route.brokerDatas.sorted(by: { $0.brokerName < $1.brokerName }) {
            guard let q = queues[b.brokerName] else { continue }
            read += q.readQueueNums
            write += q.writeQueueNums
            let addrs =
                "{" + b.brokerAddrs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                + "}"
            out += row([
                b.cluster, b.brokerName, addrs, String(q.readQueueNums), String(q.writeQueueNums), String(q.perm),
            ])
        }
        out += String(repeating: "-", count: 158) + "\n"
        return out + row(["Total:", String(queues.count), "", String(read), String(write), ""])
    }

    /// clusterList: one row per broker address, Apache's columns and number formats.
    static func clusterList(_ overview: ClusterOverview, now: Int64) -> String {
        func row(_ c: [String], header: Bool) -> String {
            P.left(c[0], 22) + "  " + P.left(c[1], 22) + "  " + P.left(c[2], 4) + "  " + P.left(c[3], 22) + " "
                + P.left(c[4], 16) + "  " + P.right(c[5], 16) + "  " + P.right(c[6], 30) + "  " + P.left(c[7], 22)
                + "  "
                + (header ? P.left(c[8], 11) : P.right(c[8], 11)) + "  " + P.left(c[9], 12) + "  " + P.left(c[10], 8)
                + "  " + (header ? P.left(c[11], 10) : P.right(c[11], 10)) + "\n"
        }
        var out = row(
            [
                "#Cluster Name", "#Broker Name", "#BID", "#Addr", "#Version", "#InTPS(LOAD)", "#OutTPS(LOAD)",
                "#Timer(Progress)", "#PCWait(ms)", "#Hour", "#SPACE", "#ACTIVATED",
            ], header: true)
        for r in overview.brokers {
            let t = ClusterListView.normalized(r.value ?? [:])
            // Apache prints a missing value as "null" inside these strings.
            func v(_ k: String, _ missing: String = "null") -> String { t[k] ?? (r.value == nil ? "" : missing) }
            func first(_ k: String) -> Double { t[k]?.split(separator: " ").first.flatMap { Double($0) } ?? 0 }
            func num(_ k: String) -> Double { t[k].flatMap { Double($0) } ?? 0 }
            let inTps =
                String(format: "%9.2f", first("putTps"))
                + "(\(v("sendThreadPoolQueueSize")),\(v("sendThreadPoolQueueHeadWaitTimeMills"))ms)"
            let outTps =
                String(format: "%9.2f", first("getTransferredTps"))
                + "(\(v("pullThreadPoolQueueSize")),\(v("pullThreadPoolQueueHeadWaitTimeMills"))ms"
                + "|\(v("ackThreadPoolQueueSize", "N")),\(v("ackThreadPoolQueueHeadWaitTimeMills", "N"))ms)"
            let timer =
                "\(Int64(num("timerReadBehind")))-\(Int64(num("timerOffsetBehind")))("
                + String(
                    format: "%.1fw, %.1f, %.1f)", num("timerCongestNum") / 10000, num("timerEnqueueTps"),
                    num("timerDequeueTps"))
            // Apache computes hours since timestamp -1 when the store is empty; an empty store is 0 hours old.
            let earliest = Int64(t["earliestMessageTimeStamp"] ?? "") ?? 0
            let hours = earliest > 0 ? Double(now - earliest) / 3_600_000 : 0
            out += row(
                [
                    r.endpoint.cluster, r.endpoint.brokerName, String(r.endpoint.brokerId), r.endpoint.address,
                    v("brokerVersionDesc"), inTps, outTps, timer, v("pageCacheLockTimeMills"),
                    String(format: "%2.2f", hours), String(format: "%.4f", num("commitLogDiskRatio")),
                    String(t["brokerActive"] == "true"),
                ], header: false)
        }
        return out
    }

    /// clusterList -m: yesterday's and today's in/out totals per broker address.
    static func clusterListMore(_ overview: ClusterOverview) -> String {
        var out =
            P.left("#Cluster Name", 16) + "  " + P.left("#Broker Name", 32) + " " + P.right("#InTotalYest", 14) + " "
            + P.right("#OutTotalYest", 14) + " " + P.right("#InTotalToday", 14) + " " + P.right("#OutTotalToday", 14)
            + "\n"
        for r in overview.brokers {
            let b = ClusterListView.broker(r)
            let values = [b.inTotalYesterday, b.outTotalYesterday, b.inTotalToday, b.outTotalToday].map {
                String($0.value ?? 0)
            }
            out +=
                P.left(r.endpoint.cluster, 16) + "  " + P.left(r.endpoint.brokerName, 32) + " "
                + values.map { P.right($0, 14) }.joined(separator: " ") + "\n"
        }
        return out
    }

    /// brokerStatus: sorted `key: value` lines, prefixed by the address with -c.
    static func brokerStatus(_ overview: ClusterOverview, prefixAddress: Bool) -> String {
        var out = ""
        for r in overview.brokers {
            for (k, v) in (r.value ?? [:]).sorted(by: { $0.key < $1.key }) {
                out +=
                    prefixAddress
                    ? P.left(r.endpoint.address, 24) + " " + P.left(k, 32) + ": " + v + "\n"
                    : P.left(k, 32) + ": " + v + "\n"
            }
        }
        return out
    }
}

import Foundation
import MQClient
import MQProtocol

/// The result of `cluster list` (docs/json/topics.md).
struct ClusterListView: Encodable, Sendable {
    struct Broker: Encodable, Sendable {
        var broker: String
        var id: Int
        var role: String
        var address: String
        var version: OrNull<String>
        var active: OrNull<Bool>
        var inTps: OrNull<Double>
        var outTps: OrNull<Double>
        var inTotalToday: OrNull<Int64>
        var outTotalToday: OrNull<Int64>
        var inTotalYesterday: OrNull<Int64>
        var outTotalYesterday: OrNull<Int64>
        var earliestMessageTime: OrNull<Int64>
        var earliestMessageTimeIso: OrNull<String>
        /// Why earliestMessageTime is null.
        @NullEncoded var earliestMessageTimeReason: String?
        var diskUsedRatio: OrNull<Double>
        /// Why some figures above are null: the broker was unreachable, or it does not report them.
        @NullEncoded var nullReason: String?
        /// When set, the broker could not be read and every figure above is null.
        @NullEncoded var error: String?
    }

    struct Cluster: Encodable, Sendable {
        var name: String
        var brokers: [Broker]
    }

    var clusters: [Cluster]

    init(_ overview: ClusterOverview) {
        var byCluster: [String: [Broker]] = [:]
        for r in overview.brokers { byCluster[r.endpoint.cluster, default: []].append(Self.broker(r)) }
        clusters = byCluster.keys.sorted().map { Cluster(name: $0, brokers: byCluster[$0]!) }
    }

    /// A runtime-info table with the transferred TPS under 5.x's spelling, whichever spelling the broker used
    /// (4.9 writes `getTransferedTps`, 5.x `getTransferredTps`).
    static func normalized(_ table: [String: String]) -> [String: String] {
        var t = table
        if t["getTransferredTps"] == nil { t["getTransferredTps"] = t["getTransferedTps"] }
        return t
    }

    static func broker(_ r: BrokerResult<[String: String]>) -> Broker {
        let e = r.endpoint
        let t = normalized(r.value ?? [:])
        func int(_ k: String) -> Int64? { t[k].flatMap { Int64($0) } }
        func firstDouble(_ k: String) -> Double? { t[k]?.split(separator: " ").first.flatMap { Double($0) } }
        func diff(_ a: String, _ b: String) -> OrNull<Int64> { OrNull(int(a).flatMap { x in int(b).map { x - $0 } }) }
        let earliest = int("earliestMessageTimeStamp").flatMap { $0 > 0 ? $0 : nil }
        var reason: String?
        if r.error != nil { reason = "broker unreachable" } else if earliest == nil { reason = "no messages stored" }
        let reported = [
            "brokerVersionDesc", "brokerActive", "putTps", "getTransferredTps", "msgPutTotalTodayNow",
            "msgGetTotalTodayNow", "msgPutTotalTodayMorning", "msgGetTotalTodayMorning", "msgPutTotalYesterdayMorning",
            "msgGetTotalYesterdayMorning", "commitLogDiskRatio",
        ]
        let missing = reported.filter { t[$0] == nil }
        var nullReason: String?
        if r.error != nil {
            nullReason = "broker unreachable"
        } else if !missing.isEmpty {
            nullReason = "not reported by the broker: " + missing.joined(separator: ", ")
        }
        return Broker(
            broker: e.brokerName, id: e.brokerId, role: e.isMaster ? "master" : "slave", address: e.address,
            version: OrNull(t["brokerVersionDesc"]), active: OrNull(t["brokerActive"].map { $0 == "true" }),
            inTps: OrNull(firstDouble("putTps")), outTps: OrNull(firstDouble("getTransferredTps")),
            inTotalToday: diff("msgPutTotalTodayNow", "msgPutTotalTodayMorning"),
            outTotalToday: diff("msgGetTotalTodayNow", "msgGetTotalTodayMorning"),
            inTotalYesterday: diff("msgPutTotalTodayMorning", "msgPutTotalYesterdayMorning"),
            outTotalYesterday: diff("msgGetTotalTodayMorning", "msgGetTotalYesterdayMorning"),
            earliestMessageTime: OrNull(earliest), earliestMessageTimeIso: OrNull(earliest.map(TimeFormat.iso)),
            earliestMessageTimeReason: reason,
            diskUsedRatio: OrNull(t["commitLogDiskRatio"].flatMap { Double($0) }.flatMap { $0 >= 0 ? $0 : nil }),
            nullReason: nullReason, error: r.error?.description)
    }

    func table() -> String {
        var t = TextTable([
            .init("CLUSTER"), .init("BROKER"), .init("ID", .right), .init("ADDRESS"), .init("VERSION"),
            .init("IN TPS", .right), .init("OUT TPS", .right), .init("IN TODAY", .right), .init("OUT TODAY", .right),
            .init("OLDEST MSG"), .init("DISK", .right), .init("STATUS"),
        ])
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        for c in clusters {
            for b in c.brokers {
                func num<T>(_ v: OrNull<T>, _ f: (T) -> String) -> String { v.value.map(f) ?? "-" }
                t.add(
                    c.name, b.broker, String(b.id), b.address, b.version.value ?? "-",
                    num(b.inTps) { String(format: "%.2f", $0) }, num(b.outTps) { String(format: "%.2f", $0) },
                    num(b.inTotalToday) { String($0) }, num(b.outTotalToday) { String($0) },
                    num(b.earliestMessageTime) { TimeFormat.duration(millis: now - $0) + " ago" },
                    num(b.diskUsedRatio) { String(format: "%.0f%%", $0 * 100) },
                    Self.status(b))
            }
        }
        return t.render()
    }

    /// The STATUS column. A broker that answered is ACTIVE unless it says otherwise: Apache 4.9 has no
    /// `brokerActive` (only 5.x reports it, false for a slave acting as master's stand-in), and showing its
    /// serving brokers as INACTIVE sent operators looking for a fault that was not there.
    static func status(_ b: Broker) -> String {
        if b.error != nil { return "UNREACHABLE" }
        return b.active.value == false ? "INACTIVE" : "ACTIVE"
    }
}

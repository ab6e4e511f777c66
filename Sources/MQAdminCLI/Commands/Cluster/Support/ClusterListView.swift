import Foundation
import MQClient
import MQProtocol

/// Cluster info plus every broker's runtime info: what `cluster list`, `clusterList`,
/// `broker status` and `brokerStatus` print.
struct ClusterOverview: Sendable {
    var info: ClusterInfo
    var brokers: [BrokerResult<[String: String]>]

    /// Reads the runtime info of every broker address (masters and slaves) of `cluster` (or all).
    static func load(client: MQClientInstance, cluster: String?) async throws -> ClusterOverview {
        let info = try await client.clusterInfo()
        let endpoints = try info.endpoints(cluster: cluster)
        return ClusterOverview(info: info, brokers: await client.runtimeInfos(endpoints))
    }

    var failures: [BrokerResult<[String: String]>] { brokers.filter { $0.error != nil } }

    /// Exit 1 after the output when a broker could not be read.
    func failIfPartial() throws {
        let failed = failures
        guard !failed.isEmpty else { return }
        let list = failed.map { "\($0.endpoint): \($0.error!)" }.joined(separator: "; ")
        throw CLIError(
            "cannot read the runtime info of \(failed.count) of \(brokers.count) brokers: \(list)",
            exit: failed.allSatisfy { $0.error!.isConnectivity } ? .unreachable : .failed)
    }
}

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

    static func broker(_ r: BrokerResult<[String: String]>) -> Broker {
        let e = r.endpoint
        let t = r.value ?? [:]
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
                    b.error != nil ? "UNREACHABLE" : (b.active.value == true ? "ACTIVE" : "INACTIVE"))
            }
        }
        return t.render()
    }
}

/// The result of `broker status` (docs/json/topics.md).
struct BrokerStatusView: Encodable, Sendable {
    struct Broker: Encodable, Sendable {
        var cluster: String
        var broker: String
        var id: Int
        var address: String
        /// GET_BROKER_RUNTIME_INFO as the broker reports it (all values strings); null when unreadable.
        @NullEncoded var runtime: [String: String]?
        @NullEncoded var error: String?
    }

    var brokers: [Broker]

    init(_ overview: ClusterOverview) {
        brokers = overview.brokers.map {
            Broker(
                cluster: $0.endpoint.cluster, broker: $0.endpoint.brokerName, id: $0.endpoint.brokerId,
                address: $0.endpoint.address, runtime: $0.value, error: $0.error?.description)
        }
    }

    /// Key/value rows (with the address when there are several brokers); unreadable brokers are left
    /// to the error line on stderr.
    func table() -> String {
        let answered = brokers.filter { $0.runtime != nil }
        guard !answered.isEmpty else { return "" }
        let many = brokers.count > 1
        var t = many ? TextTable("ADDRESS", "KEY", "VALUE") : TextTable("KEY", "VALUE")
        for b in answered {
            for (k, v) in (b.runtime ?? [:]).sorted(by: { $0.key < $1.key }) {
                t.add(many ? [b.address, k, v] : [k, v])
            }
        }
        return t.render()
    }
}

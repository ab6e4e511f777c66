import MQProtocol

/// The verdicts of `clusterCheck`: each turns what was read into rows.
extension MQClientInstance {
    /// One row per name server: CRITICAL when none answered, WARNING for one that did not while others did.
    static func nameServerRows(_ looks: [BrokerResult<NameServerLook>]) -> [CheckRow] {
        let someAnswered = looks.contains { $0.value != nil }
        return looks.map { r in
            guard let look = r.value else {
                let status: CheckStatus = someAnswered ? .warning : .critical
                return CheckRow("namesrv", r.endpoint.address, status, "does not answer: \(r.error!)")
            }
            let brokers = look.info.brokerAddrTable.count
            let clusters = look.info.clusterNames.count
            return CheckRow(
                "namesrv", r.endpoint.address, .ok,
                "answered in \(format(look.millis)) ms; knows \(brokers) broker(s) in \(clusters) cluster(s)")
        }
    }

    /// Every broker any answering name server knows (of `cluster`, or all), sorted by cluster and name.
    static func brokers(_ answered: [NameServerLook], cluster: String?) -> [BrokerData] {
        var byName: [String: BrokerData] = [:]
        for look in answered {
            for (name, data) in look.info.brokerAddrTable where byName[name] == nil {
                var d = data
                d.cluster = look.info.clusterName(ofBroker: name) ?? data.cluster
                byName[name] = d
            }
        }
        return byName.values.filter { cluster == nil || $0.cluster == cluster }
            .sorted { ($0.cluster, $0.brokerName) < ($1.cluster, $1.brokerName) }
    }

    /// CRITICAL for an expected broker no answering name server knows (stopped or killed).
    static func expectedRow(_ name: String, brokers: [BrokerData]) -> CheckRow {
        guard brokers.contains(where: { $0.brokerName == name }) else {
            return CheckRow(
                "expected", name, .critical, "expected, but no answering name server knows it (stopped or killed?)")
        }
        return CheckRow("expected", name, .ok, "expected and registered")
    }

    /// One row per broker: WARNING when an answering name server does not have it registered.
    static func registrationRows(_ looks: [BrokerResult<NameServerLook>], brokers: [BrokerData]) -> [CheckRow] {
        let answered = looks.filter { $0.value != nil }
        return brokers.map { b in
            let missing = answered.filter { $0.value!.info.brokerAddrTable[b.brokerName] == nil }
                .map(\.endpoint.address)
            guard missing.isEmpty else {
                return CheckRow(
                    "registered", b.brokerName, .warning,
                    "not registered with \(missing.joined(separator: ", ")) (registered with "
                        + "\(answered.count - missing.count) of \(answered.count) answering name servers)")
            }
            let on = answered.count == 1 ? "the name server" : "all \(answered.count) answering name servers"
            return CheckRow("registered", b.brokerName, .ok, "registered with \(on)")
        }
    }

    /// One row per cluster: WARNING when the answering name servers disagree on its brokers, their addresses
    /// or their write permission.
    static func agreementRow(_ cluster: String, _ looks: [BrokerResult<NameServerLook>], brokers: [BrokerData])
        -> CheckRow
    {
        let answered = looks.filter { $0.value != nil }
        guard answered.count > 1 else {
            return CheckRow("agreement", cluster, .ok, "one name server answered; nothing to compare")
        }
        var differences: [String] = []
        for b in brokers where b.cluster == cluster {
            let seen = answered.map { r -> (String, String) in
                let look = r.value!
                guard let data = look.info.brokerAddrTable[b.brokerName] else { return (r.endpoint.address, "absent") }
                let addrs = data.brokerAddrs.keys.sorted().map { "\($0)=\(data.brokerAddrs[$0]!)" }
                let perm = look.perms[b.brokerName].map { "perm \($0)" } ?? "perm ?"
                return (r.endpoint.address, addrs.joined(separator: ",") + " " + perm)
            }
            guard Set(seen.map(\.1)).count > 1 else { continue }
            differences.append(b.brokerName + ": " + seen.map { "\($0.1) on \($0.0)" }.joined(separator: "; "))
        }
        guard differences.isEmpty else {
            let text = "name servers disagree: " + differences.joined(separator: " | ")
            return CheckRow("agreement", cluster, .warning, text)
        }
        return CheckRow(
            "agreement", cluster, .ok, "\(answered.count) name servers agree on its brokers, addresses and permissions")
    }

    /// `broker-a` for a master, `broker-a/1` for a slave.
    static func subject(_ e: BrokerEndpoint) -> String { e.isMaster ? e.brokerName : "\(e.brokerName)/\(e.brokerId)" }

    /// CRITICAL for a registered master that does not answer, WARNING for such a slave.
    static func reachableRow(_ r: BrokerResult<[String: String]>) -> CheckRow {
        let e = r.endpoint
        guard let table = r.value else {
            let role = e.isMaster ? "master" : "slave"
            return CheckRow(
                "reachable", subject(e), e.isMaster ? .critical : .warning,
                "registered \(role) at \(e.address) does not answer (down or killed?): \(r.error!)")
        }
        let version = table["brokerVersionDesc"].map { ", \($0)" } ?? ""
        return CheckRow("reachable", subject(e), .ok, "runtime info answered at \(e.address)\(version)")
    }

    /// WARNING for a master whose routes (on some name server) or own brokerPermission deny writes.
    static func writableRow(_ broker: String, looks: [BrokerResult<NameServerLook>], config: [String: String]?)
        -> CheckRow
    {
        let perms = looks.compactMap { r in r.value.map { (r.endpoint.address, $0.perms[broker]) } }
        let denied = perms.compactMap { ns, perm in
            perm.flatMap { PermName.isWriteable($0) ? nil : "perm \($0) on \(ns)" }
        }
        if !denied.isEmpty {
            return CheckRow(
                "writable", broker, .warning,
                "\(broker) is not writable (drained?): \(denied.joined(separator: ", ")); "
                    + "allow writes again with `mqadmin broker undrain \(broker)`")
        }
        if let own = config?["brokerPermission"].flatMap({ Int32($0) }), !PermName.isWriteable(own) {
            return CheckRow(
                "writable", broker, .warning, "\(broker) is not writable: its config has brokerPermission \(own)")
        }
        let known = perms.compactMap(\.1)
        guard let perm = known.first else {
            return CheckRow(
                "writable", broker, .unknown,
                "no name server routes SELF_TEST_TOPIC or topic \(broker) to it; its permission is unknown")
        }
        return CheckRow("writable", broker, .ok, "writable on every answering name server (perm \(perm))")
    }

    /// Commit log disk use against the broker's limits: WARNING above diskMaxUsedSpaceRatio (old files are then
    /// deleted early), CRITICAL at diskSpaceWarningLevelRatio (Apache brokers refuse writes: disk full).
    static func diskRow(_ e: BrokerEndpoint, _ table: [String: String], config: [String: String]?) -> CheckRow {
        guard let used = table["commitLogDiskRatio"].flatMap({ Double($0) }), used >= 0 else {
            return CheckRow("disk", subject(e), .unknown, "the broker does not report commitLogDiskRatio")
        }
        func limit(_ key: String, _ fallback: Double) -> (ratio: Double, source: String) {
            guard let v = config?[key].flatMap({ Double($0) }) else { return (fallback, "\(key): Apache's default") }
            return (v > 1 ? v / 100 : v, key)
        }
        let warn = limit("diskMaxUsedSpaceRatio", 0.75)
        let full = limit("diskSpaceWarningLevelRatio", 0.90)
        func pct(_ r: Double) -> String { "\(Int((r * 100).rounded()))%" }
        let text = "commit log disk \(pct(used)) used"
        if used >= full.ratio {
            return CheckRow(
                "disk", subject(e), .critical,
                "\(text), at or above \(pct(full.ratio)) (\(full.source)): the broker refuses writes")
        }
        if used > warn.ratio {
            return CheckRow(
                "disk", subject(e), .warning,
                "\(text), above \(pct(warn.ratio)) (\(warn.source)): old commit log files are deleted early")
        }
        let defaults = config?["diskMaxUsedSpaceRatio"] == nil ? " (Apache's defaults; the broker does not say)" : ""
        return CheckRow(
            "disk", subject(e), .ok,
            "\(text); WARNING above \(pct(warn.ratio)), CRITICAL at \(pct(full.ratio))\(defaults)")
    }

    /// WARNING when more than `limit` bytes of the commit log are not yet in the consume queues.
    static func dispatchRow(_ e: BrokerEndpoint, _ table: [String: String], limit: Int64) -> CheckRow {
        guard let behind = table["dispatchBehindBytes"].flatMap({ Int64($0) }) else {
            return CheckRow("dispatch", subject(e), .unknown, "the broker does not report dispatchBehindBytes")
        }
        let text = "\(behind) bytes of the commit log not yet dispatched to consume queues"
        guard behind <= limit else {
            return CheckRow("dispatch", subject(e), .warning, text + " (more than \(limit))")
        }
        return CheckRow("dispatch", subject(e), .ok, text)
    }
}

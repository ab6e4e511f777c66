/// Apache's layouts of getBrokerConfig, updateBrokerConfig, getNamesrvConfig and updateNamesrvConfig. Apache prints
/// a `java.util.Properties` in hash order; these print keys sorted, so two runs compare line by line.
enum ClassicConfigLayouts {
    /// `%-50s=  %s` per key.
    static func properties(_ config: [String: String]) -> String {
        config.sorted { $0.key < $1.key }.map { key, value in
            key + String(repeating: " ", count: max(0, 50 - key.count)) + "=  " + value + "\n"
        }.joined()
    }

    /// getBrokerConfig: one block per broker, `============ADDR============` (with -c, `Master: ADDR`, or
    /// `My Master: M=====Slave: S` for a slave), its keys and an empty line.
    static func brokerConfig(_ readings: [ConfigReading], masters: [String: String]?) -> String {
        readings.map { r in
            let title: String
            if let masters {
                title = masters[r.address].map { "My Master: \($0)=====Slave: \(r.address)" } ?? "Master: \(r.address)"
            } else {
                title = r.address
            }
            let body = r.config.map { properties($0) + "\n" } ?? ""
            return "============\(title)============\n" + body
        }.joined()
    }

    /// updateBrokerConfig: a line per broker that applied the change.
    static func brokerUpdated(_ view: ConfigPlanView) -> String {
        (view.results ?? []).filter(\.applied).map { "update broker config success, \($0.address)\n" }.joined()
    }

    /// getNamesrvConfig: one block per name server, without the empty line brokers get.
    static func namesrvConfig(_ readings: [ConfigReading]) -> String {
        readings.map { "============\($0.address)============\n" + ($0.config.map(properties) ?? "") }.joined()
    }

    /// updateNamesrvConfig: `[a:9876, b:9876]` only when -n named the servers, as Apache prints its server list.
    static func namesrvUpdated(servers: [String]?, key: String, value: String) -> String {
        let list = servers.map { "[" + $0.joined(separator: ", ") + "]" } ?? ""
        return "update name server config success!\(list)\n\(key) : \(value)\n"
    }
}

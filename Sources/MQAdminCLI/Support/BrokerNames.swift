import MQClient
import MQProtocol

/// Broker names by store host, from one cluster-info read (messages carry only the store host).
struct BrokerNames: Sendable {
    private var byHost: [HostAddress: String] = [:]

    static func load(_ client: MQClientInstance) async -> BrokerNames {
        var names = BrokerNames()
        guard let info = try? await client.clusterInfo() else { return names }
        for (name, b) in info.brokerAddrTable {
            for addr in b.brokerAddrs.values { if let h = HostAddress(addr) { names.byHost[h] = name } }
        }
        return names
    }

    func name(_ host: HostAddress) -> String? { byHost[host] }
}

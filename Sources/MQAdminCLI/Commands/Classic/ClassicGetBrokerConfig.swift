import ArgumentParser
import Foundation
import MQClient

/// Apache's `getBrokerConfig -b ADDR | -c CLUSTER`: each broker's configuration, key by key.
struct ClassicGetBrokerConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "getBrokerConfig",
        abstract: "Get broker config by cluster or special broker (Apache's classic command and output).")

    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "get which broker")
    var brokerAddr: String?

    @Option(name: [.customShort("c"), .customLong("clusterName")], help: "get which cluster")
    var clusterName: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try ClassicBrokerOrCluster.validate(broker: brokerAddr, cluster: clusterName)
    }

    func run() async throws {
        let (readings, masters) = try await Session.withClient(connection) { client in
            try await ClassicGetBrokerConfig.load(client, brokerAddr: brokerAddr, clusterName: clusterName)
        }
        let view = ConfigGetView(readings, keys: [])
        Emit.output(view, format: output.output) { ClassicConfigLayouts.brokerConfig(readings, masters: masters) }
        try ConfigReading.failIfAny(readings)
    }

    /// The brokers' configurations, and with -c each slave's master address (by slave address).
    static func load(
        _ client: MQClientInstance, brokerAddr: String?, clusterName: String?
    ) async throws -> ([ConfigReading], [String: String]?) {
        var servers: [ConfigServer]
        var masters: [String: String]?
        if let brokerAddr {
            servers = [ConfigServer(name: brokerAddr, address: brokerAddr)]
        } else {
            let endpoints = try await client.clusterInfo().endpoints(cluster: clusterName).sorted {
                ($0.brokerName, $0.brokerId) < ($1.brokerName, $1.brokerId)
            }
            servers = endpoints.map(ConfigServer.init)
            let master = Dictionary(
                endpoints.filter { $0.brokerId == 0 }.map { ($0.brokerName, $0.address) }) { a, _ in a }
            masters = Dictionary(endpoints.filter { $0.brokerId != 0 }.compactMap { e in
                master[e.brokerName].map { (e.address, $0) }
            }) { a, _ in a }
        }
        let readings = await ConfigReading.load(servers, client: client) { try await $0.brokerConfig(broker: $1) }
        return (readings, masters)
    }
}

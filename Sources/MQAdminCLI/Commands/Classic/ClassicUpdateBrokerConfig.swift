import ArgumentParser
import Foundation
import MQClient

/// Apache's `updateBrokerConfig -b ADDR | -c CLUSTER -k KEY -v VALUE`: one setting on one broker or a cluster's
/// masters (with -a its slaves too).
struct ClassicUpdateBrokerConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "updateBrokerConfig",
        abstract: "Update broker's config (Apache's classic command and output).",
        discussion: "Applies at once, without a plan (`mqadmin broker config set` shows one first).")

    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "update which broker")
    var brokerAddr: String?

    @Option(name: [.customShort("c"), .customLong("clusterName")], help: "update which cluster")
    var clusterName: String?

    @Option(name: [.customShort("a"), .customLong("updateAllBroker")], help: "update all brokers include slave")
    var updateAllBroker: String?

    @Option(name: [.customShort("k"), .customLong("key")], help: "config key")
    var key: String

    @Option(name: [.customShort("v"), .customLong("value")], help: "config value")
    var value: String

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try ClassicBrokerOrCluster.validate(broker: brokerAddr, cluster: clusterName)
        if key.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("-k needs a key, e.g. -k brokerPermission")
        }
    }

    func run() async throws {
        let changes = [key.trimmingCharacters(in: .whitespaces): value.trimmingCharacters(in: .whitespaces)]
        let view = try await Session.withClient(connection) { client in
            var servers: [ConfigServer]
            if let brokerAddr {
                servers = [ConfigServer(name: brokerAddr, address: brokerAddr)]
            } else {
                let endpoints = try await client.clusterInfo().endpoints(cluster: clusterName)
                servers = endpoints.filter { updateAllBroker != nil || $0.brokerId == 0 }.map(ConfigServer.init)
            }
            let readings = await ConfigReading.load(servers, client: client) { try await $0.brokerConfig(broker: $1) }
            var view = ConfigPlanView(readings, changes: changes)
            view.record(await ConfigPlanView.apply(changes, to: servers, client: client) {
                try await $0.updateBrokerConfig(broker: $1, $2)
            })
            return view
        }
        Emit.output(view, format: output.output) { ClassicConfigLayouts.brokerUpdated(view) }
        try view.failIfRefused()
    }
}

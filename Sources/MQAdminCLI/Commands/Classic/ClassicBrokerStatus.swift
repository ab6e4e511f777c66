import ArgumentParser
import MQClient

/// Apache's `brokerStatus -b ADDR | -c CLUSTER`: the runtime info, key by key.
struct ClassicBrokerStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brokerStatus", abstract: "Fetch broker runtime status data (Apache's classic command and output)."
    )

    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "Broker address")
    var brokerAddr: String?

    @Option(name: [.customShort("c"), .customLong("clusterName")], help: "which cluster")
    var clusterName: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try ClassicBrokerOrCluster.validate(broker: brokerAddr, cluster: clusterName)
    }

    func run() async throws {
        let overview = try await Session.withClient(connection) { client in
            try await BrokerStatusCommand.load(client: client, broker: brokerAddr, cluster: clusterName)
        }
        Emit.output(BrokerStatusView(overview), format: output.output) {
            ClassicLayouts.brokerStatus(overview, prefixAddress: clusterName != nil)
        }
        try overview.failIfPartial()
    }
}

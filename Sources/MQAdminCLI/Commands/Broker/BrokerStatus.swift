import ArgumentParser
import MQClient

/// `mqadmin broker status`: a broker's runtime info, key by key.
struct BrokerStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show brokers' runtime info (GET_BROKER_RUNTIME_INFO), key by key.",
        discussion: "Without -b or -c: every broker (masters and slaves) the name server knows.")

    @Option(
        name: [.customShort("b"), .customLong("broker")], help: ArgumentHelp("One broker.", valueName: "host:port"))
    var broker: String?

    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Every broker of this cluster.")
    var cluster: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if broker != nil && cluster != nil { throw ValidationError("pass either --broker or --cluster, not both") }
        if let broker { try Address.validate(broker, what: "--broker", example: Address.brokerExample) }
    }

    func run() async throws {
        let overview = try await Session.withClient(connection) { client in
            try await BrokerStatusCommand.load(client: client, broker: broker, cluster: cluster)
        }
        let view = BrokerStatusView(overview)
        Emit.output(view, format: output.output) { view.table() }
        try overview.failIfPartial()
    }

    /// One address (registered or not, as Apache's `-b`) or the brokers of a cluster.
    static func load(client: MQClientInstance, broker: String?, cluster: String?) async throws -> ClusterOverview {
        guard let broker else { return try await ClusterOverview.load(client: client, cluster: cluster) }
        let info = try await client.clusterInfo()
        let endpoint =
            info.endpoint(address: broker) ?? BrokerEndpoint(cluster: "", brokerName: "", brokerId: 0, address: broker)
        return ClusterOverview(info: info, brokers: await client.runtimeInfos([endpoint]))
    }
}

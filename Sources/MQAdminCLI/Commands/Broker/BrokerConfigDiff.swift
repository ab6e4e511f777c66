import ArgumentParser
import MQClient

/// `mqadmin broker config diff [--cluster C]`: the keys whose values differ between brokers.
struct BrokerConfigDiff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the configuration keys whose values differ between brokers.",
        discussion: "Compares every broker of --cluster (of every cluster without it); keys naming the broker itself"
            + " (brokerName, brokerId, brokerIP1, listenPort, store paths) are left out. Exits 0 when all brokers"
            + " agree and 1 when some key differs (as diff(1) does), so scripts can check for drift.")

    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Compare the brokers of this cluster.")
    var cluster: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let readings = try await Session.withClient(connection) { client in
            let servers = try await ConfigTargets.brokers(client, broker: nil, cluster: cluster)
            return await ConfigReading.load(servers, client: client) { try await $0.brokerConfig(broker: $1) }
        }
        let view = ConfigDiffView(readings)
        Emit.output(view, format: output.output) { view.table() }
        try ConfigReading.failIfAny(readings)
        if !view.same { throw ExitCode(MQExit.failed.rawValue) }
    }
}

import ArgumentParser
import MQClient

/// `mqadmin cluster list`: every broker of every cluster with its load, totals and disk use.
struct ClusterListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List clusters and their brokers: version, TPS, today's totals, oldest message, disk use.",
        discussion: "Exits 1 (after printing what it could) when a broker does not answer.")

    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Only this cluster.")
    var cluster: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let overview = try await Session.withClient(connection) {
            try await ClusterOverview.load(client: $0, cluster: cluster)
        }
        let view = ClusterListView(overview)
        Emit.output(view, format: output.output) { view.table() }
        try overview.failIfPartial()
    }
}

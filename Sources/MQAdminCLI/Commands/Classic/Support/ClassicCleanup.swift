import ArgumentParser
import MQClient

/// Apache's `-b brokerAddr | -c cluster` of deleteExpiredCommitLog, cleanExpiredCQ and cleanUnusedTopic, and
/// their run: every broker address of the cluster (of every cluster without either), then one word.
struct ClassicCleanupTarget: ParsableArguments {
    @Option(name: [.customShort("b"), .customLong("brokerAddr")], help: "Broker address") var brokerAddr: String?
    @Option(name: [.customShort("c"), .customLong("cluster")], help: "clustername") var cluster: String?

    /// Runs `cleanup` and prints Apache's word, `success` or `false`, with no newline (Apache's printf); a failed
    /// broker also gets one stderr line and the exit code.
    func run(_ cleanup: BrokerCleanup, connection: ConnectionOptions, output: ClassicOutputOptions) async throws {
        let address = brokerAddr?.trimmingCharacters(in: .whitespaces)
        let name = cluster?.trimmingCharacters(in: .whitespaces)
        let view = try await Session.withClient(connection) { client in
            let targets = try await BrokerCleanView.targets(
                client: client, broker: address, cluster: name?.isEmpty == false ? name : nil)
            return BrokerCleanView(ran: cleanup, results: await client.runCleanup(cleanup, on: targets))
        }
        Emit.output(view, format: output.output) { view.classicWord }
        try view.failIfPartial()
    }
}

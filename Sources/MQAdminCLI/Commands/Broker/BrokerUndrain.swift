import ArgumentParser
import MQClient

/// `mqadmin broker undrain BROKER_NAME`: gives the broker's topics write permission again on every name server
/// (Apache's addWritePerm); the undo of `broker drain`.
struct BrokerUndrain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undrain",
        abstract: "Let producers send to a drained broker again (undoes `broker drain`).",
        discussion: "Sets read+write on the routes of the broker's topics on every name server"
            + " (ADD_WRITE_PERM_OF_BROKER, as Apache's addWritePerm).")

    @Argument(help: "The broker name (e.g. broker-a).")
    var brokerName: String

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let view = try await Session.withClient(connection) { client in
            try await BrokerDrainView.requireKnown(brokerName, client: client)
            return BrokerDrainView(
                broker: brokerName, writable: true,
                results: await client.setWritePermissionEverywhere(brokerName: brokerName, writable: true))
        }
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfPartial()
    }
}

import ArgumentParser
import MQClient

/// `mqadmin producer describe GROUP`: the live connections of one producer group, broker by broker.
struct ProducerDescribe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Describe one producer group: its live connections on each master broker.",
        discussion: "Exits 3 when no producer of the group is connected to any of them."
    )

    @Argument(help: "Producer group.") var group: String
    @OptionGroup var scope: BrokerScopeOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let view = try await Session.with(connection) { session in
            let brokers = try await scope.resolve(session.client)
            let rows = try await session.client.producerConnections(group: group, on: brokers)
            guard !rows.isEmpty else { throw ProducerView.noProducer(group, brokers: brokers) }
            return ProducerView(group: group, rows: rows, unserved: [])
        }
        Emit.output(view, format: output.output) { view.table }
    }
}

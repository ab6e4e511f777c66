import ArgumentParser
import MQClient

/// `mqadmin producer list [-g GROUP]`: every producer group with its live connections.
struct ProducerList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List live producers of every group (or of one) on the master brokers.",
        discussion: """
            Without -g it asks each master for all its producers (GET_ALL_PRODUCER_INFO, Apache 4.9.4 or \
            later); a broker too old for that is named on stderr and left out (use -g GROUP, which every \
            version answers). With -g it asks each master for that group's connections, and exits 3 when none is \
            connected.
            """
    )

    @Option(name: [.customShort("g"), .customLong("group")], help: "Only this producer group.") var group: String?
    @OptionGroup var scope: BrokerScopeOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let view = try await Session.with(connection) { session in
            let brokers = try await scope.resolve(session.client)
            if let group {
                let rows = try await session.client.producerConnections(group: group, on: brokers)
                guard !rows.isEmpty else { throw ProducerView.noProducer(group, brokers: brokers) }
                return ProducerView(group: group, rows: rows, unserved: [])
            }
            let listing = try await session.client.allProducers(on: brokers)
            return ProducerView(group: nil, rows: listing.rows, unserved: listing.unserved)
        }
        for u in view.unservedBrokers {
            Emit.note("broker \(u.broker) (\(u.address)) cannot list all producers: \(u.reason); pass -g GROUP")
        }
        Emit.output(view, format: output.output) { view.table }
    }
}

import ArgumentParser
import MQClient

/// `mqadmin producer ...`: live producers, as the brokers see them through heartbeats. Given `-b` and no
/// subcommand it is Apache's classic `producer -b BROKER_ADDR`, in Apache's layout.
struct ProducerCommand: AsyncParsableCommand, RunnableGroup {
    static let configuration = CommandConfiguration(
        commandName: "producer",
        abstract: "List and describe the producers connected to the brokers.",
        discussion: """
            `mqadmin producer -b BROKER_ADDR` is Apache's classic command: every producer group of that broker \
            with its instances, in Apache's layout (needs Apache 4.9.4 or later, or the bundled broker).
            """,
        subcommands: [ProducerList.self, ProducerDescribe.self]
    )

    @Option(
        name: [.customShort("b"), .customLong("broker")],
        help: ArgumentHelp("Classic: the broker whose producers to print.", valueName: "host:port"))
    var broker: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        if let broker { try Address.validate(broker, what: "-b", example: Address.brokerExample) }
    }

    func run() async throws {
        // Without -b it is a group like any other: name its subcommands (exit 2).
        guard let broker else { throw CommandNames.MissingCommand(path: ["producer"], choices: ["list", "describe"]) }
        let table = try await Session.withClient(connection) { client in
            try await client.allProducerInfo(broker: broker)
        }
        let view = ProducerView(group: nil, rows: ClassicProducer.rows(table, broker: broker), unserved: [])
        Emit.output(view, format: output.output) { ClassicProducer.layout(table) }
    }
}

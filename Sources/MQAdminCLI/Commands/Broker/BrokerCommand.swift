import ArgumentParser

/// `mqadmin broker ...`
struct BrokerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broker",
        abstract: "Run the bundled broker, or inspect brokers.",
        subcommands: [
            BrokerStart.self, BrokerStatusCommand.self, BrokerDrain.self, BrokerUndrain.self, BrokerConfigCommand.self,
            BrokerClean.self,
        ]
    )
}

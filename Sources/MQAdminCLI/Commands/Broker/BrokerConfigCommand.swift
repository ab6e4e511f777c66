import ArgumentParser

/// `mqadmin broker config ...`
struct BrokerConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Read, change and compare brokers' configuration.",
        subcommands: [BrokerConfigGet.self, BrokerConfigSet.self, BrokerConfigDiff.self]
    )
}

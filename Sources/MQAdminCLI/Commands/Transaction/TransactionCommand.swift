import ArgumentParser

/// `mqadmin transaction ...`
struct TransactionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transaction", abstract: "Inspect transactional messages.",
        subcommands: [TransactionListCommand.self])
}

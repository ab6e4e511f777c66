import ArgumentParser

/// `mqadmin namesrv ...`
struct NamesrvCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "namesrv",
        abstract: "Inspect and change the name servers' own tables.",
        subcommands: [NamesrvKVCommand.self]
    )
}

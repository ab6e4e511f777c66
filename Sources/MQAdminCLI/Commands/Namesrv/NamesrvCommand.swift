import ArgumentParser

/// `mqadmin namesrv ...`
struct NamesrvCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "namesrv",
        abstract: "Inspect and configure name servers: their configuration and their KV tables.",
        subcommands: [NamesrvConfigCommand.self, NamesrvKVCommand.self]
    )
}

/// `mqadmin namesrv config ...`
struct NamesrvConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Read and change name servers' configuration.",
        subcommands: [NamesrvConfigGet.self, NamesrvConfigSet.self]
    )
}

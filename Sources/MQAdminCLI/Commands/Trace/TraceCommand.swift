import ArgumentParser

/// `mqadmin trace ...`
struct TraceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Show where a message went: its producer, its broker, and each group that consumed it.",
        subcommands: [TraceShow.self]
    )
}

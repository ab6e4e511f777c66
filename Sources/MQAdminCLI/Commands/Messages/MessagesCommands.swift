import ArgumentParser

/// The messages area's commands: noun-verb groups and Apache's classic names.
enum MessagesCommands {
    /// Top-level commands this area adds to `mqadmin`.
    static let topLevel: [any ParsableCommand.Type] = []
    /// Subcommands this area adds under `mqadmin broker`.
    static let brokerSubcommands: [any ParsableCommand.Type] = []
}

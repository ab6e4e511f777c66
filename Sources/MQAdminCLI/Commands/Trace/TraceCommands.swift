import ArgumentParser

/// The trace area's commands: `trace show` and Apache's classic `queryMsgTraceById`.
enum TraceCommands {
    /// Top-level commands this area adds to `mqadmin`.
    static let topLevel: [any ParsableCommand.Type] = [TraceCommand.self, ClassicQueryMsgTraceById.self]
    /// Subcommands this area adds under `mqadmin broker`.
    static let brokerSubcommands: [any ParsableCommand.Type] = []
}

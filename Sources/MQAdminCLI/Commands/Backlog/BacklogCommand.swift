import ArgumentParser

/// `mqadmin backlog ...`
struct BacklogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backlog",
        abstract: "Consumer backlog: lag in messages and time, with a status per group and topic.",
        subcommands: [BacklogReportCommand.self],
        defaultSubcommand: BacklogReportCommand.self
    )
}

/// `-o/--output` of `backlog report`, which alone also speaks Prometheus.
enum BacklogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, prometheus
}

import ArgumentParser

/// `-o/--output table|json` for the noun-verb commands.
public struct OutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: table or json.")
    public var output: OutputFormat = .table
    /// `--utc` (`ClockOptions`), declared here rather than as a nested option group: each option group costs
    /// ArgumentParser a few protocol-conformance scans of the whole binary at every start (docs/performance.md,
    /// "CLI start"), and every noun-verb command has this one.
    @Flag(help: ArgumentHelp(ClockOptions.utcHelp)) public var utc = false

    public init() {}
}

/// `--output` for the classic commands, whose `-o` letter means something else.
public struct ClassicOutputOptions: ParsableArguments {
    @Option(name: .customLong("output"), help: "Output format: table (Apache's layout) or json.")
    public var output: OutputFormat = .table

    public init() {}
}

public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json
}

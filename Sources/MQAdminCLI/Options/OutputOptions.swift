import ArgumentParser

/// `-o/--output table|json` for the noun-verb commands.
public struct OutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")], help: "Output format: table or json.")
    public var output: OutputFormat = .table
    @OptionGroup public var clock: ClockOptions

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

import ArgumentParser
import Foundation

/// `--data DIR` alone, for commands that only need the data directory (`broker start`).
public struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data"),
        help: ArgumentHelp("Data directory of the bundled broker (env MQADMIN_DATA).", valueName: "dir"))
    public var dataDirectory: String?

    public init() {}

    public var resolvedDataDirectory: String { ConnectionOptions.dataDirectory(flag: dataDirectory) }
}

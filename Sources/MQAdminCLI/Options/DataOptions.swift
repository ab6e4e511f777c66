import ArgumentParser
import Foundation

/// Where the bundled broker keeps its data (`--data`, `MQADMIN_DATA`, default `~/.mqadmin/data`).
public struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("Data directory of the bundled broker (env MQADMIN_DATA).", valueName: "dir"))
    public var dataDirectory: String?

    public init() {}

    public var resolvedDataDirectory: String {
        if let d = dataDirectory, !d.isEmpty { return Self.expand(d) }
        if let env = ProcessInfo.processInfo.environment["MQADMIN_DATA"], !env.isEmpty { return Self.expand(env) }
        return Self.expand("~/.mqadmin/data")
    }

    static func expand(_ path: String) -> String {
        var p = path
        if p == "~" || p.hasPrefix("~/") {
            let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
            p = home + p.dropFirst()
        }
        if !p.hasPrefix("/") { p = FileManager.default.currentDirectoryPath + "/" + p }
        return (p as NSString).standardizingPath
    }
}

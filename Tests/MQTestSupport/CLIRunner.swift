import Foundation

/// Runs the built `mqadmin` binary the way a user's shell would.
public struct MQAdminRunner: Sendable {
    /// `-n` value, or nil for the embedded default.
    public var nameServer: String?
    /// `MQADMIN_DATA` for the embedded default (and a private HOME so nothing leaks into the real one).
    public var dataDirectory: String?
    public var home: String?

    public init(nameServer: String? = nil, dataDirectory: String? = nil, home: String? = nil) {
        self.nameServer = nameServer
        self.dataDirectory = dataDirectory
        self.home = home
    }

    /// Runs `mqadmin <args>` (adding `-n` when a name server is set) and returns status and output.
    @discardableResult
    public func run(_ args: [String], stdin: String? = nil, extraEnv: [String: String] = [:]) throws -> CommandResult {
        var env = extraEnv
        if let dataDirectory { env["MQADMIN_DATA"] = dataDirectory }
        env["HOME"] = home ?? extraEnv["HOME"] ?? TestHome.path
        var full = args
        if let nameServer, !args.contains("-n") { full += ["-n", nameServer] }
        // A developer's own MQADMIN_CONTEXT never picks a test's target; a test may set it.
        let unset = ["NAMESRV_ADDR"] + (extraEnv["MQADMIN_CONTEXT"] == nil ? ["MQADMIN_CONTEXT"] : [])
        return try runCommand(TestPaths.mqadmin, full, environment: env, unset: unset, stdin: stdin)
    }

    /// Runs with `-o json` and decodes stdout as a JSON object or array.
    public func json(_ args: [String]) throws -> (result: CommandResult, value: Any?) {
        let r = try run(args + ["-o", "json"])
        let value = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return (r, value)
    }
}

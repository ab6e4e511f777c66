import ArgumentParser
import Foundation

/// How a command reaches the cluster: `-n/--namesrv` (env NAMESRV_ADDR), `--data` (env MQADMIN_DATA),
/// `--context` (env MQADMIN_CONTEXT, then `context use`), `--timeout`. `resolveTarget()` (ConnectionTarget.swift)
/// is the one place their precedence is decided; with none of them the bundled broker is used (design.md).
public struct ConnectionOptions: ParsableArguments {
    @Option(
        name: [.customShort("n"), .customLong("namesrv"), .customLong("namesrvAddr")],
        help: ArgumentHelp("Name server address(es), ';'-separated (env NAMESRV_ADDR).", valueName: "addr"))
    public var namesrv: String?

    @Option(
        name: .customLong("context"),
        help: ArgumentHelp(
            "Saved target to use (env MQADMIN_CONTEXT; see `mqadmin context`). -n and --data win over it; it wins "
                + "over NAMESRV_ADDR, MQADMIN_DATA, MQADMIN_CONTEXT and the current context.",
            valueName: "name"),
        completion: .custom(ContextArgs.completeNames))
    public var context: String?

    @Option(
        name: .customLong("timeout"),
        help: ArgumentHelp("Timeout of each request to the cluster, in milliseconds.", valueName: "ms"))
    var timeoutArgument = Milliseconds(3000)

    public var timeout: Int { timeoutArgument.value }

    @Option(
        name: .customLong("data"),
        help: ArgumentHelp("Data directory of the bundled broker (env MQADMIN_DATA).", valueName: "dir"))
    public var dataDirectory: String?

    @Option(
        name: .customLong("access-key"),
        help: ArgumentHelp("ACL user to sign requests as (env MQADMIN_ACCESS_KEY).", valueName: "user"))
    public var accessKey: String?

    @Option(
        name: .customLong("secret-key-file"),
        help: ArgumentHelp("File whose first line is the user's secret (env MQADMIN_SECRET_KEY).", valueName: "file"))
    public var secretKeyFile: String?

    @Flag(name: .customLong("secret-key-stdin"), help: "Read the user's secret from the first line of standard input.")
    public var secretKeyStdin = false

    @Option(
        name: .customLong("secret-key"),
        help: ArgumentHelp(
            "The secret itself; refused unless --insecure-password-arg, as every user can read it in ps.",
            valueName: "secret"))
    public var secretKey: String?

    @Flag(
        name: .customLong("insecure-password-arg"),
        help: "Accept a secret or password on the command line (--secret-key, classic -p) although ps shows it.")
    public var insecurePasswordArg = false

    /// ArgumentParser's: it leaves every property a definition, which traps when read. Outside parsing,
    /// use the static helpers (`dataDirectory(flag:)`) rather than a value made with this.
    public init() {}

    public func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of milliseconds") }
        try validateCredentials()
        for addr in Address.list(namesrv) + Address.list(Console.current.environment["NAMESRV_ADDR"]) {
            try Address.validate(addr, what: "name server address")
        }
    }

    /// The resolved target's name servers; empty means the bundled broker (or a target that does not resolve,
    /// which `Session.open` reports).
    public var nameServers: [String] { (try? resolveTarget())?.nameServers ?? [] }

    /// The resolved target's data directory (the bundled broker's), ~/.mqadmin/data by default.
    public var resolvedDataDirectory: String {
        (try? resolveTarget())?.dataDirectory ?? Self.dataDirectory(flag: dataDirectory)
    }

    /// Whether the command line itself names a target (-n, --data or --context): inside the REPL such a
    /// command opens its own session instead of reusing the REPL's.
    var namesOwnTarget: Bool { namesrv != nil || dataDirectory != nil || context != nil }

    /// The data directory `--data FLAG` names, else MQADMIN_DATA, else ~/.mqadmin/data.
    static func dataDirectory(flag: String?) -> String {
        if let d = flag, !d.isEmpty { return expand(d) }
        if let env = Console.current.environment["MQADMIN_DATA"], !env.isEmpty { return expand(env) }
        return expand(HomeFile.data.displayPath)
    }

    static func expand(_ path: String) -> String {
        var p = path
        if p == "~" || p.hasPrefix("~/") {
            p = Console.current.home + p.dropFirst()
        }
        if !p.hasPrefix("/") { p = FileManager.default.currentDirectoryPath + "/" + p }
        return (p as NSString).standardizingPath
    }
}

/// `--timeout`'s value: an `Int` that states its own default for help. ArgumentParser describes an `Int` default by
/// printing it through `String(describing:)`, and its casts cost three scans of the binary's conformance records at
/// every start of every command; this type's own costs one (docs/performance.md, "CLI start").
struct Milliseconds: ExpressibleByArgument, Sendable {
    let value: Int

    init(_ value: Int) { self.value = value }

    init?(argument: String) {
        guard let value = Int(argument) else { return nil }
        self.value = value
    }

    var defaultValueDescription: String { String(value) }
}

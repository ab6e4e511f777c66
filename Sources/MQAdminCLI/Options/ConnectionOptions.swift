import ArgumentParser
import Foundation

/// How a command reaches the cluster: `-n/--namesrv` (env NAMESRV_ADDR), `--timeout`, `--data`.
/// With no name server the bundled broker on the data directory is used (design.md).
public struct ConnectionOptions: ParsableArguments {
    @Option(
        name: [.customShort("n"), .customLong("namesrv"), .customLong("namesrvAddr")],
        help: ArgumentHelp("Name server address(es), ';'-separated (env NAMESRV_ADDR).", valueName: "addr"))
    public var namesrv: String?

    @Option(help: ArgumentHelp("Timeout of each request to the cluster, in milliseconds.", valueName: "ms"))
    public var timeout: Int = 3000

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
        for addr in nameServers { try Address.validate(addr, what: "name server address") }
    }

    /// Name servers from the flag, else NAMESRV_ADDR; empty means the bundled broker.
    public var nameServers: [String] {
        if let namesrv, !namesrv.isEmpty { return Address.list(namesrv) }
        return Address.list(Console.current.environment["NAMESRV_ADDR"])
    }

    public var resolvedDataDirectory: String { Self.dataDirectory(flag: dataDirectory) }

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

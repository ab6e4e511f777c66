import ArgumentParser
import Foundation

/// `mqadmin context add NAME -n ADDR [--read-only] [--access-key USER --credentials-file FILE]`.
struct ContextAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Save a named target (replaces a context of the same name).",
        discussion: """
            The credentials file holds the access key's secret on its first line (as --secret-key-file); \
            only its path is saved. --read-only makes every command that changes the cluster refuse (exit 5) \
            while this context is the target. The first context added becomes the current one.
            """)

    @Argument(help: "Context name (letters, digits, '-', '_', '.').") var name: String
    @Option(
        name: [.customShort("n"), .customLong("namesrv")],
        help: ArgumentHelp("Name server address(es), ';'-separated.", valueName: "addr"))
    var namesrv: String
    @Flag(name: .customLong("read-only"), help: "Refuse every command that changes the cluster.") var readOnly = false
    @Option(name: .customLong("access-key"), help: ArgumentHelp("ACL user to sign requests as.", valueName: "user"))
    var accessKey: String?
    @Option(
        name: .customLong("credentials-file"),
        help: ArgumentHelp("File whose first line is the access key's secret (its path is saved).", valueName: "file"))
    var credentialsFile: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try ContextArgs.name(name)
        let servers = Address.list(namesrv)
        guard !servers.isEmpty else { throw ValidationError("-n names no name server; give HOST:PORT[;HOST:PORT]") }
        for addr in servers { try Address.validate(addr, what: "name server address") }
        if credentialsFile != nil, accessKey?.isEmpty ?? true {
            throw ValidationError("--credentials-file needs --access-key USER (the user whose secret it holds)")
        }
    }

    func run() async throws {
        let home = Console.current.home
        let credentials = credentialsFile.map(ConnectionOptions.expand)
        if let credentials, !FileManager.default.isReadableFile(atPath: credentials) {
            throw CLIError("cannot read the credentials file \(credentials); check the path and its permissions",
                exit: .usage)
        }
        var file = try ContextStore.load(home: home)
        let context = ConnectionContext(
            name: name, nameServers: Address.list(namesrv), readOnly: readOnly, accessKey: accessKey,
            credentialsFile: credentials)
        let replaced = file.context(named: name) != nil
        file.contexts.removeAll { $0.name == name }
        file.contexts.append(context)
        if file.current == nil { file.current = name }
        try ContextStore.save(file, home: home)
        let view = ContextView(context, current: file.current == name)
        Emit.output(view, format: output.output) {
            "\(replaced ? "Replaced" : "Added") context \(name)\(view.current ? " (current)" : "").\n" + view.text
        }
    }
}

import ArgumentParser

/// `mqadmin context use NAME` / `--none`: the context commands use when nothing else names a target.
struct ContextUse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "use",
        abstract: "Make a context the current one (--none: no current context).",
        discussion: """
            The current context is the target of commands given no -n, --data, --context, NAMESRV_ADDR, \
            MQADMIN_DATA or MQADMIN_CONTEXT.
            """)

    @Argument(help: "Context name.", completion: .custom(ContextArgs.completeNames)) var name: String?
    @Flag(help: "Clear the current context: commands use the bundled broker again.") var none = false
    @OptionGroup var output: OutputOptions

    /// `-o json`: the current context after the change (`null` for none) and what it points at.
    struct Choice: Encodable {
        @NullEncoded var current: String?
        @NullEncoded var context: ContextView?
    }

    func validate() throws {
        if none == (name != nil) { throw ValidationError("give a context name or --none, not both or neither") }
    }

    func run() async throws {
        let home = Console.current.home
        var file = try ContextStore.load(home: home)
        guard let name else {
            file.current = nil
            try ContextStore.save(file, home: home)
            Emit.output(Choice(current: nil, context: nil), format: output.output) {
                "No current context: commands use -n, NAMESRV_ADDR or the bundled broker.\n"
            }
            return
        }
        guard let context = file.context(named: name) else { throw ContextStore.unknown(name, in: file) }
        file.current = name
        try ContextStore.save(file, home: home)
        let mode = context.readOnly ? ", read-only" : ""
        Emit.output(Choice(current: name, context: ContextView(context, current: true)), format: output.output) {
            "Current context: \(name) (\(context.nameServers.joined(separator: ";"))\(mode)).\n"
        }
    }
}

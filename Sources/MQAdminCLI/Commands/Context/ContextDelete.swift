import ArgumentParser

/// `mqadmin context delete NAME`.
struct ContextDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a context (when it is the current one, no context is current afterwards).",
        discussion: "Only the saved context goes; its credentials file is left where it is.")

    @Argument(help: "Context name.", completion: .custom(ContextArgs.completeNames)) var name: String
    @OptionGroup var output: OutputOptions

    /// `-o json`: the context deleted and the current context afterwards (`null` for none).
    struct Deleted: Encodable {
        var deleted: String
        @NullEncoded var current: String?
    }

    func run() async throws {
        let home = Console.current.home
        var file = try ContextStore.load(home: home)
        guard file.context(named: name) != nil else { throw ContextStore.unknown(name, in: file) }
        file.contexts.removeAll { $0.name == name }
        let wasCurrent = file.current == name
        if wasCurrent { file.current = nil }
        try ContextStore.save(file, home: home)
        Emit.output(Deleted(deleted: name, current: file.current), format: output.output) {
            "Deleted context \(name)\(wasCurrent ? "; no context is current now" : "").\n"
        }
    }
}

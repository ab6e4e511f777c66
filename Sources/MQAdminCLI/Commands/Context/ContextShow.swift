import ArgumentParser

/// `mqadmin context show [NAME]`: one context, the current one by default.
struct ContextShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a context (default: the current one).")

    @Argument(help: "Context name.", completion: .custom(ContextArgs.completeNames)) var name: String?
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let file = try ContextStore.load(home: Console.current.home)
        guard let wanted = name ?? file.current else {
            throw CLIError("no current context; name one, or set one with `mqadmin context use NAME`", exit: .notFound)
        }
        guard let context = file.context(named: wanted) else { throw ContextStore.unknown(wanted, in: file) }
        let view = ContextView(context, current: file.current == wanted)
        Emit.output(view, format: output.output) { view.text }
    }
}

import ArgumentParser

/// `mqadmin context list`: every context, the current one marked.
struct ContextList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the contexts; * marks the current one.")

    @OptionGroup var output: OutputOptions

    func run() async throws {
        let view = ContextListView(try ContextStore.load(home: Console.current.home))
        Emit.output(view, format: output.output) { view.table }
    }
}

import ArgumentParser

/// Checks and completion shared by the `context` commands and `--context`.
enum ContextArgs {
    /// A context name as a usage error `validate()` can throw.
    static func name(_ name: String) throws {
        do { try ConnectionContext.validateName(name) } catch let e as CLIError { throw ValidationError(e.message) }
    }
}

extension ContextArgs {
    /// The saved context names starting with `prefix`, for shell completion (never fails: none on a bad file).
    @Sendable static func completeNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let file = (try? ContextStore.load(home: Console.current.home)) ?? .empty
        return file.contexts.map(\.name).filter { $0.hasPrefix(prefix) }.sorted()
    }
}

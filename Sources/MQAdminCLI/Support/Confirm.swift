import Foundation

/// Confirmation for destructive commands: ask on a terminal, refuse off a terminal without --yes.
enum Confirm {
    static var isInteractive: Bool { Console.current.inputIsTerminal && Console.current.outputIsTerminal }

    /// Throws unless the user confirmed. `token` is what they must type (e.g. the topic name).
    static func destructive(_ what: String, token: String, yes: Bool) throws {
        if yes { return }
        guard isInteractive else {
            throw CLIError("refusing to \(what) without confirmation; pass --yes to confirm", exit: .usage)
        }
        Console.current.writeError("About to \(what). Type \"\(token)\" to confirm: ")
        let answer = Console.current.readLine()?.trimmingCharacters(in: .whitespaces)
        guard answer == token else { throw CLIError("not confirmed; nothing changed", exit: .failed) }
    }
}

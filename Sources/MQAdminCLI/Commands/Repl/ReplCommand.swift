import ArgumentParser
import Foundation
import MQLineEditor

/// `mqadmin repl` (and `mqadmin` alone on a terminal).
struct ReplCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Interactive session: commands, history, Tab completion, watch.",
        discussion: """
            Every command works as on the command line; an error is printed and the session goes on. \
            Ctrl-C interrupts the running command (message consume --follow, backlog report --watch, a slow \
            request) and returns to the prompt; at the prompt it clears the line. \
            Extra commands: connect ADDR, disconnect, watch SECONDS COMMAND... (Ctrl-C stops it), exit. \
            With input from a pipe, lines run one by one without readline and the first error stops the \
            script (its exit code is returned) unless --keep-going, which runs every line and returns the first \
            error's code.
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "With piped input, run every line even after an error.")
    var keepGoing = false

    func run() async throws {
        let status = await Self.start(connection: connection, keepGoing: keepGoing)
        if status != 0 { throw ExitCode(status) }
    }

    static func start(connection: ConnectionOptions, keepGoing: Bool) async -> Int32 {
        let interactive = Console.current.inputIsTerminal
        if interactive {
            Interrupts.shared.install()
            let box = ReplBox()
            let reader = ReadlineLineReader(historyPath: HomeFile.history.path) { before, word in
                box.repl?.complete(lineBeforeCursor: before, word: word) ?? []
            }
            let repl = Repl(reader: reader, interactive: true, keepGoing: keepGoing, options: connection)
            box.repl = repl
            return await repl.run()
        }
        let repl = Repl(
            reader: ConsoleLineReader(Console.current), interactive: false, keepGoing: keepGoing, options: connection)
        return await repl.run()
    }
}

/// Lets readline's completion callback reach the REPL created after it.
final class ReplBox: @unchecked Sendable {
    // Set once before the first prompt, then only read (from the readline thread).
    var repl: Repl?
}

/// Piped lines from the command's console: the process's standard input, or an in-process run's buffer.
final class ConsoleLineReader: LineReader {
    private let console: Console

    init(_ console: Console) { self.console = console }

    func readLine(prompt: String) -> String? { console.readLine() }
    func addHistory(_ line: String) {}
    func saveHistory() {}
}

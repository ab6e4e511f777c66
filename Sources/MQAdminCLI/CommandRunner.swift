import ArgumentParser
import Foundation
import MQBroker
import MQClient
import MQProtocol

/// Parses and runs a command line; every failure becomes one stderr line and an exit code (`ErrorReport`).
public enum CommandRunner {
    public static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        let code = await run(arguments)
        exit(code)
    }

    public static func run(_ arguments: [String]) async -> Int32 {
        // `mqadmin` alone on a terminal opens the REPL, parsed like `mqadmin repl` so its options exist
        // (off a terminal it is a usage error: `CommandNames.MissingCommand`).
        let console = Console.current
        let opensRepl = arguments.isEmpty && console.inputIsTerminal && console.outputIsTerminal
        let arguments = opensRepl && Session.current == nil ? ["repl"] : arguments
        do {
            var command: any ParsableCommand
            let words = try CommandNames.resolve(hoistGlobalOptions(arguments))
            do {
                command = try await MQAdmin.asyncParseAsRoot(words)
            } catch {
                throw ErrorReport.ParseFailure(underlying: error)
            }
            // Reports name the target the command reached (ReportTarget), classic layouts excepted.
            let slot = ReportTarget.Slot(classic: ClassicCommands.contains(command))
            // A change (not a read, not a dry run) is refused under a read-only context and audited.
            let audit = CommandEffects.changesTarget(command) ? AuditRun(command: command, arguments: arguments) : nil
            do {
                try await AuditRun.$current.withValue(audit) {
                    try await ReportTarget.$slot.withValue(slot) {
                        try audit?.refuseIfReadOnly(command)
                        if var asyncCommand = command as? any AsyncParsableCommand {
                            try await asyncCommand.run()
                        } else {
                            try command.run()
                        }
                    }
                }
            } catch {
                audit?.finish(error)
                throw error
            }
            audit?.finish(nil)
            return MQExit.ok.rawValue
        } catch {
            return report(error)
        }
    }

    /// Options every command takes, which people also write before the command (`mqadmin -n ns:9876 topic list`).
    static let globalOptionsWithValue: Set<String> = [
        "-n", "--namesrv", "--namesrvAddr", "--data", "--context", "--timeout", "-o", "--output", "--access-key",
        "--secret-key-file", "--secret-key",
    ]
    static let globalFlags: Set<String> = ["--secret-key-stdin", "--insecure-password-arg"]

    /// Moves leading global options behind the command words, where ArgumentParser expects them.
    static func hoistGlobalOptions(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            let name = first.split(separator: "=", maxSplits: 1).first.map(String.init) ?? first
            if globalFlags.contains(first) {
                leading.append(first)
                rest = rest.dropFirst()
                continue
            }
            guard globalOptionsWithValue.contains(name) else { break }
            leading.append(first)
            rest = rest.dropFirst()
            if !first.contains("="), let value = rest.first {
                leading.append(value)
                rest = rest.dropFirst()
            }
        }
        return Array(rest) + leading
    }

    /// Prints what `ErrorReport` says about the error (help and version go to stdout) and returns the exit code.
    static func report(_ error: any Error) -> Int32 {
        let report = ErrorReport.classify(error)
        if report.isHelp {
            Emit.write(report.message + "\n")
        } else if !report.message.isEmpty {
            printError(report.message)
        }
        return report.exit.rawValue
    }

    static func printError(_ message: String) {
        Console.current.writeError("mqadmin: \(message)\n")
    }
}

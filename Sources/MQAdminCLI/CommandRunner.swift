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
        // Shell completion's background refresh (hidden, like ArgumentParser's `---completion`).
        if arguments.first == NamesRefresh.flag {
            await NamesRefresh.run(Array(arguments.dropFirst()))
            return MQExit.ok.rawValue
        }
        if let script = completionScript(arguments) {
            Emit.write(script + "\n")
            return MQExit.ok.rawValue
        }
        // `mqadmin` alone on a terminal opens the REPL, parsed like `mqadmin repl` so its options exist
        // (off a terminal it is a usage error: `CommandNames.MissingCommand`).
        let console = Console.current
        let opensRepl = arguments.isEmpty && console.inputIsTerminal && console.outputIsTerminal
        let arguments = opensRepl && Session.current == nil ? ["repl"] : arguments
        let printed = ErrorJSON.Printed()
        do {
            let words = try CommandNames.resolve(hoistGlobalOptions(arguments))
            let zone = try DisplayZone.resolve(words, environment: console.environment)
            try await TimeFormat.$display.withValue(zone) {
                var command: any ParsableCommand
                do {
                    command = try await CommandLineParse.parse(words)
                } catch {
                    throw ErrorReport.ParseFailure(underlying: error)
                }
                try await execute(command, arguments: arguments, printed: printed)
            }
            return MQExit.ok.rawValue
        } catch {
            return report(error, json: ErrorJSON.requested(arguments) && !printed.any)
        }
    }

    /// Runs a parsed command: its reports name the target it reached (ReportTarget, classic layouts excepted);
    /// a change (not a read, not a dry run) is refused under a read-only context and audited.
    private static func execute(
        _ command: any ParsableCommand, arguments: [String], printed: ErrorJSON.Printed
    ) async throws {
        var command = command
        let slot = ReportTarget.Slot(classic: ClassicCommands.contains(command))
        let audit = CommandEffects.changesTarget(command) ? AuditRun(command: command, arguments: arguments) : nil
        do {
            try await AuditRun.$current.withValue(audit) {
                try await ReportTarget.$slot.withValue(slot) {
                    try await CommandTransport.$current.withValue(CommandTransport.of(command)) {
                        try await ErrorJSON.$printed.withValue(printed) {
                            try audit?.refuseIfReadOnly(command)
                            if var asyncCommand = command as? any AsyncParsableCommand {
                                try await asyncCommand.run()
                            } else {
                                try command.run()
                            }
                        }
                    }
                }
            }
        } catch {
            audit?.finish(error)
            throw error
        }
        audit?.finish(nil)
    }

    /// `--generate-completion-script SHELL`: ArgumentParser's script with mqadmin's wrapper (CompletionScripts);
    /// nil for any other line (and for a shell it does not know, which ArgumentParser then reports).
    static func completionScript(_ arguments: [String]) -> String? {
        let flag = "--generate-completion-script"
        let name: String?
        if arguments.count == 2, arguments[0] == flag {
            name = arguments[1]
        } else if arguments.count == 1, arguments[0].hasPrefix(flag + "=") {
            name = String(arguments[0].dropFirst(flag.count + 1))
        } else {
            name = nil
        }
        guard let shell = name.flatMap(CompletionShell.init(rawValue:)) else { return nil }
        return CompletionScripts.script(for: shell)
    }

    /// Options every command takes, which people also write before the command (`mqadmin -n ns:9876 topic list`).
    static let globalOptionsWithValue: Set<String> = [
        "-n", "--namesrv", "--namesrvAddr", "--data", "--context", "--timeout", "-o", "--output", "--access-key",
        "--secret-key-file", "--secret-key",
    ]
    static let globalFlags: Set<String> = ["--secret-key-stdin", "--insecure-password-arg", ClockOptions.utcFlag]

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
    /// With `json` (the command line asked for JSON and the command printed nothing) stdout also gets the
    /// error as a JSON document (`ErrorJSON`).
    static func report(_ error: any Error, json: Bool = false) -> Int32 {
        let report = ErrorReport.classify(error)
        if report.isHelp {
            Emit.write(report.message + "\n")
        } else if !report.message.isEmpty {
            printError(report.message)
            if json { Emit.write(Emit.json(ErrorJSON(report))) }
        }
        return report.exit.rawValue
    }

    static func printError(_ message: String) {
        Console.current.writeError("mqadmin: \(message)\n")
    }
}

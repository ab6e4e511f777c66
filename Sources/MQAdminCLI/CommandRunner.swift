import ArgumentParser
import Foundation
import MQBroker
import MQClient
import MQProtocol

/// Parses and runs a command line, mapping every failure to one stderr line and a documented exit code.
public enum CommandRunner {
    public static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        let code = await run(arguments)
        exit(code)
    }

    public static func run(_ arguments: [String]) async -> Int32 {
        // `mqadmin` alone on a terminal opens the REPL.
        if arguments.isEmpty && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 && Session.current == nil {
            return await ReplCommand.start(connection: ConnectionOptions(), keepGoing: false)
        }
        do {
            var command = try await MQAdmin.asyncParseAsRoot(hoistGlobalOptions(arguments))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return MQExit.ok.rawValue
        } catch {
            return report(error)
        }
    }

    /// Options every command takes, which people also write before the command (`mqadmin -n ns:9876 topic list`).
    static let globalOptionsWithValue: Set<String> = [
        "-n", "--namesrv", "--namesrvAddr", "--data", "--timeout", "-o", "--output", "--access-key", "--secret-key-file",
        "--secret-key",
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

    /// Prints the error (help and version go to stdout) and returns the exit code.
    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let e as CLIError:
            printError(e.message)
            return PermissionHint.exit(for: e).rawValue
        case let e as ExitCode:
            return e.rawValue
        default:
            break
        }
        let code = MQAdmin.exitCode(for: error)
        if code == .success {
            print(MQAdmin.fullMessage(for: error))
            return 0
        }
        if let mapped = mapLibraryError(error) {
            printError(mapped.message)
            return mapped.exit.rawValue
        }
        // Anything ArgumentParser rejects is a usage error: one line plus where to look.
        let message = MQAdmin.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
        printError(message + " (see --help)")
        return MQExit.usage.rawValue
    }

    static func mapLibraryError(_ error: any Error) -> CLIError? {
        switch error {
        case let e as BrokerError: return CLIError(e.description, exit: .failed)
        case let e as ClientError:
            if e.isConnectivity { return CLIError(e.description, exit: .unreachable) }
            switch e.responseCode {
            case .topicNotExist?, .subscriptionGroupNotExist?, .queryNotFound?: return CLIError(e.description, exit: .notFound)
            case .noPermission?: return CLIError(PermissionHint.message(for: e), exit: .permissionDenied)
            default: return CLIError(e.description, exit: .failed)
            }
        default:
            return nil
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("mqadmin: \(message)\n".utf8))
    }
}

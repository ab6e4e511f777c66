import Foundation
import MQTestSupport
import NIOConcurrencyHelpers

@testable import MQAdminCLI

/// Runs `mqadmin` inside the test process: the real command tree and runner (global options hoisted,
/// parsing, validation, the command, `ErrorReport`), with the command's stdout, stderr, stdin and
/// environment in a `Console` of its own. Configured and answering like `MQAdminRunner`, without the cost
/// of a process per command; `MQAdminRunner` stays for what only a process shows (its exit status,
/// terminal behaviour, signals, start-up).
struct InProcessRunner: Sendable {
    /// `-n` value, or nil for the embedded default.
    var nameServer: String?
    /// `MQADMIN_DATA` for the embedded default, and a private HOME so nothing leaks into the real one.
    var dataDirectory: String?
    var home: String?

    init(nameServer: String? = nil, dataDirectory: String? = nil, home: String? = nil) {
        self.nameServer = nameServer
        self.dataDirectory = dataDirectory
        self.home = home
    }

    /// Runs `mqadmin <args>` (adding `-n` when a name server is set), as `MQAdminRunner.run` does.
    @discardableResult
    func run(_ args: [String], stdin: String? = nil, extraEnv: [String: String] = [:]) async throws -> CommandResult {
        var environment = ProcessInfo.processInfo.environment.merging(extraEnv) { $1 }
        if let dataDirectory { environment["MQADMIN_DATA"] = dataDirectory }
        environment["HOME"] = home ?? extraEnv["HOME"] ?? TestHome.path
        environment["NAMESRV_ADDR"] = nil
        environment["MQADMIN_CONTEXT"] = extraEnv["MQADMIN_CONTEXT"]
        var full = args
        if let nameServer, !args.contains("-n") { full += ["-n", nameServer] }
        let out = CapturedText()
        let err = CapturedText()
        let input = PipedInput(stdin ?? "")
        let console = Console(
            write: out.append, writeError: err.append, readAll: input.readAll, readLine: input.readLine,
            inputIsTerminal: false, outputIsTerminal: false, environment: environment)
        // No command here takes minutes: one that does is hung, and fails its test instead of the whole run.
        let command = full
        let status = try await withDeadline("mqadmin \(command.joined(separator: " "))", timeout: .seconds(240)) {
            await Console.$current.withValue(console) { await CommandRunner.run(command) }
        }
        return CommandResult(status: status, stdout: out.text, stderr: err.text)
    }

    /// Runs with `-o json` and decodes stdout as a JSON object or array.
    func json(_ args: [String]) async throws -> (result: CommandResult, value: Any?) {
        let r = try await run(args + ["-o", "json"])
        return (r, try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)))
    }
}

/// What a command wrote to one stream.
private final class CapturedText: Sendable {
    private let buffer = NIOLockedValueBox("")

    @Sendable func append(_ text: String) { buffer.withLockedValue { $0 += text } }

    var text: String { buffer.withLockedValue { $0 } }
}

/// Standard input as a pipe gives it: read once, then at its end.
private final class PipedInput: Sendable {
    private let remaining: NIOLockedValueBox<Substring>

    init(_ text: String) { remaining = NIOLockedValueBox(Substring(text)) }

    @Sendable func readAll() -> Data {
        remaining.withLockedValue { rest in
            defer { rest = "" }
            return Data(rest.utf8)
        }
    }

    @Sendable func readLine() -> String? {
        remaining.withLockedValue { rest -> String? in
            guard !rest.isEmpty else { return nil }
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            let line = String(rest[..<end])
            rest = end == rest.endIndex ? "" : rest[rest.index(after: end)...]
            return line
        }
    }
}

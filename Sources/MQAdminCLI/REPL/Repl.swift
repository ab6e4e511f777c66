import Foundation
import MQLineEditor

/// The interactive session: every CLI command with the same grammar and output, one connection kept
/// across commands, history, completion, `watch`, and errors that do not end the session.
final class Repl: @unchecked Sendable {
    // Only touched from the REPL loop's task, one line at a time.
    private let reader: LineReader
    private let interactive: Bool
    private let keepGoing: Bool
    private var options: ConnectionOptions
    private var session: Session?
    /// After `disconnect`, until `connect`: commands refuse instead of falling back to the local store.
    private var disconnected = false
    private var lastStatus: Int32 = 0
    /// With piped input and --keep-going, the first error's code is what the script returns.
    private var firstFailure: Int32 = 0
    let names = NameCache()

    init(reader: LineReader, interactive: Bool, keepGoing: Bool, options: ConnectionOptions) {
        self.reader = reader
        self.interactive = interactive
        self.keepGoing = keepGoing
        self.options = options
    }

    enum Outcome {
        case status(Int32)
        case exit
    }

    var prompt: String {
        let target = session?.targetDescription ?? "[not connected]"
        let status = lastStatus == 0 ? "" : " [\(lastStatus)]"
        return "mqadmin \(target)\(status)> "
    }

    /// Runs until `exit`, `quit` or end of input. Returns the exit status of the process.
    func run() async -> Int32 {
        await connect()
        defer { reader.saveHistory() }
        while true {
            let line: String?
            if interactive {
                line = await readOnDedicatedThread(prompt)
            } else {
                line = reader.readLine(prompt: prompt)
            }
            guard let line else { break }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if interactive { reader.addHistory(trimmed) }
            let outcome = await execute(trimmed)
            // A Ctrl-C that interrupted the command is spent: the next prompt starts clean.
            if interactive, Interrupts.shared.consume() { Emit.write("\n") }
            switch outcome {
            case .exit:
                await session?.close()
                return 0
            case .status(let code):
                lastStatus = code
                if firstFailure == 0 { firstFailure = code }
                if !interactive && code != 0 && !keepGoing {
                    await session?.close()
                    return code
                }
            }
        }
        if interactive { Emit.write("\n") }
        await session?.close()
        return interactive ? 0 : firstFailure
    }

    /// readline blocks its thread; keep it off the cooperative pool.
    private func readOnDedicatedThread(_ prompt: String) async -> String? {
        await withCheckedContinuation { continuation in
            Repl.readlineQueue.async { [reader] in continuation.resume(returning: reader.readLine(prompt: prompt)) }
        }
    }

    static let readlineQueue = DispatchQueue(label: "mqadmin.readline")

    func execute(_ line: String) async -> Outcome {
        let args: [String]
        do {
            args = try Tokenizer.split(line)
        } catch {
            return .status(CommandRunner.report(error))
        }
        guard let first = args.first else { return .status(0) }
        switch first {
        case "exit", "quit":
            return .exit
        case "connect":
            guard args.count == 2 else { return usage("connect HOST:PORT[;HOST:PORT] or connect CONTEXT") }
            // An address has a port; anything else names a saved context (whose read-only guard then applies).
            if args[1].contains(":") {
                options.namesrv = args[1]
            } else {
                (options.namesrv, options.dataDirectory, options.context) = (nil, nil, args[1])
            }
            disconnected = false
            return .status(await connect())
        case "disconnect":
            await session?.close()
            session = nil
            disconnected = true
            return .status(0)
        case "watch":
            return .status(await watch(Array(args.dropFirst())))
        case "repl":
            return .status(CommandRunner.report(CLIError("already in the REPL", exit: .usage)))
        case "help" where args.count == 1:
            Emit.write(
                MQAdmin.helpMessage() + "\nREPL: connect ADDR|CONTEXT, disconnect, watch SECONDS COMMAND..., exit\n")
            return .status(0)
        default:
            return .status(await runCommand(args))
        }
    }

    func usage(_ text: String) -> Outcome {
        .status(CommandRunner.report(CLIError("usage: \(text)", exit: .usage)))
    }

    func runCommand(_ args: [String]) async -> Int32 {
        let status = await Session.$disconnected.withValue(disconnected) {
            await Session.$current.withValue(session) {
                interactive ? await Self.interruptible { await CommandRunner.run(args) } : await CommandRunner.run(args)
            }
        }
        // Commands may create or delete topics and groups: refresh completion names in the background.
        names.invalidate()
        Task { [names, session] in await names.refreshIfStale(client: session?.client) }
        return status
    }

    /// Runs a command until it ends or Ctrl-C, which cancels it and waits for it to wind up (a consumer commits
    /// and leaves its group, a request in flight is abandoned); the session goes on either way. The Ctrl-C stays
    /// set for `watch`, which stops on it, until the loop in `run` clears it.
    static func interruptible(_ command: @escaping @Sendable () async -> Int32) async -> Int32 {
        await withTaskGroup(of: Int32?.self) { group in
            group.addTask { await command() }
            group.addTask {
                while !Interrupts.shared.isSet {
                    do { try await Task.sleep(for: .milliseconds(50)) } catch { return nil }
                }
                return nil
            }
            var status: Int32 = 0
            while let next = await group.next() {
                group.cancelAll()
                if let next { status = next }
            }
            return status
        }
    }

    /// `watch SECONDS COMMAND...`: repeats in place until Ctrl-C, which returns to the prompt.
    func watch(_ args: [String]) async -> Int32 {
        guard args.count >= 2, let seconds = Double(args[0]), seconds > 0 else {
            return CommandRunner.report(
                CLIError("usage: watch SECONDS COMMAND... (e.g. watch 2 backlog report)", exit: .usage))
        }
        let command = Array(args.dropFirst())
        Interrupts.shared.reset()
        var status: Int32 = 0
        while !Interrupts.shared.isSet {
            if Console.current.outputIsTerminal { Emit.write("\u{1B}[H\u{1B}[2J") }
            let now = TimeFormat.iso(Int64(Date().timeIntervalSince1970 * 1000))
            Emit.write("Every \(args[0])s: \(command.joined(separator: " "))    \(now)\n\n")
            status = await runCommand(command)
            let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
            while ContinuousClock.now < deadline && !Interrupts.shared.isSet {
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        _ = Interrupts.shared.consume()
        Emit.write("\n")
        return status
    }

    /// (Re)opens the session for the current options; reports a failure and stays usable. Returns the
    /// failure's exit code, 0 when connected.
    @discardableResult
    func connect() async -> Int32 {
        await session?.close()
        session = nil
        do {
            session = try await Session.open(options)
            Task { [names, session] in await names.refreshIfStale(client: session?.client) }
            return MQExit.ok.rawValue
        } catch {
            return CommandRunner.report(error)
        }
    }

    /// Completion candidates (called on the readline thread; never waits longer than the cache budget).
    func complete(lineBeforeCursor: String, word: String) -> [String] {
        let before = (try? Tokenizer.split(lineBeforeCursor)) ?? []
        if before.isEmpty {
            let builtins = ["exit", "quit", "connect", "disconnect", "watch", "help"]
            return (CommandTree.root.visibleSubcommandNames + builtins).filter { $0.hasPrefix(word) }.sorted()
        }
        let args = before.first == "watch" ? Array(before.dropFirst(2)) : before
        return CommandTree.complete(before: args, word: word, names: names.current)
    }
}

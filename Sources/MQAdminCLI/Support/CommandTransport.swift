import ArgumentParser

/// Which transport a command's session uses. The one place that says so: `CommandRunner` asks it for every
/// command it runs and `Session.open` follows the answer.
enum CommandTransport: Sendable {
    /// `RemotingClient` on NIO's event loops: connections that serve requests the broker sends, calls a
    /// signal can cancel, long-lived sessions.
    case eventLoop
    /// `BlockingInvoker`: blocking sockets, no event-loop group started (CLI start, issue 18).
    case blocking

    /// The commands that need the event loop; every other command only makes request/response calls and
    /// ends when its last response is printed, so it gets blocking sockets when run as its own process.
    /// A command belongs here when it consumes as a group member (the broker sends it requests), follows or
    /// watches until a signal (cancelling a call in flight needs NIO), runs a broker, or is the REPL (its
    /// session is pooled across commands). Bench commands make their own NIO clients.
    static let eventLoopCommands: [(command: any ParsableCommand.Type, when: @Sendable (any ParsableCommand) -> Bool)] =
        [
            (Demo.self, { _ in true }), (BrokerStart.self, { _ in true }), (ReplCommand.self, { _ in true }),
            (MessageConsume.self, { _ in true }),
            (MessageTail.self, { ($0 as? MessageTail)?.follow ?? true }),
            (BacklogReportCommand.self, { ($0 as? BacklogReportCommand)?.watch != nil }),
            (BenchProduce.self, { _ in true }), (BenchConsume.self, { _ in true }), (BenchE2E.self, { _ in true }),
        ]

    /// The transport for `command`. Inside the REPL (a shared session exists) it is always the event loop.
    static func of(_ command: any ParsableCommand) -> CommandTransport {
        if let forced { return forced }
        guard Session.current == nil else { return .eventLoop }
        let type = ObjectIdentifier(Swift.type(of: command))
        for row in eventLoopCommands where ObjectIdentifier(row.command) == type {
            if row.when(command) { return .eventLoop }
        }
        return .blocking
    }

    /// The transport of the command running in this task; `.eventLoop` outside `CommandRunner` (tests, the
    /// completion refresh).
    @TaskLocal static var current: CommandTransport = .eventLoop

    /// Set by tests that run the same command over both transports and compare what it printed.
    @TaskLocal static var forced: CommandTransport?
}

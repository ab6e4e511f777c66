import ArgumentParser
import Foundation
import NIOConcurrencyHelpers

/// One run of a command that changes its target: refuses it under a read-only context, and when it ends
/// appends its line to the audit log. Installed by `CommandRunner` for exactly the invocations
/// `CommandEffects.changesTarget` says change something (dry runs and reads are not audited).
final class AuditRun: Sendable {
    let command: String
    let argv: [String]
    private let state = NIOLockedValueBox<(journalId: String?, refused: Bool, target: AuditTarget?, noTarget: Bool)>(
        (nil, false, nil, false))

    init(command: any ParsableCommand, arguments: [String]) {
        self.command = CommandEffects.path(of: type(of: command)).joined(separator: " ")
        let userCommands: [any ParsableCommand.Type] = [ClassicCreateUser.self, ClassicUpdateUser.self]
        let classicPassword = userCommands.contains { $0 == type(of: command) }
        self.argv = AuditRedaction.redact(arguments, shortSecrets: classicPassword ? ["-p"] : [])
    }

    /// The run in this task, for `PlanRunner` to record the journal entry it saved.
    @TaskLocal static var current: AuditRun?

    /// The journal entry the command saved (nil: it removed it again, as nothing changed).
    func recordJournal(_ id: String?) { state.withLockedValue { $0.journalId = id } }

    /// There was no target at all (no name server, no bundled store: exit 4 before naming anything): the
    /// command could change nothing, so it leaves no line, and HOME stays as it was (TargetSelectionTests).
    func recordNoTarget() { state.withLockedValue { $0.noTarget = true } }

    /// Resolves the target (an unknown context throws here, exit 2) and refuses, before anything connects,
    /// when it is a read-only context (exit 5, permission denied).
    func refuseIfReadOnly(_ parsed: any ParsableCommand) throws {
        guard let connection = CommandEffects.connection(of: parsed) else { return }
        let context: ConnectionContext?
        if let shared = Session.current, !connection.namesOwnTarget {
            context = shared.context
            state.withLockedValue { $0.target = AuditTarget(shared) }
        } else {
            let resolved = try connection.resolveTarget()
            context = resolved.context
            state.withLockedValue { $0.target = AuditTarget(resolved) }
        }
        guard let context, context.readOnly else { return }
        state.withLockedValue { $0.refused = true }
        throw CLIError(
            "context \(context.name) is read-only: refusing \(command), nothing changed; use --context OTHER "
                + "(or -n ADDR) for a writable target, or re-add it writable with `mqadmin context add "
                + "\(context.name) -n \(context.nameServers.joined(separator: ";"))`",
            exit: .permissionDenied)
    }

    /// Appends this run's line: `ok` when `error` is nil, else the error's line and exit code.
    func finish(_ error: (any Error)?) {
        let (journalId, refused, target, noTarget) = state.withLockedValue {
            ($0.journalId, $0.refused, $0.target, $0.noTarget)
        }
        guard !noTarget else { return }
        let report = error.map(ErrorReport.classify)
        let entry = AuditEntry(
            time: AuditEntry.timeText(Date()), user: Self.osUser, target: target ?? AuditTarget(),
            command: command, argv: argv, result: report == nil ? "ok" : refused ? "refused" : "failed",
            exit: report?.exit.rawValue ?? MQExit.ok.rawValue, error: report.map(\.message), journalId: journalId)
        AuditLog.record(entry, home: Console.current.home)
    }

    /// The account the process runs as (not $USER, which anyone can set).
    static var osUser: String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return Console.current.environment["USER"] ?? "uid \(geteuid())"
    }
}

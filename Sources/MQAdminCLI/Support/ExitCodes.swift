import ArgumentParser
import Foundation
import MQBenchKit
import MQBroker
import MQClient
import MQProtocol
import MQRemoting
import MQStore

/// The exit codes of design.md, one meaning each, for scripts.
public enum MQExit: Int32, Sendable {
    case ok = 0
    case failed = 1
    case usage = 2
    case notFound = 3
    case unreachable = 4
    case permissionDenied = 5
    case thresholdExceeded = 6

    /// What the code tells a script, as the man pages' EXIT STATUS says it (generated from here).
    public var meaning: String {
        switch self {
        case .ok: return "Success."
        case .failed: return "The operation failed; the message on standard error says how."
        case .usage:
            return "Usage error: an unknown command or option, a bad value or combination; nothing was done."
        case .notFound: return "Not found: the topic, group, message, user or journal entry does not exist."
        case .unreachable:
            return "Cannot connect or timed out: no name server or broker answered, or there is no target."
        case .permissionDenied:
            return "Permission denied: the broker refused the request (ACL), or a file or directory cannot be used."
        case .thresholdExceeded:
            return "A report's threshold was exceeded (backlog report --fail-if-lag-over, --fail-if-age-over)."
        }
    }
}

extension MQExit: CaseIterable {}

/// An error the CLI reports as one line with a specific exit code.
public struct CLIError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var exit: MQExit

    public init(_ message: String, exit: MQExit = .failed) {
        self.message = message
        self.exit = exit
    }

    public var description: String { message }
}

/// How an error ends a command: what to say and the exit code. The one place errors become exit codes,
/// for the command line and the REPL alike; every error type of the package is listed here by name
/// (ErrorReportTests fails when one is added without a line here).
struct ErrorReport: Sendable, Equatable {
    /// One line for stderr (empty: nothing to say), or with `isHelp` the help text for stdout.
    var message: String
    var exit: MQExit
    /// Help, version and completion scripts, which ArgumentParser delivers as errors.
    var isHelp = false

    /// An error ArgumentParser threw while parsing and validating the command line. Parsing wraps
    /// whatever `validate()` throws, so everything from this phase is a usage error (or help).
    struct ParseFailure: Error {
        var underlying: any Error
    }

    static func classify(_ error: any Error) -> ErrorReport {
        switch error {
        case let e as ParseFailure: return argumentParser(e.underlying)
        case is ValidationError, is CleanExit: return argumentParser(error)
        case let e as ExitCode: return ErrorReport(message: "", exit: MQExit(rawValue: e.rawValue) ?? .failed)
        case let e as CLIError: return cli(e)
        case let e as ClientError: return client(e)
        case let e as TargetError: return line(e, e.isNotFound ? .notFound : .usage)
        case let e as TopicWriteError: return topicWrite(e)
        case let e as OffsetPlanError: return ErrorReport(message: oneLine("\(e); nothing changed"), exit: .usage)
        case let e as RemotingError: return remoting(e)
        case let e as BrokerError: return broker(e)
        case let e as StoreError: return line(e, .failed)
        case let e as AuthFailure: return line(e, e.code == .noPermission ? .permissionDenied : .failed)
        case let e as AuthValidationError: return line(e, .usage)
        case let e as HostPort.Invalid: return line(e, .usage)
        case let e as MessageIdError: return line(e, .usage)
        case let e as TopicAttributes.AttributeError: return line(e, .usage)
        case let e as Tokenizer.Failure: return line(e, .usage)
        case let e as CommandNames.UnknownCommand: return line(e, .usage)
        case let e as CommandNames.MissingCommand: return line(e, .usage)
        case let e as FilterSyntaxError: return line(e, .usage)  // a SQL92 expression typed on the command line
        case let e as ProtocolError: return line(e, .failed)
        case let e as MessageDecodingError: return line(e, .failed)
        case let e as MessageEncodingError: return line(e, .failed)
        case let e as JSONError: return line(e, .failed)
        // DLQ resend and message import (issue 17 item 4).
        case let e as NoDeadLetterQueue: return line(e, .notFound)
        case let e as JournalWriteError: return line(e, .failed)
        case let e as ImportLineProblem: return line(e, .usage)
        case let e as RequestAccess.Unparsable: return line(e, .failed)
        case let e as NameServerSettings.Refusal: return line(e, .failed)
        case let e as BrokerLiveSettings.Refusal: return line(e, .failed)
        // bench --consumers N against the in-process bundled broker: a combination that cannot run.
        case let e as BenchConsumersUnsupported: return line(e, .usage)
        case is CancellationError:
            return ErrorReport(message: "interrupted; the operation was cancelled", exit: .failed)
        default:
            // ArgumentParser's own (internal) errors: `--help` is a command whose run() throws one.
            if [ExitCode.success, .validationFailure].contains(MQAdmin.exitCode(for: error)) {
                return argumentParser(error)
            }
            // Foundation's and NIO's errors, and the internal ones of the other modules: the operation
            // failed, and the message says how. Never "see --help": the command line was fine.
            return line(error, .failed)
        }
    }

    private static func line(_ error: any Error, _ exit: MQExit) -> ErrorReport {
        ErrorReport(message: oneLine("\(error)"), exit: exit)
    }

    private static func argumentParser(_ error: any Error) -> ErrorReport {
        if MQAdmin.exitCode(for: error) == .success {
            return ErrorReport(message: MQAdmin.fullMessage(for: error), exit: .ok, isHelp: true)
        }
        // A usage error: ArgumentParser's first line (without the usage block) plus where to look.
        let first = MQAdmin.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
        return ErrorReport(message: first + " (see --help)", exit: .usage)
    }

    /// Whatever area wrapped a broker's NO_PERMISSION refusal into its own message exits 5.
    private static func cli(_ e: CLIError) -> ErrorReport {
        let refused = e.exit == .failed && e.message.contains("refused: NO_PERMISSION")
        return ErrorReport(message: oneLine(e.message), exit: refused ? .permissionDenied : e.exit)
    }

    /// What to check when no name server answers; said here alone, so it appears once whatever wrapped it.
    static let nameServerAdvice = "check -n/NAMESRV_ADDR/--context and that the name server runs"

    private static func client(_ e: ClientError) -> ErrorReport {
        if case .nameServerUnreachable = e {
            return ErrorReport(message: oneLine("\(e); \(nameServerAdvice)"), exit: .unreachable)
        }
        if e.isConnectivity { return line(e, .unreachable) }
        switch e.responseCode {
        case .topicNotExist?, .subscriptionGroupNotExist?, .queryNotFound?: return line(e, .notFound)
        case .noPermission?:
            return ErrorReport(message: oneLine(PermissionHint.message(for: e)), exit: .permissionDenied)
        default: return line(e, .failed)
        }
    }

    private static func topicWrite(_ e: TopicWriteError) -> ErrorReport {
        switch e {
        case .preflight(_, let cause):
            if cause.isConnectivity { return line(e, .unreachable) }
            return line(e, cause.responseCode == .noPermission ? .permissionDenied : .failed)
        case .alreadyExists: return line(e, .failed)
        case .invalidAttributes: return line(e, .usage)
        }
    }

    /// A broker that cannot start: one exit code per class of refusal (broker start's EXIT STATUS says them).
    /// In use (the data directory's lock, a listen port: `RemotingError.bindFailed`) is 1, like a broken store.
    private static func broker(_ e: BrokerError) -> ErrorReport {
        switch e {
        case .invalidConfiguration: return line(e, .usage)
        case .dataDirectoryUnusable: return line(e, .permissionDenied)
        case .dataDirectoryLocked, .storeFailed, .corruptMetadata: return line(e, .failed)
        }
    }

    private static func remoting(_ e: RemotingError) -> ErrorReport {
        switch e {
        case .connectFailed, .timeout, .connectionClosed, .sendFailed: return line(e, .unreachable)
        case .invalidAddress: return line(e, .usage)
        case .bindFailed, .frameTooLarge, .closed: return line(e, .failed)
        }
    }

    /// Errors are one line on stderr (design.md), whatever a remote peer put in its remark.
    static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}

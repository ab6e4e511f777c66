import ArgumentParser

/// The exit codes of design.md, one meaning each, for scripts.
public enum MQExit: Int32, Sendable {
    case ok = 0
    case failed = 1
    case usage = 2
    case notFound = 3
    case unreachable = 4
    case permissionDenied = 5
    case thresholdExceeded = 6
}

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

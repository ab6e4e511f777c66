import Foundation

/// What a test waited for did not happen in time.
public struct WaitTimedOut: Error, CustomStringConvertible {
    /// What was awaited, as the caller named it ("the pull to be held by the broker").
    public let what: String
    public let timeout: Duration
    /// Where the wait was, `File.swift:123`.
    public let location: String

    public var description: String { "timed out after \(timeout) waiting for \(what) (\(location))" }
}

/// Waits until `condition` holds, checking it every `poll`; throws `WaitTimedOut` naming `what` when it still
/// does not hold after `timeout`. Tests wait on the condition they need, never for a fixed time: a fixed sleep
/// is too short on a loaded machine and too long everywhere else.
public func waitUntil(
    _ what: String, timeout: Duration = .seconds(10), poll: Duration = .milliseconds(20),
    fileID: String = #fileID, line: Int = #line, _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while !(try await condition()) {
        guard ContinuousClock.now < deadline else {
            // One last look: the condition may have come true while this task waited to be scheduled.
            if try await condition() { return }
            throw WaitTimedOut(what: what, timeout: timeout, location: "\(fileID):\(line)")
        }
        try await Task.sleep(for: poll)
    }
}

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

/// Runs `body` and returns its result, or throws `WaitTimedOut` naming `what` when it has not finished after
/// `timeout`. The body is not waited for after that (it may be stuck on something that ignores cancellation;
/// it is cancelled and left behind): a hung operation fails its test instead of hanging the whole run.
public func withDeadline<T: Sendable>(
    _ what: String, timeout: Duration, fileID: String = #fileID, line: Int = #line,
    _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    let outcome = OneShot<T>()
    let work = Task { outcome.finish(await Result(catching: body)) }
    let timer = Task {
        try? await Task.sleep(for: timeout)
        outcome.finish(.failure(WaitTimedOut(what: what, timeout: timeout, location: "\(fileID):\(line)")))
    }
    let result = await outcome.value
    timer.cancel()
    work.cancel()
    return try result.get()
}

/// The first of several results, for one waiter.
private final class OneShot<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?
    private var waiter: CheckedContinuation<Result<T, any Error>, Never>?

    func finish(_ value: Result<T, any Error>) {
        let resume: CheckedContinuation<Result<T, any Error>, Never>? = lock.withLock {
            guard result == nil else { return nil }
            result = value
            defer { waiter = nil }
            return waiter
        }
        resume?.resume(returning: value)
    }

    var value: Result<T, any Error> {
        get async {
            await withCheckedContinuation { continuation in
                let ready: Result<T, any Error>? = lock.withLock {
                    if let result { return result }
                    waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }
}

extension Result where Failure == any Error {
    fileprivate init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

import Foundation
import NIOConcurrencyHelpers

/// Runs `body` in a task of its own and reports whether it finished within `timeout`. A body that hangs is
/// left running (it cannot be stopped from outside), so the test fails instead of hanging the suite.
public func finishes(within timeout: Duration, _ body: @escaping @Sendable () async -> Void) async -> Bool {
    let outcome = NIOLockedValueBox<CheckedContinuation<Bool, Never>?>(nil)
    return await withCheckedContinuation { continuation in
        outcome.withLockedValue { $0 = continuation }
        @Sendable func finish(_ inTime: Bool) {
            outcome.withLockedValue { pending in
                defer { pending = nil }
                return pending
            }?.resume(returning: inTime)
        }
        Task {
            await body()
            finish(true)
        }
        Task {
            try? await Task.sleep(for: timeout)
            finish(false)
        }
    }
}

/// Runs `body` on a thread of its own and reports whether it returned within `seconds` (blocking code:
/// stops, closes, waits on semaphores). A body that hangs is left running.
public func returns(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
    let done = DispatchSemaphore(value: 0)
    Thread {
        body()
        done.signal()
    }.start()
    return done.wait(timeout: .now() + seconds) == .success
}

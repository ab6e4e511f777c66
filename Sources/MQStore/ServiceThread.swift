#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The life of one dedicated service thread, shared by ``GroupCommitService``, ``PeriodicThread`` and the broker's
/// timer thread: started once, stopped once. ``stop()`` may be called more than once, from several threads, before
/// ``start(_:)``, or from the thread's own work (then it does not wait for itself); otherwise it waits until the
/// thread has ended.
///
/// `condition` guards `phase` and whatever state the owner keeps beside it; the owner's loop waits on it and
/// ends when `phase` is no longer `.running`.
public final class ServiceThread: @unchecked Sendable {
    public enum Phase { case idle, running, stopping, stopped }

    public let condition = NSCondition()
    /// Read and written with `condition` held.
    public private(set) var phase = Phase.idle
    private var thread: pthread_t?
    private let name: String

    public init(name: String) {
        self.name = name
    }

    /// Runs `body` on a new thread, once; later calls, and a call after ``stop()``, do nothing.
    public func start(_ body: @escaping @Sendable () -> Void) {
        let starting = condition.withLock { () -> Bool in
            guard phase == .idle else { return false }
            phase = .running
            return true
        }
        guard starting else { return }
        let thread = Thread { [self] in
            condition.withLock { self.thread = pthread_self() }
            body()
            condition.withLock {
                phase = .stopped
                self.thread = nil
                condition.broadcast()
            }
        }
        thread.name = name
        thread.start()
    }

    /// Asks the loop to end (it sees `phase` leave `.running`) and waits until the thread has ended.
    public func stop() {
        condition.lock()
        defer { condition.unlock() }
        switch phase {
        case .idle:
            phase = .stopped
            return
        case .running:
            phase = .stopping
            condition.broadcast()
        case .stopping, .stopped:
            break
        }
        if let thread, pthread_equal(thread, pthread_self()) != 0 { return }
        while phase != .stopped { condition.wait() }
    }
}

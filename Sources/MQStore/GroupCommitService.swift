#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Group commit, the one "sync flush" mechanism: callers register "tell me when position P is durable"; a
/// dedicated thread takes every waiter pending at that moment, calls `flush` once (which makes everything
/// written so far durable and returns how far that is), and completes them all. The commit log (positions
/// are commit-log offsets) and the consumer-offset journal (bytes appended over all its generations) each
/// run one.
///
/// Guarantees, each of which a caller relies on:
/// - every waiter ``enqueue(position:done:)`` accepted is completed exactly once, by the round that takes it:
///   `true` if `flush` reached its position, `false` if it failed or stopped short. A waiter is never kept for
///   a later round, so a position that is never reached (a bug, or a position from another numbering) is
///   answered `false` instead of waiting forever;
/// - `done` runs on the flush thread with no lock held: it may enqueue again, stop the service, or take any
///   lock the caller likes (it must not block for long: the next round waits for it);
/// - ``enqueue(position:done:)`` refuses (returns false) before ``start()`` and from the moment ``stop()``
///   begins, so the caller answers itself and nothing is registered that no round will take;
/// - ``stop()`` serves the waiters already accepted, then ends the thread and waits for it. It may be called
///   more than once, from several threads, before ``start()``, or from a `done` callback (then it does not
///   wait for its own thread).
public final class GroupCommitService: @unchecked Sendable {
    public typealias Completion = @Sendable (Bool) -> Void

    private struct Waiter {
        var position: Int64
        var done: Completion
    }

    /// Its condition guards waiters and rounds too.
    private let service: ServiceThread
    private var condition: NSCondition { service.condition }
    private var waiters: [Waiter] = []
    private var rounds = 0
    /// Makes everything written so far durable; returns the position durable now, nil on failure.
    private let flush: @Sendable () -> Int64?

    /// - Parameters:
    ///   - name: the thread's name (shows in debuggers and `top -H`).
    ///   - flush: makes everything written so far durable; returns how far that is, nil on failure. Called on
    ///     the service's thread only, never concurrently with itself.
    public init(name: String, flush: @escaping @Sendable () -> Int64?) {
        self.service = ServiceThread(name: name)
        self.flush = flush
    }

    /// Starts the flush thread (once; later calls do nothing, and so does a call after ``stop()``).
    public func start() {
        service.start { [self] in run() }
    }

    /// Queues a waiter for `position`; false when the service is not running (not started, or stopping):
    /// the caller then answers itself.
    public func enqueue(position: Int64, done: @escaping Completion) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard service.phase == .running else { return false }
        waiters.append(Waiter(position: position, done: done))
        condition.broadcast()
        return true
    }

    /// Rounds of `flush` run so far (each served every waiter pending when it began).
    public var flushRounds: Int { condition.withLock { rounds } }

    /// Serves the waiters already queued, then ends the thread and waits for it (except on the thread
    /// itself). Idempotent; safe before ``start()``.
    public func stop() {
        service.stop()
    }

    private func run() {
        while let batch = nextBatch() {
            let durable = flush()
            condition.withLock { rounds += 1 }
            for waiter in batch { waiter.done(durable.map { waiter.position <= $0 } ?? false) }
        }
    }

    /// The waiters to serve next, waiting for some; nil once stopping with none left.
    private func nextBatch() -> [Waiter]? {
        condition.lock()
        defer { condition.unlock() }
        while waiters.isEmpty && service.phase == .running { condition.wait() }
        if waiters.isEmpty { return nil }
        defer { waiters.removeAll() }
        return waiters
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation

/// Group commit for ``FlushMode/sync``: callers register "tell me when offset X is durable"; a
/// dedicated thread takes every waiter pending at that moment, makes the commit log durable up to
/// the current write position with one round of fdatasync, and completes them all.
final class GroupCommitService: @unchecked Sendable {
    private struct Waiter {
        var offset: Int64
        var done: @Sendable (Bool) -> Void
    }

    private let condition = NSCondition()
    private var waiters: [Waiter] = []
    private var stopping = false
    private var thread: pthread_t?
    private let exited = DispatchSemaphore(value: 0)
    /// Makes the log durable up to its current end; returns the durable offset, nil on failure.
    private let flush: @Sendable () -> Int64?

    init(flush: @escaping @Sendable () -> Int64?) {
        self.flush = flush
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "mqstore-group-commit"
        thread.start()
    }

    /// Queues a waiter; false if the service is stopping (the caller then answers itself).
    func enqueue(offset: Int64, done: @escaping @Sendable (Bool) -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return false }
        waiters.append(Waiter(offset: offset, done: done))
        condition.signal()
        return true
    }

    private func run() {
        condition.lock()
        thread = pthread_self()
        condition.unlock()
        while true {
            condition.lock()
            while waiters.isEmpty && !stopping { condition.wait() }
            let batch = waiters
            waiters.removeAll()
            let stop = stopping
            condition.unlock()
            if !batch.isEmpty {
                // Every waiter's put completed before it registered, so one flush to the current end covers all.
                let durable = flush()
                for w in batch { w.done(durable.map { w.offset <= $0 } ?? false) }
            }
            if stop && batch.isEmpty { break }
        }
        exited.signal()
    }

    /// Serves the waiters still queued, then ends the thread and waits for it — unless called on
    /// that thread (a callback released the store's last reference), which then ends by itself.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        let onOwnThread = thread.map { pthread_equal($0, pthread_self()) != 0 } ?? false
        condition.unlock()
        if !onOwnThread { exited.wait() }
    }
}

/// The store's housekeeping thread: every tick it runs `tick` (async flush, consume-queue / index
/// flush and checkpoint, periodic retention) until stopped.
final class MaintenanceService: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopping = false
    private var thread: pthread_t?
    private let exited = DispatchSemaphore(value: 0)
    private let intervalMillis: Int
    private let tick: @Sendable () -> Void

    init(intervalMillis: Int, tick: @escaping @Sendable () -> Void) {
        self.intervalMillis = max(1, intervalMillis)
        self.tick = tick
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "mqstore-maintenance"
        thread.start()
    }

    private func run() {
        condition.lock()
        thread = pthread_self()
        condition.unlock()
        while true {
            condition.lock()
            let deadline = Date(timeIntervalSinceNow: Double(intervalMillis) / 1000)
            while !stopping && condition.wait(until: deadline) {}
            let stop = stopping
            condition.unlock()
            if stop { break }
            tick()
        }
        exited.signal()
    }

    /// Ends the thread (after a running tick finishes) and waits for it, unless called from the tick
    /// itself (the store's last reference went away during it).
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        let onOwnThread = thread.map { pthread_equal($0, pthread_self()) != 0 } ?? false
        condition.unlock()
        if !onOwnThread { exited.wait() }
    }
}

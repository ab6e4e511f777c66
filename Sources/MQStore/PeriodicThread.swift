#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A thread of its own that runs `tick` every `intervalMillis` (and sooner when woken) until stopped: the
/// store's maintenance (flush, checkpoint, retention) and the broker's metadata persistence and delayed
/// deliveries each run on one, so their file writes and fsyncs never occupy an event loop.
///
/// ``stop()`` lets a running tick finish, ends the thread and waits for it; it may be called more than once,
/// before ``start()``, or from `tick` itself (then it does not wait for its own thread).
public final class PeriodicThread: @unchecked Sendable {
    private enum Phase { case idle, running, stopping, stopped }

    // `condition` guards phase, woken, thread and ticks.
    private let condition = NSCondition()
    private var phase = Phase.idle
    private var woken = false
    private var thread: pthread_t?
    private var ticks = 0
    private let name: String
    private let intervalMillis: Int
    private let tick: @Sendable () -> Void

    public init(name: String, intervalMillis: Int, tick: @escaping @Sendable () -> Void) {
        self.name = name
        self.intervalMillis = max(1, intervalMillis)
        self.tick = tick
    }

    /// Starts the thread (once; later calls do nothing, and so does a call after ``stop()``).
    public func start() {
        let starting = condition.withLock { () -> Bool in
            guard phase == .idle else { return false }
            phase = .running
            return true
        }
        guard starting else { return }
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    /// Runs the next tick now rather than at the end of the interval (wake-ups before it starts make one tick).
    public func wakeUp() {
        condition.withLock {
            woken = true
            condition.broadcast()
        }
    }

    /// Ticks completed so far.
    public var completedTicks: Int { condition.withLock { ticks } }

    /// Ends the thread after a running tick and waits for it (except from the tick itself). Idempotent.
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

    private func run() {
        condition.withLock { thread = pthread_self() }
        while waitForTick() {
            tick()
            condition.withLock { ticks += 1 }
        }
        condition.withLock {
            phase = .stopped
            thread = nil
            condition.broadcast()
        }
    }

    /// Waits for the interval or a wake-up; false once stopping.
    private func waitForTick() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: Double(intervalMillis) / 1000)
        while phase == .running && !woken && condition.wait(until: deadline) {}
        woken = false
        return phase == .running
    }
}

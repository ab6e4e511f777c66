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
    /// Its condition guards woken and ticks too.
    private let service: ServiceThread
    private var condition: NSCondition { service.condition }
    private var woken = false
    private var ticks = 0
    private let intervalMillis: Int
    private let tick: @Sendable () -> Void

    public init(name: String, intervalMillis: Int, tick: @escaping @Sendable () -> Void) {
        self.service = ServiceThread(name: name)
        self.intervalMillis = max(1, intervalMillis)
        self.tick = tick
    }

    /// Starts the thread (once; later calls do nothing, and so does a call after ``stop()``).
    public func start() {
        service.start { [self] in run() }
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
        service.stop()
    }

    private func run() {
        while waitForTick() {
            tick()
            condition.withLock { ticks += 1 }
        }
    }

    /// Waits for the interval or a wake-up; false once stopping.
    private func waitForTick() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: Double(intervalMillis) / 1000)
        while service.phase == .running && !woken && condition.wait(until: deadline) {}
        woken = false
        return service.phase == .running
    }
}

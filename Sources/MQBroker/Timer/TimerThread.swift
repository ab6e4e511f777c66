#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The timer service's own thread: runs `pass` again when the time it asked for comes, when woken (a timer
/// message was stored) or after `idleMillis`, whichever is first, until stopped. A periodic thread would have
/// to tick often to be punctual; this one sleeps until the next message is due.
final class TimerThread: @unchecked Sendable {
    private enum Phase { case idle, running, stopping, stopped }

    // `condition` guards phase and woken.
    private let condition = NSCondition()
    private var phase = Phase.idle
    private var woken = false
    private let name: String
    private let idleMillis: Int64
    /// One pass; returns the epoch millisecond it wants to run next at (nil: nothing scheduled).
    private let pass: @Sendable () -> Int64?

    init(name: String, idleMillis: Int64, pass: @escaping @Sendable () -> Int64?) {
        self.name = name
        self.idleMillis = idleMillis
        self.pass = pass
    }

    /// Starts the thread (once; later calls, and a call after ``stop()``, do nothing).
    func start() {
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

    /// Runs the next pass now.
    func wakeUp() {
        condition.withLock {
            woken = true
            condition.signal()
        }
    }

    /// Lets a running pass finish, ends the thread and waits for it. Idempotent; never call it from a pass.
    func stop() {
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
        while phase != .stopped { condition.wait() }
    }

    private func run() {
        // The first pass runs at once: messages recovered on start may be due already or within the first second.
        var next: Int64? = .min
        while waitUntil(next) {
            next = pass()
        }
        condition.withLock {
            phase = .stopped
            condition.broadcast()
        }
    }

    /// Waits until `next` (at most `idleMillis` from now) or a wake-up; false once stopping.
    private func waitUntil(_ next: Int64?) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let now = Self.epochMillis()
        let wakeAt = min(next ?? .max, now + idleMillis)
        let deadline = Date(timeIntervalSince1970: Double(wakeAt) / 1000)
        while phase == .running && !woken && Self.epochMillis() < wakeAt && condition.wait(until: deadline) {}
        woken = false
        return phase == .running
    }

    static func epochMillis() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MQStore

/// The timer service's own thread: runs `pass` again when the time it asked for comes, when woken (a timer
/// message was stored) or after `idleMillis`, whichever is first, until stopped. A periodic thread would have
/// to tick often to be punctual; this one sleeps until the next message is due. Its life (start once, stop
/// idempotent, also from a pass) is the store's ``ServiceThread``.
final class TimerThread: @unchecked Sendable {
    private let service: ServiceThread
    /// Guards `woken` (and the service's phase).
    private var condition: NSCondition { service.condition }
    private var woken = false
    private let idleMillis: Int64
    /// One pass; returns the epoch millisecond it wants to run next at (nil: nothing scheduled).
    private let pass: @Sendable () -> Int64?

    init(name: String, idleMillis: Int64, pass: @escaping @Sendable () -> Int64?) {
        self.service = ServiceThread(name: name)
        self.idleMillis = idleMillis
        self.pass = pass
    }

    /// Starts the thread (once; later calls, and a call after ``stop()``, do nothing).
    func start() {
        service.start { [self] in run() }
    }

    /// Runs the next pass now.
    func wakeUp() {
        condition.withLock {
            woken = true
            condition.signal()
        }
    }

    /// Lets a running pass finish, ends the thread and waits for it (except from a pass itself). Idempotent.
    func stop() {
        service.stop()
    }

    private func run() {
        // The first pass runs at once: messages recovered on start may be due already or within the first second.
        var next: Int64? = .min
        while waitUntil(next) {
            next = pass()
        }
    }

    /// Waits until `next` (at most `idleMillis` from now) or a wake-up; false once stopping.
    private func waitUntil(_ next: Int64?) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let now = Self.epochMillis()
        let wakeAt = min(next ?? .max, now + idleMillis)
        let deadline = Date(timeIntervalSince1970: Double(wakeAt) / 1000)
        while service.phase == .running && !woken && Self.epochMillis() < wakeAt && condition.wait(until: deadline) {}
        woken = false
        return service.phase == .running
    }

    static func epochMillis() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}

import Foundation
import Testing

@testable import MQStore

/// The group-commit service's contract (see its documentation), each clause on its own. Every wait has a
/// deadline: the service of d0771ab hangs on several of these (a second `stop()`, a `stop()` before
/// `start()` wait forever on a semaphore nobody signals) and must fail here, not hang the suite.
@Suite("Group commit service")
struct GroupCommitServiceTests {
    /// Counts answers and remembers them; shared with the flush thread.
    final class Answers: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int64: Bool] = [:]
        private var count = 0
        let all = DispatchSemaphore(value: 0)

        func record(_ position: Int64, _ ok: Bool) {
            lock.withLock {
                values[position] = ok
                count += 1
            }
            all.signal()
        }

        var answered: Int { lock.withLock { count } }
        subscript(position: Int64) -> Bool? { lock.withLock { values[position] } }

        /// Waits until `n` answers arrived, at most `seconds`.
        func wait(for n: Int, seconds: Double = 10) -> Bool {
            for _ in 0..<n where all.wait(timeout: .now() + seconds) != .success { return false }
            return true
        }
    }

    static func returns(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread {
            body()
            done.signal()
        }.start()
        return done.wait(timeout: .now() + seconds) == .success
    }

    @Test func stopIsIdempotentAndSafeBeforeStart() {
        let never = GroupCommitService(name: "test-never-started") { 0 }
        #expect(Self.returns(within: 5) { never.stop() }, "stop() before start() must return")
        never.start()
        #expect(!never.enqueue(position: 0) { _ in }, "a stopped service never starts")

        let service = GroupCommitService(name: "test-twice") { 0 }
        service.start()
        #expect(Self.returns(within: 5) { service.stop() })
        #expect(Self.returns(within: 5) { service.stop() }, "a second stop() must return")
        let concurrent = GroupCommitService(name: "test-concurrent") { 0 }
        concurrent.start()
        let group = DispatchGroup()
        for _ in 0..<4 { DispatchQueue.global().async(group: group) { concurrent.stop() } }
        #expect(group.wait(timeout: .now() + 5) == .success, "stops from several threads at once must all return")
    }

    @Test func enqueueIsRefusedUnlessRunning() {
        let service = GroupCommitService(name: "test-refuse") { 100 }
        #expect(!service.enqueue(position: 1) { _ in }, "refused before start")
        service.start()
        let answers = Answers()
        #expect(service.enqueue(position: 1) { answers.record(1, $0) })
        #expect(answers.wait(for: 1))
        service.stop()
        #expect(!service.enqueue(position: 1) { _ in }, "refused after stop")
    }

    /// A position the flush does not reach is answered false by the round that takes it, never kept for a
    /// later round: a position from another numbering (say, one file's offset after a rotation) would
    /// otherwise wait forever, and so would `stop()`.
    @Test func aPositionNeverReachedIsAnsweredFalseNotKept() {
        let service = GroupCommitService(name: "test-unreached") { 10 }
        service.start()
        defer { service.stop() }
        let answers = Answers()
        #expect(service.enqueue(position: 5) { answers.record(5, $0) })
        #expect(service.enqueue(position: 50) { answers.record(50, $0) })
        #expect(answers.wait(for: 2), "both waiters must be answered")
        #expect(answers[5] == true)
        #expect(answers[50] == false)
        let failing = GroupCommitService(name: "test-failing") { nil }
        failing.start()
        defer { failing.stop() }
        let failed = Answers()
        #expect(failing.enqueue(position: 0) { failed.record(0, $0) })
        #expect(failed.wait(for: 1) && failed[0] == false, "a failed flush answers false")
    }

    /// Callbacks run with no lock held: one may enqueue again, take a lock the flush also takes, or stop
    /// the service from its own thread.
    @Test func callbacksMayReenterTakeTheFlushersLockOrStopTheService() {
        let shared = NSLock()
        let service = GroupCommitService(name: "test-reenter") { shared.withLock { 1 } }
        service.start()
        let answers = Answers()
        #expect(service.enqueue(position: 1) { ok in
            shared.withLock { answers.record(1, ok) }
            _ = service.enqueue(position: 2) { answers.record(2, $0) }
        })
        #expect(answers.wait(for: 2), "a callback that takes the flush's lock and enqueues again")
        #expect(answers[2] == false)
        #expect(service.enqueue(position: 0) { ok in
            service.stop()
            answers.record(0, ok)
        })
        #expect(answers.wait(for: 1), "a callback that stops the service")
        #expect(Self.returns(within: 5) { service.stop() }, "stop() after a stop from a callback")
        #expect(!service.enqueue(position: 0) { _ in })
    }

    /// Many threads enqueue while the service stops: every waiter it accepted is answered exactly once.
    @Test func everyAcceptedWaiterIsAnsweredOnceWhenStoppedMidTraffic() {
        let log = WriteLog()
        let service = GroupCommitService(name: "test-traffic") { log.end }
        service.start()
        let accepted = Answers()
        let answered = Answers()
        let writers = DispatchGroup()
        for t in 0..<8 {
            DispatchQueue.global().async(group: writers) {
                var i: Int64 = 0
                while true {
                    let key = Int64(t) << 32 | i
                    guard service.enqueue(position: log.append(), done: { answered.record(key, $0) }) else { break }
                    accepted.record(key, true)
                    i += 1
                }
            }
        }
        let deadline = Date(timeIntervalSinceNow: 20)
        while accepted.answered < 2000 && Date() < deadline { usleep(1000) }
        #expect(Self.returns(within: 10) { service.stop() })
        #expect(writers.wait(timeout: .now() + 10) == .success)
        #expect(accepted.answered >= 2000)
        #expect(answered.answered == accepted.answered, "accepted \(accepted.answered), answered \(answered.answered)")
        #expect(service.flushRounds > 0)
    }

    /// A position counter standing in for a log: `append` returns the new end.
    final class WriteLog: @unchecked Sendable {
        private let lock = NSLock()
        private var written: Int64 = 0
        func append() -> Int64 {
            lock.withLock {
                written += 1
                return written
            }
        }
        var end: Int64 { lock.withLock { written } }
    }
}

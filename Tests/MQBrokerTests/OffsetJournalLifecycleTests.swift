#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging
import MQTestSupport
import NIOConcurrencyHelpers
import Testing

@testable import MQBroker

/// The offset journal's group commit at its edges: a sync that takes long, a close with commits waiting, a
/// journal that failed, commits after close. Each blocking step has a deadline (``returns(within:_:)``).
@Suite(.serialized) struct OffsetJournalLifecycleTests {
    static var logger: Logger {
        var l = Logger(label: "journal-lifecycle")
        l.logLevel = .critical
        return l
    }

    /// Holds every journal fdatasync until opened (a slow disk, made deterministic).
    final class SyncGate: Sendable {
        private let open = NIOLockedValueBox(true)
        private let waiting = NIOLockedValueBox(0)
        private let failWith = NIOLockedValueBox<Int32?>(nil)

        func close() { open.withLockedValue { $0 = false } }
        func release() { open.withLockedValue { $0 = true } }
        func fail(_ code: Int32) { failWith.withLockedValue { $0 = code } }
        /// Syncs held at the gate right now.
        var held: Int { waiting.withLockedValue { $0 } }

        func sync(_ fd: Int32) -> Int32 {
            waiting.withLockedValue { $0 += 1 }
            while !open.withLockedValue({ $0 }) { usleep(1000) }
            waiting.withLockedValue { $0 -= 1 }
            if let code = failWith.withLockedValue({ $0 }) {
                errno = code
                return -1
            }
            return fdatasync(fd)
        }
    }

    static func manager(_ dir: TempDirectory, gate: SyncGate) throws -> ConsumerOffsetManager {
        try ConsumerOffsetManager(path: dir.sub("consumerOffset.json"), logger: logger, syncFile: { gate.sync($0) })
    }

    /// Waits (at most 10 s) for `done` to be called; its answer, nil if it never came.
    static func answer(_ register: (@escaping @Sendable (Bool) -> Void) -> Void) -> Bool? {
        let result = NIOLockedValueBox<Bool?>(nil)
        let answered = DispatchSemaphore(value: 0)
        register { ok in
            result.withLockedValue { $0 = ok }
            answered.signal()
        }
        return answered.wait(timeout: .now() + 10) == .success ? result.withLockedValue { $0 } : nil
    }

    static func until(_ condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: 10)
        while Date() < deadline && !condition() { usleep(1000) }
        return condition()
    }

    /// A snapshot's journal sync is slow; commits on other threads (event loops, in the broker) must not
    /// wait for it. Before, rotation fdatasynced the old generation under the table's lock.
    @Test func commitsGoOnWhileASnapshotsSyncIsSlow() throws {
        let dir = try TempDirectory("journal-slow-sync")
        defer { dir.remove() }
        let gate = SyncGate()
        let m = try Self.manager(dir, gate: gate)
        m.commit(group: "g", topic: "T", queueId: 0, offset: 1)
        gate.close()
        let snapshot = DispatchSemaphore(value: 0)
        Thread {
            m.persistIfDirty()
            snapshot.signal()
        }.start()
        #expect(Self.until { gate.held == 1 }, "the snapshot's sync never started")
        let committed = returns(within: 2) {
            for i in 2...100 { m.commit(group: "g", topic: "T", queueId: 1, offset: Int64(i)) }
        }
        #expect(committed, "commits waited for the snapshot's fdatasync")
        gate.release()
        #expect(snapshot.wait(timeout: .now() + 10) == .success)
        guard committed else { return }
        #expect(m.offset(group: "g", topic: "T", queueId: 1) == 100)
        #expect(returns(within: 10) { m.close() })
    }

    /// Close while commits wait behind a slow sync: close returns, every waiter is answered true (close
    /// syncs before it stops the group commit). A close that stops the service while holding the journal's
    /// locks (where the old close() answered its waiters) deadlocks with the flush thread here.
    @Test func closeWithCommitsWaitingBehindASlowSync() throws {
        let dir = try TempDirectory("journal-close-waiting")
        defer { dir.remove() }
        let gate = SyncGate()
        let m = try Self.manager(dir, gate: gate)
        gate.close()
        m.commit(group: "g", topic: "T", queueId: 0, offset: 1)
        let first = NIOLockedValueBox<Bool?>(nil)
        m.whenCommitsDurable { ok in first.withLockedValue { $0 = ok } }
        #expect(Self.until { gate.held == 1 }, "the group commit never started")
        m.commit(group: "g", topic: "T", queueId: 0, offset: 2)
        let second = NIOLockedValueBox<Bool?>(nil)
        m.whenCommitsDurable { ok in second.withLockedValue { $0 = ok } }
        let closing = DispatchSemaphore(value: 0)
        Thread {
            m.close()
            closing.signal()
        }.start()
        gate.release()
        guard closing.wait(timeout: .now() + 10) == .success else {
            Issue.record("close() hung with commits waiting")
            return
        }
        #expect(first.withLockedValue { $0 } == true)
        #expect(second.withLockedValue { $0 } == true)
        let reopened = try ConsumerOffsetManager(path: dir.sub("consumerOffset.json"), logger: Self.logger)
        defer { reopened.close() }
        #expect(reopened.offset(group: "g", topic: "T", queueId: 0) == 2)
    }

    /// The journal fails (an fdatasync error): waiters are answered false outside any lock, so an answer
    /// that reads the failure (as BrokerCore's does, for its remark) works — also for a waiter close answers.
    @Test func answersAfterAFailureMayReadIt() throws {
        let dir = try TempDirectory("journal-failure")
        defer { dir.remove() }
        let gate = SyncGate()
        let m = try Self.manager(dir, gate: gate)
        gate.fail(EIO)
        m.commit(group: "g", topic: "T", queueId: 0, offset: 1)
        let why = Self.answer { done in m.whenCommitsDurable { ok in done(!ok && m.journalFailure != nil) } }
        #expect(why == true, "a failed sync must be answered false, its reason readable from the answer")
        m.commit(group: "g", topic: "T", queueId: 0, offset: 2)
        let late = Self.answer { done in m.whenCommitsDurable { ok in done(!ok && m.journalFailure != nil) } }
        #expect(late == true)
        #expect(returns(within: 10) { m.close() })
    }

    /// After close a commit is in no journal file and no snapshot: it must not be acknowledged as durable.
    @Test func aCommitAfterCloseIsNotAcknowledged() throws {
        let dir = try TempDirectory("journal-after-close")
        defer { dir.remove() }
        let m = try Self.manager(dir, gate: SyncGate())
        m.commit(group: "g", topic: "T", queueId: 0, offset: 1)
        #expect(Self.answer { m.whenCommitsDurable($0) } == true)
        m.close()
        #expect(Self.answer { m.whenCommitsDurable($0) } == true, "closing synced everything before")
        m.commit(group: "g", topic: "T", queueId: 0, offset: 2)
        #expect(Self.answer { m.whenCommitsDurable($0) } == false, "acknowledged a commit nothing recorded")
        #expect(returns(within: 10) { m.close() }, "a second close returns")
    }
}

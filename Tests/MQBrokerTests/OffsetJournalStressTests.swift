#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging
import MQTestSupport
import NIOConcurrencyHelpers
import Testing

@testable import MQBroker

/// The offset journal as LoadTests and `scripts/load.sh` drive it, compressed: commits that wait for
/// durability on several threads, snapshots rotating the journal's generations under them all the time
/// (the persistence thread does it every 5 s; here back to back, so rotations race every flush), and the
/// journal closed mid-traffic as shutdown does. Every step runs under a deadline: a regression fails here
/// instead of hanging the suite.
@Suite(.serialized) struct OffsetJournalStressTests {
    static var logger: Logger {
        var l = Logger(label: "journal-load")
        l.logLevel = .critical
        return l
    }

    /// What the threads saw; shared with the test thread.
    final class Tally: Sendable {
        struct Counts {
            var acknowledged = 0
            var refused = 0
            var unanswered = 0
            var refusedBeforeClose = 0
            var lastAcknowledged: [Int32: Int64] = [:]
        }
        let counts = NIOLockedValueBox(Counts())
        let closing = NIOLockedValueBox(false)
        let stopping = NIOLockedValueBox(false)
    }

    static let queues: Int32 = 8

    @Test func commitsWaitingForDurabilityWhileGenerationsRotateAndTheJournalCloses() throws {
        let dir = try TempDirectory("journal-load")
        defer { dir.remove() }
        let path = dir.sub("consumerOffset.json")
        // A disk whose fdatasync takes a millisecond or more (CI runners): rounds are long, so commits always
        // wait behind one and rotations land in the middle of them.
        let m = try ConsumerOffsetManager(path: path, logger: Self.logger) { fd in
            usleep(1000)
            return fdatasync(fd)
        }
        let tally = Tally()
        var threads: [Thread] = []
        let finished = DispatchGroup()
        for q in 0..<Self.queues {
            finished.enter()
            threads.append(Thread { Self.commit(queue: q, on: m, tally: tally, done: finished) })
        }
        finished.enter()
        threads.append(Thread {
            // Rotations racing every group-commit round, as the persistence thread's would under load.
            while !tally.stopping.withLockedValue({ $0 }) { m.persistIfDirty() }
            finished.leave()
        })
        for t in threads { t.start() }

        let acknowledgedEnough = Self.waitUntil(seconds: 20) { tally.counts.withLockedValue { $0.acknowledged } >= 3000 }
        // Shutdown closes the journal while commits and snapshots go on.
        tally.closing.withLockedValue { $0 = true }
        let closed = returns(within: 10) { m.close() }
        tally.stopping.withLockedValue { $0 = true }
        let drained = finished.wait(timeout: .now() + 15) == .success
        let counts = tally.counts.withLockedValue { $0 }
        print("journal under load: \(counts.acknowledged) acknowledged, \(counts.refused) refused "
            + "(\(counts.refusedBeforeClose) before close), \(counts.unanswered) unanswered"
            + (closed ? ", \(m.journalSyncCount) sync rounds" : ""))

        #expect(acknowledgedEnough, "only \(counts.acknowledged) commits were acknowledged in 20 s")
        #expect(closed, "close() did not return within 10 s (shutdown would hang)")
        #expect(drained, "committers or snapshots still blocked 15 s after close")
        #expect(counts.unanswered == 0, "waiters never answered: \(counts.unanswered)")
        guard closed, drained else { return }
        #expect(counts.refusedBeforeClose == 0, "durable commits refused while running: \(m.journalFailure ?? "")")
        // Nothing acknowledged went backwards.
        let reopened = try ConsumerOffsetManager(path: path, logger: Self.logger)
        defer { reopened.close() }
        for (q, acked) in counts.lastAcknowledged {
            let found = reopened.offset(group: "g", topic: "T", queueId: q)
            #expect(found >= acked, "queue \(q): acknowledged \(acked), found \(found)")
        }
    }

    /// One committer: commit the next offset, wait (at most 5 s) for it to be durable, until told to stop.
    static func commit(queue q: Int32, on m: ConsumerOffsetManager, tally: Tally, done: DispatchGroup) {
        var offset: Int64 = 0
        while !tally.stopping.withLockedValue({ $0 }) {
            offset += 1
            m.commit(group: "g", topic: "T", queueId: q, offset: offset)
            let answered = DispatchSemaphore(value: 0)
            let result = NIOLockedValueBox(false)
            m.whenCommitsDurable { ok in
                result.withLockedValue { $0 = ok }
                answered.signal()
            }
            let inTime = answered.wait(timeout: .now() + 5) == .success
            let closing = tally.closing.withLockedValue { $0 }
            let ok = result.withLockedValue { $0 }
            tally.counts.withLockedValue { c in
                if !inTime {
                    c.unanswered += 1
                } else if ok {
                    c.acknowledged += 1
                    c.lastAcknowledged[q] = offset
                } else {
                    c.refused += 1
                    if !closing { c.refusedBeforeClose += 1 }
                }
            }
            if !inTime { break }
        }
        done.leave()
    }

    /// Polls `condition` every 10 ms for at most `seconds`.
    static func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }
}

import MQProtocol
import NIOConcurrencyHelpers
import NIOCore

/// Sync-flush sends waiting for group commit, each with its FLUSH_DISK_TIMEOUT deadline. The broker's 200 ms timer
/// answers the overdue ones in one sweep (``expire(now:)``), instead of a timer per send: a timer set from the send
/// thread wakes the connection's event loop whenever that loop sleeps, and in sync-flush mode, where responses leave
/// in bursts once per fsync round, it mostly sleeps — 0.65 event-loop wake-ups per message were counted
/// (docs/performance.md, group commit). A send may so be answered up to one sweep after its deadline.
final class FlushWaits: Sendable {
    private struct Waiter {
        var deadline: NIODeadline
        var answer: CompleteOnce
        var request: RemotingCommand
        var header: SendMessageResponseHeader
    }

    private struct State {
        var nextTicket: UInt64 = 0
        var waiters: [UInt64: Waiter] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// Registers a send waiting for its flush; the ticket is what ``remove(_:)`` takes once the flush is done.
    func add(
        deadline: NIODeadline, answer: CompleteOnce, request: RemotingCommand, header: SendMessageResponseHeader
    ) -> UInt64 {
        state.withLockedValue { s in
            s.nextTicket &+= 1
            s.waiters[s.nextTicket] = Waiter(deadline: deadline, answer: answer, request: request, header: header)
            return s.nextTicket
        }
    }

    /// The send's flush round finished: the sweep no longer answers it.
    func remove(_ ticket: UInt64) {
        state.withLockedValue { _ = $0.waiters.removeValue(forKey: ticket) }
    }

    /// Answers FLUSH_DISK_TIMEOUT to every send whose deadline has passed (outside the lock).
    func expire(now: NIODeadline = .now()) {
        let overdue = state.withLockedValue { s -> [Waiter] in
            let tickets = s.waiters.compactMap { $0.value.deadline <= now ? $0.key : nil }
            return tickets.compactMap { s.waiters.removeValue(forKey: $0) }
        }
        for w in overdue {
            w.answer.succeed(w.request.response(.flushDiskTimeout, remark: "flush to disk timed out", header: w.header))
        }
    }

    /// Sends waiting now (tests read it).
    var count: Int { state.withLockedValue { $0.waiters.count } }
}

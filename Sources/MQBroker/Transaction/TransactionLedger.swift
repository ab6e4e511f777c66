import Logging
import MQProtocol
import MQStore
import NIOConcurrencyHelpers

/// What the broker knows of its half queue: which half messages are still pending, by offset and by
/// transaction id. It is a cache of durable state only — the half queue, the op queue and the check group's two
/// consume offsets (Apache's layout) — so after a restart the first ``refresh()`` rebuilds it.
///
/// Mutated only on the send thread (prepared sends, END_TRANSACTION and the check rounds all append there, one
/// at a time), so a resolution and a check never race; the lock only guards the short reads of other threads.
final class TransactionLedger: Sendable {
    struct State {
        var loaded = false
        /// Half-queue offset below which every half message is done: resolved, checked and stored again, or
        /// discarded. The check group's consume offset on the half queue.
        var halfOffset: Int64 = 0
        /// Op-queue offset below which every op record only resolves half messages below `halfOffset`.
        var opOffset: Int64 = 0
        /// How far each queue has been read into this cache.
        var halfReadUpTo: Int64 = 0
        var opReadUpTo: Int64 = 0
        var pending: [Int64: PendingTransaction] = [:]
        var byTransaction: [String: Set<Int64>] = [:]
        /// Resolved half offsets at or above `halfOffset` (the check round steps over them).
        var resolved: Set<Int64> = []
        /// Op records at or above `opOffset`, in order, with the highest half offset each resolves.
        var ops: [(offset: Int64, highest: Int64)] = []
    }

    /// What sits at one half-queue offset.
    enum Slot {
        case pending(PendingTransaction)
        case resolved
        /// Not a readable half message (a hole, or damaged): stepped over.
        case absent
    }

    private let state = NIOLockedValueBox(State())
    private let store: MessageStore
    private let offsets: ConsumerOffsetManager
    private let logger: Logger
    static let batch = 256

    init(store: MessageStore, offsets: ConsumerOffsetManager, logger: Logger) {
        self.store = store
        self.offsets = offsets
        self.logger = logger
    }

    /// Reads what was appended to the op and half queues since the last call (everything from the check group's
    /// offsets on the first call). Send thread only.
    func refresh() {
        if !state.withLockedValue({ $0.loaded }) { load() }
        let (opFrom, halfFrom) = state.withLockedValue { ($0.opReadUpTo, $0.halfReadUpTo) }
        var opRecords: [(offset: Int64, halves: [Int64])] = []
        let opEnd = read(SystemTopics.transactionOp, from: opFrom) { m in
            let body = String(decoding: m.body.readableBytesView, as: UTF8.self)
            let halves = m.tags == TransactionOpRecord.removeTag ? TransactionOpRecord.offsets(in: body) : []
            opRecords.append((m.queueOffset, halves))
        }
        var halves: [Int64: PendingTransaction] = [:]
        let halfEnd = read(SystemTopics.transactionHalf, from: halfFrom) { m in
            if let p = PendingTransaction(halfMessage: m) { halves[m.queueOffset] = p }
        }
        state.withLockedValue { s in
            for op in opRecords {
                for half in op.halves where half >= s.halfOffset {
                    s.resolved.insert(half)
                    Self.remove(half, from: &s)
                }
                s.ops.append((op.offset, op.halves.max() ?? -1))
            }
            for (offset, p) in halves where offset >= s.halfOffset && !s.resolved.contains(offset) {
                s.pending[offset] = p
                s.byTransaction[p.transactionId, default: []].insert(offset)
            }
            s.opReadUpTo = max(s.opReadUpTo, opEnd)
            s.halfReadUpTo = max(s.halfReadUpTo, halfEnd)
        }
    }

    private func load() {
        func start(_ topic: String) -> Int64 {
            let committed = offsets.offset(group: SystemTopics.transactionCheckGroup, topic: topic, queueId: 0)
            return max(committed, store.minOffset(topic: topic, queueId: 0))
        }
        let half = start(SystemTopics.transactionHalf)
        let op = start(SystemTopics.transactionOp)
        state.withLockedValue { s in
            s = State(loaded: true, halfOffset: half, opOffset: op, halfReadUpTo: half, opReadUpTo: op)
        }
    }

    /// Decodes queue 0 of `topic` from `offset` to its end; returns where it stopped.
    private func read(_ topic: String, from offset: Int64, _ each: (MessageExt) -> Void) -> Int64 {
        var next = offset
        while true {
            let result = store.getMessages(
                topic: topic, queueId: 0, offset: next, maxCount: Self.batch, maxBytes: 8 << 20, filter: nil)
            switch result.status {
            case .found, .noMatchedMessage, .offsetFoundNull:
                for record in result.messages {
                    do {
                        each(try decodeRecord(record))
                    } catch {
                        logger.error("skipping an unreadable record of \(topic): \(error)")
                    }
                }
                guard result.nextBeginOffset > next else { return next }
                next = result.nextBeginOffset
            case .offsetTooSmall:
                next = result.nextBeginOffset
            default:
                return next
            }
        }
    }

    // MARK: Reads

    var halfOffset: Int64 { state.withLockedValue { $0.halfOffset } }
    var halfReadUpTo: Int64 { state.withLockedValue { $0.halfReadUpTo } }

    func slot(at offset: Int64) -> Slot {
        state.withLockedValue { s in
            if let p = s.pending[offset] { return .pending(p) }
            return s.resolved.contains(offset) ? .resolved : .absent
        }
    }

    /// Pending half messages of one transaction (usually one; a producer's retried send may have stored two).
    func pending(transactionId: String) -> [PendingTransaction] {
        state.withLockedValue { s in
            (s.byTransaction[transactionId] ?? []).sorted().compactMap { s.pending[$0] }
        }
    }

    /// Every pending half message, in half-queue order.
    var allPending: [PendingTransaction] {
        state.withLockedValue { s in s.pending.keys.sorted().compactMap { s.pending[$0] } }
    }

    // MARK: Changes (send thread)

    /// Marks half messages resolved (their op record is written, or about to be).
    func resolve(_ halfOffsets: [Int64]) {
        state.withLockedValue { s in
            for offset in halfOffsets where offset >= s.halfOffset {
                s.resolved.insert(offset)
                Self.remove(offset, from: &s)
            }
        }
    }

    /// Drops a half message the check round has dealt with (stored again or discarded).
    func pass(_ halfOffset: Int64) {
        state.withLockedValue { Self.remove(halfOffset, from: &$0) }
    }

    /// Moves the check group's half offset to `offset` and its op offset past every op record that only resolves
    /// half messages below it (Apache's `calculateOpOffset`); commits both.
    func advance(to offset: Int64) {
        let (half, op) = state.withLockedValue { s -> (Int64, Int64) in
            guard offset > s.halfOffset else { return (s.halfOffset, s.opOffset) }
            for o in s.halfOffset..<offset { Self.remove(o, from: &s) }
            s.resolved = s.resolved.filter { $0 >= offset }
            s.halfOffset = offset
            while let first = s.ops.first, first.highest < offset {
                s.opOffset = first.offset + 1
                s.ops.removeFirst()
            }
            if s.ops.isEmpty { s.opOffset = max(s.opOffset, s.opReadUpTo) }
            return (s.halfOffset, s.opOffset)
        }
        let group = SystemTopics.transactionCheckGroup
        offsets.commit(group: group, topic: SystemTopics.transactionHalf, queueId: 0, offset: half)
        offsets.commit(group: group, topic: SystemTopics.transactionOp, queueId: 0, offset: op)
    }

    private static func remove(_ offset: Int64, from s: inout State) {
        guard let p = s.pending.removeValue(forKey: offset) else { return }
        s.byTransaction[p.transactionId]?.remove(offset)
        if s.byTransaction[p.transactionId]?.isEmpty == true { s.byTransaction[p.transactionId] = nil }
    }
}

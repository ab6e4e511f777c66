import MQProtocol

/// Where an offset reset moves a group.
public enum OffsetTarget: Sendable, Hashable {
    case earliest
    case latest
    /// The first message stored at or after this epoch-millisecond time.
    case time(Int64)
    case offset(Int64)
    case shift(Int64)
    /// Offsets given per queue (import, undo, clone).
    case given(String)

    /// The target in words, e.g. "earliest" or "time 1714557600000".
    public var summary: String {
        switch self {
        case .earliest: return "earliest"
        case .latest: return "latest"
        case .time(let t): return "time \(t)"
        case .offset(let o): return "offset \(o)"
        case .shift(let n): return "shift-by \(n > 0 ? "+" : "")\(n)"
        case .given(let what): return what
        }
    }
}

/// One queue of a plan: where the group is and where it would go, with the store times that say how
/// much traffic that replays or skips.
public struct OffsetChange: Sendable, Hashable {
    public var queue: MessageQueue
    public var minOffset: Int64
    public var maxOffset: Int64
    /// Committed offset now; nil when the group never committed on this queue.
    public var current: Int64?
    public var new: Int64
    /// Why `new` is not exactly what was asked (clamped to the queue's range...).
    public var note: String?
    /// Store time of the message at `current` / `new` (nil at the end of the queue or when unknown).
    public var currentStoreTime: Int64?
    public var newStoreTime: Int64?
    /// Store time of the queue's newest message, the end of a window that reaches the end of the queue.
    public var lastStoreTime: Int64?
    /// Set on undo plans only: what `new` restores.
    public var undoRestore: UndoRestore?

    public init(
        queue: MessageQueue, minOffset: Int64, maxOffset: Int64, current: Int64?, new: Int64, note: String? = nil
    ) {
        self.queue = queue
        self.minOffset = minOffset
        self.maxOffset = maxOffset
        self.current = current
        self.new = new
        self.note = note
    }

    /// Messages consumed again (new < current); nil without a committed offset.
    public var replay: Int64? { current.map { max($0 - new, 0) } }
    /// Messages passed over unconsumed (new > current); nil without a committed offset.
    public var skip: Int64? { current.map { max(new - $0, 0) } }

    /// The store-time window of the replayed or skipped messages: from the first of them to the last.
    public var window: (from: Int64, to: Int64)? {
        guard let current, current != new else { return nil }
        let (lo, hi) = (min(current, new), max(current, new))
        guard let from = lo == new ? newStoreTime : currentStoreTime else { return nil }
        let end = hi < maxOffset ? (hi == new ? newStoreTime : currentStoreTime) : lastStoreTime
        guard let to = end else { return nil }
        return (from, max(to, from))
    }
}

/// The per-queue changes of one offset operation on one group.
public struct OffsetPlan: Sendable {
    public var group: String
    public var target: OffsetTarget
    public var changes: [OffsetChange]

    public init(group: String, target: OffsetTarget, changes: [OffsetChange]) {
        self.group = group
        self.target = target
        self.changes = changes
    }

    public var totalReplay: Int64 { changes.reduce(0) { $0 + ($1.replay ?? 0) } }
    public var totalSkip: Int64 { changes.reduce(0) { $0 + ($1.skip ?? 0) } }
}

/// Why a plan could not be made; nothing was changed.
public enum OffsetPlanError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Requested offsets outside their queue's [min, max] range.
    case outOfRange([OutOfRange])
    /// The scope (topic, --queue, --broker) selected no queue.
    case noQueues(String)

    public struct OutOfRange: Sendable, Equatable {
        public var queue: MessageQueue
        public var offset: Int64
        public var minOffset: Int64
        public var maxOffset: Int64
    }

    public var description: String {
        switch self {
        case .outOfRange(let bad):
            let first = bad[0]
            let more = bad.count > 1 ? " (and \(bad.count - 1) more queue\(bad.count > 2 ? "s" : ""))" : ""
            let side = first.offset > first.maxOffset ? "beyond the max offset" : "below the min offset"
            return "offset \(first.offset) is \(side) of \(first.queue)\(more); valid range there is "
                + "[\(first.minOffset), \(first.maxOffset)]; use --to-latest or --to-earliest for the ends"
        case .noQueues(let why):
            return why
        }
    }
}

extension MQClientInstance {
    /// A reset plan for a group on one topic, optionally limited to one queue id and/or one broker name.
    /// `storeTimes` false skips the store-time lookups (one pull per offset) when nobody shows them.
    public func planReset(
        group: String, topic: String, target: OffsetTarget, queueId: Int32? = nil, brokerName: String? = nil,
        storeTimes: Bool = true
    ) async throws -> OffsetPlan {
        let states = try await offsetStates(group: group, topic: topic).filter {
            (queueId == nil || $0.queue.queueId == queueId) && (brokerName == nil || $0.queue.brokerName == brokerName)
        }
        guard !states.isEmpty else {
            var scope = "topic \(topic)"
            if let brokerName { scope += " on broker \(brokerName)" }
            if let queueId { scope += " has no queue \(queueId)" } else { scope += " has no queues" }
            throw OffsetPlanError.noQueues(scope + "; see `mqadmin topic route \(topic)`")
        }
        var changes: [OffsetChange] = []
        var bad: [OffsetPlanError.OutOfRange] = []
        for s in states {
            var note: String?
            let new: Int64
            switch target {
            case .earliest: new = s.minOffset
            case .latest: new = s.maxOffset
            case .time(let t): new = try await searchOffset(s.queue, timestamp: t)
            case .offset(let o):
                if o < s.minOffset || o > s.maxOffset {
                    bad.append(.init(queue: s.queue, offset: o, minOffset: s.minOffset, maxOffset: s.maxOffset))
                }
                new = o
            case .shift(let n):
                let base = s.committed ?? s.minOffset
                let wanted = base + n
                new = min(max(wanted, s.minOffset), s.maxOffset)
                if s.committed == nil { note = "no committed offset; shifted from the min offset" }
                if new != wanted { note = "clamped to the queue's range [\(s.minOffset), \(s.maxOffset)]" }
            case .given:
                throw OffsetPlanError.noQueues("use planOffsets for given offsets")
            }
            changes.append(
                OffsetChange(
                    queue: s.queue, minOffset: s.minOffset, maxOffset: s.maxOffset, current: s.committed, new: new,
                    note: note))
        }
        if !bad.isEmpty { throw OffsetPlanError.outOfRange(bad) }
        return OffsetPlan(group: group, target: target, changes: storeTimes ? await withStoreTimes(changes) : changes)
    }

    /// A plan that sets given offsets (import, undo, clone). Queues must exist; offsets must be in range
    /// unless `clamp`, which moves them to the nearest end and says so.
    public func planOffsets(
        group: String, offsets: [(queue: MessageQueue, offset: Int64)], what: String, clamp: Bool = false
    ) async throws -> OffsetPlan {
        var states: [MessageQueue: QueueOffsetState] = [:]
        for topic in Set(offsets.map(\.queue.topic)).sorted() {
            for s in try await offsetStates(group: group, topic: topic) { states[s.queue] = s }
        }
        var changes: [OffsetChange] = []
        var bad: [OffsetPlanError.OutOfRange] = []
        var missing: [MessageQueue] = []
        for (mq, offset) in offsets.sorted(by: { $0.queue < $1.queue }) {
            guard let s = states[mq] else {
                missing.append(mq)
                continue
            }
            var new = offset
            var note: String?
            if offset < s.minOffset || offset > s.maxOffset {
                if clamp {
                    new = min(max(offset, s.minOffset), s.maxOffset)
                    note = "\(offset) clamped to the queue's range [\(s.minOffset), \(s.maxOffset)]"
                } else {
                    bad.append(.init(queue: mq, offset: offset, minOffset: s.minOffset, maxOffset: s.maxOffset))
                }
            }
            changes.append(
                OffsetChange(
                    queue: mq, minOffset: s.minOffset, maxOffset: s.maxOffset, current: s.committed, new: new,
                    note: note))
        }
        if !missing.isEmpty {
            let names = missing.prefix(3).map(\.description).joined(separator: ", ")
            throw OffsetPlanError.noQueues(
                "\(missing.count) queue\(missing.count == 1 ? "" : "s") not found in the cluster: \(names)"
                    + (missing.count > 3 ? ", ..." : ""))
        }
        if !bad.isEmpty { throw OffsetPlanError.outOfRange(bad) }
        return OffsetPlan(group: group, target: .given(what), changes: await withStoreTimes(changes))
    }

    /// Fills in the store times of the current, new and last messages (best effort: unknown stays nil).
    func withStoreTimes(_ changes: [OffsetChange]) async -> [OffsetChange] {
        await withTaskGroup(of: (Int, OffsetChange).self) { tasks in
            for (i, change) in changes.enumerated() {
                tasks.addTask {
                    var c = change
                    func time(_ offset: Int64?) async -> Int64? {
                        guard let offset, offset >= c.minOffset, offset < c.maxOffset else { return nil }
                        return try? await self.storeTime(c.queue, offset: offset)
                    }
                    c.newStoreTime = await time(c.new)
                    c.currentStoreTime = c.current == c.new ? c.newStoreTime : await time(c.current)
                    if c.new == c.maxOffset || c.current == c.maxOffset {
                        c.lastStoreTime = await time(c.maxOffset - 1)
                    }
                    return (i, c)
                }
            }
            var out = changes
            for await (i, c) in tasks { out[i] = c }
            return out
        }
    }
}

import MQProtocol

/// One popped message not yet acked or revived: (group, real topic, queue, offset).
struct PopKey: Hashable, Sendable {
    var group: String
    var topic: String
    var queueId: Int32
    var offset: Int64
}

/// Its current generation: the `popTime` its handle carries (a change of invisible time starts a new one, so the
/// old handle's ack no longer matches) and when it becomes visible again.
struct PopEntry: Sendable, Equatable {
    var popTime: Int64
    var invisibleTime: Int64
    /// The pop-log offset of the record that set this generation (`ck` or `chg`): replay must start at or below it.
    var logOffset: Int64 = 0
    var deadline: Int64 { popTime + invisibleTime }
}

/// An orderly queue's batch of one group (Apache's `OrderInfo`): the offsets its last pop returned, which are
/// acked, when each becomes visible again and how often each was delivered before.
struct PopOrderKey: Hashable, Sendable {
    var group: String
    var topic: String
    var queueId: Int32
}

struct PopOrderBatch: Sendable, Equatable {
    var popTime: Int64
    var invisibleTime: Int64
    var offsets: [Int64]
    /// The pop-log offset of its `ck`.
    var logOffset: Int64 = 0
    var acked: Set<Int64> = []
    /// Set by a change of invisible time (the handle's popTime stays, as Apache).
    var nextVisible: [Int64: Int64] = [:]
    /// Earlier deliveries of each offset (the consumer's reconsumeTimes).
    var counts: [Int64: Int32] = [:]

    func visibleAt(_ offset: Int64) -> Int64 { nextVisible[offset] ?? popTime + invisibleTime }

    /// The queue is blocked while an offset of the batch is neither acked nor visible again.
    func blocks(now: Int64) -> Bool {
        offsets.contains { !acked.contains($0) && visibleAt($0) > now }
    }

    /// Where the group's offset stands: the first offset not acked, or past the batch.
    var commitOffset: Int64? {
        guard let last = offsets.max() else { return nil }
        return offsets.filter { !acked.contains($0) }.min() ?? last + 1
    }
}

/// The in-flight table (docs/design/pop-grpc.md §4.3), rebuilt from the pop log at start. Pure: the pop
/// thread applies records to it after appending them, and replay applies the same records in log order.
struct PopState: Sendable {
    private(set) var entries: [PopKey: PopEntry] = [:]
    private(set) var orders: [PopOrderKey: PopOrderBatch] = [:]
    /// The pop-log offset after the last record applied.
    private(set) var appliedThrough: Int64 = 0

    /// Where a replay must start to rebuild this table: the oldest record a live entry or batch depends on.
    var scanFrom: Int64 {
        min(entries.values.map(\.logOffset).min() ?? .max, orders.values.map(\.logOffset).min() ?? .max,
            appliedThrough)
    }

    /// Applies the record stored at pop-log offset `logOffset`.
    mutating func apply(_ record: PopLogRecord, at logOffset: Int64) {
        apply(record, logOffset: logOffset)
        appliedThrough = max(appliedThrough, logOffset + 1)
    }

    /// A replay starting at `offset` (from the checkpoint) has applied nothing below it.
    mutating func startReplay(at offset: Int64) { appliedThrough = offset }

    /// Applies one pop-log record. Removals and changes match the generation (`popTime`), so replaying a record
    /// twice, or an ack of a handle that was changed meanwhile, changes nothing.
    private mutating func apply(_ record: PopLogRecord, logOffset: Int64) {
        switch record {
        case .checkpoint(let ck) where ck.orderly:
            let key = PopOrderKey(group: ck.group, topic: ck.topic, queueId: ck.queueId)
            var batch = PopOrderBatch(
                popTime: ck.popTime, invisibleTime: ck.invisibleTime, offsets: ck.offsets, logOffset: logOffset)
            for (offset, count) in zip(ck.offsets, ck.attempts ?? []) { batch.counts[offset] = count }
            orders[key] = batch
        case .checkpoint(let ck):
            for offset in ck.offsets {
                let key = PopKey(group: ck.group, topic: ck.topic, queueId: ck.queueId, offset: offset)
                entries[key] = PopEntry(popTime: ck.popTime, invisibleTime: ck.invisibleTime, logOffset: logOffset)
            }
        case .ack(let ack):
            let key = PopOrderKey(group: ack.group, topic: ack.topic, queueId: ack.queueId)
            if orders[key]?.popTime == ack.popTime {
                orders[key]?.acked.formUnion(ack.offsets)
                // A batch acked in full is over: the group's offset is past it, nothing of it needs keeping.
                if let batch = orders[key], batch.offsets.allSatisfy(batch.acked.contains) { orders[key] = nil }
            }
            remove(group: ack.group, topic: ack.topic, queueId: ack.queueId, popTime: ack.popTime, offsets: ack.offsets)
        case .revive(let rev):
            remove(group: rev.group, topic: rev.topic, queueId: rev.queueId, popTime: rev.popTime, offsets: rev.offsets)
        case .change(let chg):
            let order = PopOrderKey(group: chg.group, topic: chg.topic, queueId: chg.queueId)
            if orders[order]?.popTime == chg.popTime, orders[order]?.offsets.contains(chg.offset) == true {
                orders[order]?.nextVisible[chg.offset] = chg.newPopTime + chg.invisibleTime
                return
            }
            let key = PopKey(group: chg.group, topic: chg.topic, queueId: chg.queueId, offset: chg.offset)
            guard entries[key]?.popTime == chg.popTime else { return }
            entries[key] = PopEntry(popTime: chg.newPopTime, invisibleTime: chg.invisibleTime, logOffset: logOffset)
        }
    }

    private mutating func remove(group: String, topic: String, queueId: Int32, popTime: Int64, offsets: [Int64]) {
        for offset in offsets {
            let key = PopKey(group: group, topic: topic, queueId: queueId, offset: offset)
            if entries[key]?.popTime == popTime { entries[key] = nil }
        }
    }

    func entry(_ key: PopKey) -> PopEntry? { entries[key] }

    func order(_ key: PopOrderKey) -> PopOrderBatch? { orders[key] }

    /// Entries whose invisible time has passed, earliest first, at most `limit`.
    func due(now: Int64, limit: Int) -> [(PopKey, PopEntry)] {
        let all = entries.filter { $0.value.deadline <= now }.sorted { $0.value.deadline < $1.value.deadline }
        return Array(all.prefix(limit)).map { ($0.key, $0.value) }
    }

    /// The earliest deadline, nil when nothing is in flight. A scan: the table holds what clients have in flight
    /// (thousands at most in the bundled broker); a heap is the step when that grows.
    var nextDeadline: Int64? { entries.values.map(\.deadline).min() }

    /// The groups with a message in flight or an orderly batch.
    var groups: Set<String> { Set(entries.keys.map(\.group)).union(orders.keys.map(\.group)) }

    /// The oldest offset `group` has in flight in each queue, by topic and queue id. (An orderly batch needs no
    /// entry here: its group's offset already stays at the batch's first offset not acked.)
    func oldestInFlight(group: String) -> [String: [Int32: Int64]] {
        var oldest: [String: [Int32: Int64]] = [:]
        for key in entries.keys where key.group == group {
            oldest[key.topic, default: [:]][key.queueId] = min(oldest[key.topic]?[key.queueId] ?? .max, key.offset)
        }
        return oldest
    }

    /// Drops the entries of a deleted topic or group (replay skips what no longer exists).
    mutating func removeAll(where drop: (PopKey) -> Bool) {
        entries = entries.filter { !drop($0.key) }
        orders = orders.filter { !drop(PopKey(group: $0.key.group, topic: $0.key.topic, queueId: $0.key.queueId, offset: -1)) }
    }

    /// Memory only: a revive that failed (the store refused the copy) is tried again at `time`.
    mutating func postpone(_ key: PopKey, until time: Int64) {
        guard let entry = entries[key] else { return }
        entries[key] = PopEntry(
            popTime: entry.popTime, invisibleTime: max(time - entry.popTime, entry.invisibleTime),
            logOffset: entry.logOffset)
    }

    var count: Int { entries.count }
}

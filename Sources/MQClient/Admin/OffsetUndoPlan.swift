import MQProtocol

/// What an undo puts back on a queue.
public enum UndoRestore: String, Sendable, Hashable {
    /// The committed offset saved before the undone change.
    case previousOffset
    /// The queue had no committed offset before the change. Apache has no request that deletes one queue's
    /// committed offset (only a whole group's, with DELETE_SUBSCRIPTIONGROUP cleanOffset, which also drops the
    /// group's config), so undo sets the offset a group without one starts from instead.
    case newGroupStart
}

extension QueueOffsetState {
    /// Where a consumer of a group with no committed offset on this queue starts (CONSUME_FROM_LAST_OFFSET, the
    /// default): QUERY_CONSUMER_OFFSET answers 0 while the queue still starts at 0 (Apache: and its head is in
    /// memory; our broker always counts a queue's head as recent), otherwise QUERY_NOT_FOUND and the consumer
    /// starts at the queue's max offset.
    public var newGroupStart: Int64 { minOffset <= 0 ? 0 : maxOffset }
}

extension MQClientInstance {
    /// The plan that undoes a journaled change: each queue back to its saved previous offset (clamped to the
    /// queue's range as it is now), and a queue that had none to `newGroupStart`, marked so in `undoRestore`.
    public func planUndo(_ entry: OffsetJournalEntry, what: String) async throws -> OffsetPlan {
        var states: [MessageQueue: QueueOffsetState] = [:]
        for topic in Set(entry.queues.map(\.topic)).sorted() {
            for s in try await offsetStates(group: entry.group, topic: topic) { states[s.queue] = s }
        }
        var restores: [MessageQueue: UndoRestore] = [:]
        // A queue missing from the cluster keeps a placeholder offset: planOffsets reports it as not found.
        let offsets: [(queue: MessageQueue, offset: Int64)] = entry.queues.map { q in
            if let previous = q.previous {
                restores[q.queue] = .previousOffset
                return (q.queue, previous)
            }
            restores[q.queue] = .newGroupStart
            return (q.queue, states[q.queue]?.newGroupStart ?? 0)
        }
        var plan = try await planOffsets(group: entry.group, offsets: offsets, what: what, clamp: true)
        for i in plan.changes.indices {
            plan.changes[i].undoRestore = restores[plan.changes[i].queue]
            if plan.changes[i].undoRestore == .newGroupStart {
                plan.changes[i].note =
                    "no committed offset before the undone change; a broker cannot delete one queue's offset, "
                    + "so it is set to \(plan.changes[i].new), where a group without an offset starts"
            }
        }
        return plan
    }
}

import MQProtocol
import MQRemoting
import NIOConcurrencyHelpers

/// Offsets an admin reset assigned that the group's online consumers have not picked up yet
/// (Apache 5.x's server-side reset, `resetOffsetTable`): the next pull of such a queue answers
/// PULL_OFFSET_MOVED with the new offset, and commits for the queue are ignored until then, so a
/// consumer cannot overwrite the reset with the offset it was at.
final class PendingOffsetResets: Sendable {
    private let table = NIOLockedValueBox<[String: [Int32: Int64]]>([:])

    static func key(_ topic: String, _ group: String) -> String { topic + "@" + group }

    func assign(group: String, topic: String, queueId: Int32, offset: Int64) {
        table.withLockedValue { $0[Self.key(topic, group), default: [:]][queueId] = offset }
    }

    func peek(group: String, topic: String, queueId: Int32) -> Int64? {
        table.withLockedValue { $0[Self.key(topic, group)]?[queueId] }
    }

    /// Returns and forgets the pending offset (the pull that delivers it).
    func take(group: String, topic: String, queueId: Int32) -> Int64? {
        table.withLockedValue { t in
            let k = Self.key(topic, group)
            guard let offset = t[k]?.removeValue(forKey: queueId) else { return nil }
            if t[k]?.isEmpty == true { t[k] = nil }
            return offset
        }
    }

    var isEmpty: Bool { table.withLockedValue { $0.isEmpty } }
}

extension BrokerCore {
    /// The offset an admin reset assigned to this queue that its consumer has not pulled yet, if any.
    public func pendingReset(group: String, topic: String, queueId: Int32) -> Int64? {
        pendingResets.peek(group: group, topic: topic, queueId: queueId)
    }

    /// Sets a group's offset for one queue as an admin operation (reset, clone, import): commits it,
    /// and when members of the group are online and subscribe to the topic, marks it pending so the
    /// member pulling that queue is moved there (and its stale commits are ignored meanwhile).
    func assignOffset(group: String, topic: String, queueId: Int32, offset: Int64) {
        offsets.commit(group: group, topic: topic, queueId: queueId, offset: offset)
        // Nothing is in flight at the new position (consume stats' pull offset would otherwise keep the old one).
        offsets.recordPull(group: group, topic: topic, queueId: queueId, offset: offset)
        if let info = consumers.group(group), !info.channels.isEmpty, info.subscriptions[topic] != nil {
            pendingResets.assign(group: group, topic: topic, queueId: queueId, offset: offset)
        }
    }

    /// After admin offset changes: persist them now (not at the next timer), and answer the pulls held
    /// on those queues so their consumers learn the new offset at once instead of after a long poll.
    func offsetsAssigned(topic: String, queueIds: Set<Int32>) {
        offsets.persistIfDirty()
        guard !pendingResets.isEmpty else { return }
        holds.check(
            now: nowMillis(),
            maxOffset: { [store] t, q in
                t == topic && queueIds.contains(q) ? .max : store.maxOffset(topic: t, queueId: q)
            }
        ) { [weak self] held in self?.retryHeld(held) }
    }

    /// The pull-path hook: when a reset is pending for the pulled queue, the answer is
    /// PULL_OFFSET_MOVED to the reset offset (status OFFSET_RESET), and the pending mark is cleared.
    func pullResetResponse(_ request: RemotingCommand, _ h: PullMessageRequestHeader) -> RemotingCommand? {
        guard let offset = pendingResets.take(group: h.consumerGroup, topic: h.topic, queueId: h.queueId) else {
            return nil
        }
        let rh = PullMessageResponseHeader(
            nextBeginOffset: offset, minOffset: store.minOffset(topic: h.topic, queueId: h.queueId),
            maxOffset: store.maxOffset(topic: h.topic, queueId: h.queueId))
        offsets.recordPull(group: h.consumerGroup, topic: h.topic, queueId: h.queueId, offset: offset)
        logger.info("pull of \(h.topic)#\(h.queueId) by \(h.consumerGroup) moved to reset offset \(offset)")
        return request.response(.pullOffsetMoved, remark: "OFFSET_RESET", header: rh)
    }
}

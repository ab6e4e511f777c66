import MQProtocol
import MQStore
import NIOCore

extension BrokerCore {
    /// How many due messages one revive chunk handles before the pop thread serves requests again.
    static let reviveChunk = 128

    /// One revive pass, on the pop thread (handed over by the revive thread): each message whose invisible time
    /// passed is copied into the group's POP retry topic with reconsumeTimes + 1 — or into `%DLQ%{group}` once it
    /// has been delivered retryMaxTimes + 1 times (decided here, not at the next pop: docs/compatibility.md) —
    /// then a `rev` record ends it. Returns when the next one is due.
    func reviveDuePops(now: Int64) -> Int64? {
        let due = popState.withLockedValue { $0.due(now: now, limit: Self.reviveChunk) }
        for (key, entry) in due {
            do {
                try revive(key, entry)
            } catch {
                logger.warning(
                    "pop revive of \(key.topic):\(key.queueId)@\(key.offset) failed, retried in 1 s: \(error)")
                popState.withLockedValue { $0.postpone(key, until: now + 1000) }
            }
        }
        let next: Int64? = due.count == Self.reviveChunk ? now : popState.withLockedValue { $0.nextDeadline }
        // What the revive thread will sleep until (at most its idle second): earlier deadlines wake it.
        popReviveNext.withLockedValue { $0 = min(next ?? .max, now + 1000) }
        return next
    }

    private func revive(_ key: PopKey, _ entry: PopEntry) throws {
        func end(_ destination: PopReviveRecord.Destination) throws {
            try appendPopLog(.revive(PopReviveRecord(
                group: key.group, topic: key.topic, queueId: key.queueId, popTime: entry.popTime,
                offsets: [key.offset], destination: destination)))
        }
        guard topics.topic(key.topic) != nil, let group = groups.group(key.group) else {
            // Deleted since the pop (Apache skips checkpoints of deleted topics and groups).
            popState.withLockedValue { $0.removeAll { $0 == key } }
            return
        }
        let read = store.getMessages(
            topic: key.topic, queueId: key.queueId, offset: key.offset, maxCount: 1, maxBytes: Self.maxPullBytes,
            filter: nil)
        guard let raw = read.messages.first, let m = try? decodeRecord(raw), m.queueOffset == key.offset else {
            logger.warning("popped message \(key.topic):\(key.queueId)@\(key.offset) is gone (retention); not revived")
            try appendPopLog(.ack(PopAckRecord(
                group: key.group, topic: key.topic, queueId: key.queueId, popTime: entry.popTime,
                offsets: [key.offset])))
            return
        }
        var properties = m.properties
        let original = properties[MessageConst.retryTopic] ?? key.topic
        if properties[MessageConst.retryTopic] == nil { properties[MessageConst.retryTopic] = key.topic }
        properties[MessageConst.originMessageId] = properties[MessageConst.originMessageId] ?? m.offsetMsgId
        properties[MessageConst.firstPopTime] = properties[MessageConst.firstPopTime] ?? String(entry.popTime)
        properties[MessageConst.popCK] = nil
        properties[MessageConst.delayTimeLevel] = nil
        let toDLQ = m.reconsumeTimes >= group.retryMaxTimes
        let topic =
            toDLQ ? SystemTopics.dlqTopic(key.group) : PopTopics.retryTopic(group: key.group, topic: original)
        _ = try topics.createSystemGroupTopic(topic, queueNums: 1, durable: true)
        let copy = MessageToStore(
            topic: topic, queueId: 0, flag: m.flag, body: m.body, properties: properties, sysFlag: m.sysFlag,
            bornTimestamp: m.bornTimestamp, bornHost: m.bornHost, reconsumeTimes: m.reconsumeTimes + 1,
            preparedTransactionOffset: 0, tagsCode: tagsCode(properties[MessageConst.tags]), storeTimestamp: nil)
        switch store.put(copy).status {
        case .ok:
            stats.recordPut(topic: topic, messages: 1, bytes: m.body.readableBytes)
            if toDLQ {
                logger.info(
                    "popped message \(m.offsetMsgId) of group \(key.group) moved to \(topic) after \(m.reconsumeTimes + 1) deliveries")
            }
        case .messageIllegal(let why), .serviceUnavailable(let why):
            throw BrokerError.storeFailed(why)
        }
        // After the copy: a crash in between revives it once more (at least once, as Apache).
        try end(toDLQ ? .dlq : .retry)
    }

    /// Rebuilds the in-flight table from the pop log (start-up, before anything is served): every record in log
    /// order. Entries already due are revived by the revive thread's first pass. Returns how many records it read.
    @discardableResult
    func replayPopLog() -> Int {
        let first = store.minOffset(topic: PopTopics.popLog, queueId: 0)
        let end = store.maxOffset(topic: PopTopics.popLog, queueId: 0)
        // From the checkpoint's scanFrom (a missing or damaged one, or one past the queue's end: the whole queue).
        let checkpoint = PopCheckpoint.load(path: popCheckpointPath)
        var offset = first
        if let checkpoint, checkpoint.scanFrom <= end { offset = max(first, checkpoint.scanFrom) }
        var state = PopState()
        state.startReplay(at: offset)
        var skipped = 0
        var read = 0
        while offset < end {
            let result = store.getMessages(
                topic: PopTopics.popLog, queueId: 0, offset: offset, maxCount: 256, maxBytes: Self.maxPullBytes,
                filter: nil)
            guard result.nextBeginOffset > offset else { break }
            for raw in result.messages {
                read += 1
                guard let m = try? decodeRecord(raw), let tag = m.tags, m.queueOffset >= offset,
                    let record = try? PopLogRecord(tag: tag, body: Array(m.body.readableBytesView))
                else {
                    skipped += 1
                    continue
                }
                state.apply(record, at: m.queueOffset)
            }
            offset = result.nextBeginOffset
        }
        // A group auto-created by its first pop is written by the persistence thread soon after, so a crash may
        // come first: with auto-creation on, a group the pop log names is created again (its pops were real);
        // with it off, only an admin created it (written before answering), so a missing one was deleted.
        let groupsKept = state.groups.filter { groups.findOrCreate($0) != nil }
        state.removeAll { [topics] key in topics.topic(key.topic) == nil || !groupsKept.contains(key.group) }
        if skipped > 0 { logger.warning("pop log: \(skipped) unreadable records skipped") }
        if state.count > 0 { logger.info("pop log replayed: \(state.count) messages in flight") }
        popState.withLockedValue { $0 = state }
        return read
    }

    var popCheckpointPath: String { store.config.directory + "/popcheck" }

    /// Every second (timer-checkpoint thread): writes the checkpoint taken a tick ago once the commit log is
    /// flushed past every record it covers, then takes the next.
    func popCheckpointIfDurable() {
        let flushed = store.commitLogFlushedOffset
        let ready = popCheckpointCandidate.withLockedValue { c -> PopCheckpoint? in
            guard let candidate = c, candidate.flushedNeeded <= flushed else { return nil }
            c = nil
            return candidate.checkpoint
        }
        if let ready {
            do { try ready.save(path: popCheckpointPath) } catch {
                logger.error("cannot write the pop checkpoint: \(error)")
            }
        }
        takePopCheckpoint()
    }

    /// The last one, once the pop thread has stopped: store flushed, everything applied is covered.
    func finalPopCheckpoint() {
        popCheckpointCandidate.withLockedValue { $0 = nil }
        takePopCheckpoint()
        store.flush()
        popCheckpointIfDurable()
    }

    private func takePopCheckpoint() {
        let (applied, scanFrom) = popState.withLockedValue { ($0.appliedThrough, $0.scanFrom) }
        // Read after the snapshot: every record it covers is below this commit-log position.
        let needed = store.commitLogMaxOffset
        let checkpoint = PopCheckpoint(appliedThrough: applied, scanFrom: scanFrom, timestamp: nowMillis())
        popCheckpointCandidate.withLockedValue { c in
            if c == nil { c = (checkpoint, needed) }
        }
    }
}

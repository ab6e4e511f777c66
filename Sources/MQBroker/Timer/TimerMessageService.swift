import Logging
import MQProtocol
import MQStore
import NIOConcurrencyHelpers

/// Delivers timer messages when they are due: Apache's TimerMessageStore, with a design of its own
/// (docs/store-format.md, "Timer messages").
///
/// The send path stores a timer message in `rmq_sys_wheel_timer` queue 0 with its slot (TIMER_OUT_MS) as the
/// consume-queue tag code. This service reads that queue in order into a time-ordered index in memory
/// (``TimerIndex``), and when an entry's time comes puts the message back into its real topic and queue, or drops
/// it when a recall marker of the same slot cancels it. The timer queue (recovered with the store) is the durable
/// record; `timercheck` says how far delivery got, so a restart rebuilds the index from the entries still pending.
/// Delivery is at least once: entries delivered after the last checkpoint are delivered again after a crash.
///
/// Threads: ``pass()`` runs on the timer thread (store reads and puts, never under the lock); the checkpoint is
/// written on its own thread (an fsync must not delay deliveries); event loops only read counters.
final class TimerMessageService: Sendable {
    private struct State: Sendable {
        var index: TimerIndex
        /// Next timer-queue offset to read into the index.
        var indexedOffset: Int64
        /// Every indexed entry firing at or before this was delivered (or cancelled).
        var firedThrough: Int64
        /// Entries indexed or delivered since the last checkpoint candidate was taken.
        var changed = false
        /// A checkpoint waiting for the commit log to be durable up to `flushedNeeded`.
        var candidate: (checkpoint: TimerCheckpoint, flushedNeeded: Int64)?
        var written = TimerCheckpoint()
        var rates = RateWindow()
    }

    /// Entries taken per delivery round (a round ends with whole slots).
    static let deliveryBatch = 2048
    /// Messages per store append when several due messages go to the same queue.
    static let putBatch = 64

    let settings: TimerSettings
    private let store: MessageStore
    private let stats: BrokerStats
    private let logger: Logger
    private let checkpointPath: String
    private let state: NIOLockedValueBox<State>

    /// Opens the service on `store` and rebuilds its index from the timer queue (reads every pending entry's
    /// message once, for its topic and recall key).
    init(settings: TimerSettings, store: MessageStore, stats: BrokerStats, logger: Logger) throws {
        self.settings = settings
        self.store = store
        self.stats = stats
        self.logger = logger
        checkpointPath = store.config.directory + "/timercheck"
        let saved = try TimerCheckpoint.load(path: checkpointPath) ?? TimerCheckpoint()
        state = NIOLockedValueBox(
            State(index: TimerIndex(precision: settings.precisionMillis), indexedOffset: 0, firedThrough: 0))
        recover(from: saved)
    }

    // MARK: recovery

    /// Indexes every entry of the timer queue from the checkpoint's `scanFrom` that it does not record as
    /// delivered. An entry at or past its `indexedOffset` is pending whatever its time (delivered again if it was
    /// delivered after the checkpoint was taken).
    private func recover(from saved: TimerCheckpoint) {
        let queueMax = store.maxOffset(topic: SystemTopics.timer, queueId: 0)
        // A queue cut shorter by recovery (a torn tail after a power loss) takes new entries from its new end.
        let known = min(saved.indexedOffset, queueMax)
        let precision = settings.precisionMillis
        let now = nowMillis()
        var index = TimerIndex(precision: precision)
        var skipped = 0
        forEachUnit(from: min(saved.scanFrom, saved.indexedOffset), to: queueMax) { units in
            for unit in units {
                if unit.queueOffset < known && unit.tagsCode + precision <= saved.firedThrough {
                    skipped += 1
                    continue
                }
                if let entry = entry(for: unit, now: now) { index.insert(entry) }
            }
        }
        let recovered = TimerCheckpoint(
            indexedOffset: queueMax, firedThrough: saved.firedThrough,
            scanFrom: index.lowestPendingOffset() ?? queueMax, timestamp: now)
        state.withLockedValue {
            $0.index = index
            $0.indexedOffset = queueMax
            $0.firedThrough = saved.firedThrough
            $0.written = saved
            $0.changed = recovered != saved
        }
        if index.count > 0 || skipped > 0 {
            logger.info(
                "timer messages recovered",
                metadata: ["pending": "\(index.messages)", "recallMarkers": "\(index.recallMarkers)",
                    "alreadyDelivered": "\(skipped)", "queueOffset": "\(queueMax)"])
        }
    }

    /// Calls `body` with the timer queue's entries from `start` to `end`, 1024 at a time (holes left out).
    private func forEachUnit(from start: Int64, to end: Int64, _ body: ([ConsumeQueueUnit]) -> Void) {
        var offset = max(start, store.minOffset(topic: SystemTopics.timer, queueId: 0))
        while offset < end {
            let count = min(1024, end - offset)
            let units =
                store.consumeQueueUnits(topic: SystemTopics.timer, queueId: 0, from: offset, maxCount: Int(count))
                ?? []
            body(units)
            // The read covered `count` entries (holes are left out); it starts later when retention moved the
            // queue's start meanwhile.
            offset = max(offset + count, (units.last?.queueOffset ?? offset) + 1)
        }
    }

    /// The index entry of one timer-queue entry, read from its message; nil (logged) when unreadable.
    private func entry(for unit: ConsumeQueueUnit, now: Int64) -> TimerEntry? {
        guard let record = store.message(atCommitLogOffset: unit.commitLogOffset),
            let m = try? decodeRecord(record)
        else {
            logger.warning("timer message at \(SystemTopics.timer) offset \(unit.queueOffset) cannot be read; skipped")
            return nil
        }
        guard let slot = m.properties[MessageConst.timerOutMS].flatMap({ Int64($0) }),
            let topic = m.properties[MessageConst.realTopic]
        else {
            logger.warning("\(SystemTopics.timer) offset \(unit.queueOffset) is not a timer message; skipped")
            return nil
        }
        let current = now / settings.precisionMillis * settings.precisionMillis
        return TimerEntry(
            queueOffset: unit.queueOffset, commitLogOffset: unit.commitLogOffset, size: unit.size, slot: slot,
            topic: topic, cancels: m.properties[MessageConst.timerDelUniqKey], late: slot < current)
    }

    // MARK: the timer thread

    /// One pass: index what was stored since the last pass, deliver what is due. Returns when the next entry
    /// is due (nil: none pending).
    func pass(now: Int64 = nowMillis()) -> Int64? {
        indexNewEntries(now: now)
        deliverDue(now: now)
        let flushedNeeded = store.commitLogMaxOffset
        return state.withLockedValue { s in
            // Taken here, between passes, when no delivery is under way: what it records is exactly what happened.
            if s.candidate == nil, s.changed {
                s.changed = false
                let checkpoint = TimerCheckpoint(
                    indexedOffset: s.indexedOffset, firedThrough: s.firedThrough,
                    scanFrom: s.index.lowestPendingOffset() ?? s.indexedOffset, timestamp: now)
                s.candidate = (checkpoint, flushedNeeded)
            }
            // Still due after delivering: the store refused the messages. Try again in a second, not in a spin.
            return s.index.nextFireTime.map { $0 <= now ? now + 1000 : $0 }
        }
    }

    private func indexNewEntries(now: Int64) {
        let queueMax = store.maxOffset(topic: SystemTopics.timer, queueId: 0)
        let start = state.withLockedValue { $0.indexedOffset }
        guard start < queueMax else { return }
        forEachUnit(from: start, to: queueMax) { units in
            let entries = units.compactMap { entry(for: $0, now: now) }
            state.withLockedValue { s in
                for e in entries { s.index.insert(e) }
                s.rates.add("enqueue", count: Int64(entries.count), now: now / 1000)
            }
        }
        state.withLockedValue { s in
            s.indexedOffset = queueMax
            s.changed = true
            // What was already due when it came in fires now: nothing indexed may be older than firedThrough.
            if let next = s.index.nextFireTime { s.firedThrough = min(s.firedThrough, next - 1) }
        }
    }

    private func deliverDue(now: Int64) {
        while true {
            let due = state.withLockedValue { $0.index.takeDue(now: now, limit: Self.deliveryBatch) }
            if due.isEmpty { break }
            let undelivered = deliver(due, now: now)
            let delivered = due.count - undelivered.count
            state.withLockedValue { s in
                for e in undelivered { s.index.insert(e) }
                if let first = undelivered.first {
                    s.firedThrough = min(s.firedThrough, s.index.fireTime(ofSlot: first.slot) - 1)
                }
                s.rates.add("dequeue", count: Int64(delivered), now: now / 1000)
                s.changed = s.changed || delivered > 0
            }
            // The store refuses writes: try again on a later pass.
            if !undelivered.isEmpty { return }
        }
        state.withLockedValue { s in
            if s.index.nextFireTime.map({ $0 > now }) ?? true { s.firedThrough = max(s.firedThrough, now) }
        }
    }

    /// Puts the due messages into their topics, leaving out the cancelled ones and the recall markers. Returns
    /// the entries not delivered because the store refused them (to try again later).
    private func deliver(_ due: [TimerEntry], now: Int64) -> [TimerEntry] {
        let cancelled = Set(due.compactMap(\.cancels))
        var outgoing: [(entry: TimerEntry, message: MessageToStore)] = []
        for entry in due where !entry.isRecallMarker {
            guard let record = store.message(atCommitLogOffset: entry.commitLogOffset),
                let m = try? decodeRecord(record)
            else {
                logger.warning("timer message at \(SystemTopics.timer) offset \(entry.queueOffset) is gone; dropped")
                continue
            }
            if let key = m.properties.uniqueKey,
                cancelled.contains(Self.cancelKey(topic: entry.topic, uniqueKey: key))
            {
                continue
            }
            outgoing.append((entry, Self.delivery(of: m, entry: entry, now: now)))
        }
        // Grouped by queue, each queue in firing then storing order: one append per queue, not per message.
        outgoing.sort {
            ($0.message.topic, $0.message.queueId, $0.entry.slot, $0.entry.queueOffset)
                < ($1.message.topic, $1.message.queueId, $1.entry.slot, $1.entry.queueOffset)
        }
        var i = 0
        while i < outgoing.count {
            let first = outgoing[i].message
            var j = i + 1
            var bodyBytes = first.body.readableBytes
            while j < outgoing.count, j - i < Self.putBatch, outgoing[j].message.topic == first.topic,
                outgoing[j].message.queueId == first.queueId,
                bodyBytes + outgoing[j].message.body.readableBytes <= store.config.settings.maxMessageSize
            {
                bodyBytes += outgoing[j].message.body.readableBytes
                j += 1
            }
            let batch = outgoing[i..<j].map(\.message)
            let result = store.putBatch(batch)
            switch result.status {
            case .ok:
                stats.recordPut(topic: first.topic, messages: batch.count, bytes: bodyBytes)
            case .messageIllegal(let why):
                // Apache drops a message the store refuses as illegal; nothing can make it legal later.
                logger.error("timer messages for \(first.topic) refused by the store (\(why)); dropped")
            case .serviceUnavailable(let why):
                logger.warning("timer delivery to \(first.topic) waits: \(why)")
                return outgoing[i...].map(\.entry)
            }
            i = j
        }
        return []
    }

    /// Apache's `TimerMessageStore.buildDeleteKey`.
    static func cancelKey(topic: String, uniqueKey: String) -> String { topic + "+" + uniqueKey }

    /// The message as delivered (Apache's `convert` and `convertMessage`): back in its real topic and queue,
    /// REAL_TOPIC and REAL_QID removed, TIMER_ENQUEUE_MS and TIMER_DEQUEUE_MS added; everything else as stored.
    static func delivery(of m: MessageExt, entry: TimerEntry, now: Int64) -> MessageToStore {
        var props = m.properties
        let topic = props.removeValue(forName: MessageConst.realTopic) ?? entry.topic
        let queueId = props.removeValue(forName: MessageConst.realQueueId).flatMap { Int32($0) } ?? 0
        props[MessageConst.timerEnqueueMS] = entry.late ? String(Int64.max) : String(m.storeTimestamp)
        props[MessageConst.timerDequeueMS] = String(now)
        return MessageToStore(
            topic: topic, queueId: queueId, flag: m.flag, body: m.body, properties: props, sysFlag: m.sysFlag,
            bornTimestamp: m.bornTimestamp, bornHost: m.bornHost, reconsumeTimes: m.reconsumeTimes,
            preparedTransactionOffset: 0, tagsCode: JavaHash.tagsCode(props.tags), storeTimestamp: nil)
    }

    // MARK: checkpoint (its own thread)

    /// Writes the checkpoint taken at the end of an earlier pass once the commit log is durable past every
    /// delivery made by then. Called every second on the checkpoint thread, and at shutdown.
    func checkpointIfDurable() {
        let flushed = store.commitLogFlushedOffset
        let ready = state.withLockedValue { s -> TimerCheckpoint? in
            guard let candidate = s.candidate, candidate.flushedNeeded <= flushed else { return nil }
            s.candidate = nil
            return candidate.checkpoint
        }
        guard let ready else { return }
        do {
            try ready.save(path: checkpointPath)
            state.withLockedValue { $0.written = ready }
        } catch {
            logger.error("cannot write the timer checkpoint: \(error)")
            state.withLockedValue { $0.changed = true }
        }
    }

    /// The last checkpoint, once the timer thread has stopped: the store flushed, everything delivered so far
    /// is recorded.
    func finalCheckpoint() {
        let flushedNeeded = store.commitLogMaxOffset
        state.withLockedValue { s in
            guard s.changed else { return }
            s.changed = false
            s.candidate = (
                TimerCheckpoint(
                    indexedOffset: s.indexedOffset, firedThrough: s.firedThrough,
                    scanFrom: s.index.lowestPendingOffset() ?? s.indexedOffset, timestamp: nowMillis()),
                flushedNeeded
            )
        }
        store.flush()
        checkpointIfDurable()
    }

    // MARK: what admin requests read

    /// The runtime-info keys Apache's broker reports for its timer (GET_BROKER_RUNTIME_INFO).
    func runtimeInfo(now: Int64 = nowMillis()) -> [String: String] {
        let queueMax = store.maxOffset(topic: SystemTopics.timer, queueId: 0)
        return state.withLockedValue { s in
            let seconds = now / 1000
            let overdue = s.index.nextFireTime.map { max(0, now - $0) } ?? 0
            return [
                // Apache: seconds its read pointer trails the clock; here: how late the most overdue entry is.
                "timerReadBehind": String(overdue / 1000),
                "timerOffsetBehind": String(max(0, queueMax - s.indexedOffset)),
                "timerCongestNum": String(s.index.congestion),
                "timerEnqueueTps": Self.javaFloat(s.rates.tps("enqueue", now: seconds, window: 10)),
                "timerDequeueTps": Self.javaFloat(s.rates.tps("dequeue", now: seconds, window: 10)),
            ]
        }
    }

    /// What `timer list` shows: pending counts per topic and minute, the earliest `limit` buckets.
    func list(topic: String?, withinMillis: Int64?, limit: Int, now: Int64 = nowMillis()) -> TimerListBody {
        let queueMax = store.maxOffset(topic: SystemTopics.timer, queueId: 0)
        return state.withLockedValue { s in
            let counts = s.index.bucketCounts(topic: topic, until: withinMillis.map { now &+ $0 })
            let buckets = counts.prefix(limit).map {
                TimerListBody.Bucket(
                    topic: $0.key.topic, minute: $0.key.minute, messages: $0.count.messages,
                    recalled: $0.count.recallMarkers)
            }
            return TimerListBody(
                now: now, precisionMillis: s.index.precision, pendingTotal: s.index.congestion,
                notIndexed: max(0, queueMax - s.indexedOffset), buckets: Array(buckets),
                truncated: counts.count > limit)
        }
    }

    /// Java's `String.valueOf(float)` for the TPS figures ("0.0", "12.5").
    static func javaFloat(_ value: Double) -> String {
        let f = Float(value)
        return f == f.rounded() && abs(f) < 1e7 ? "\(Int64(f)).0" : "\(f)"
    }
}

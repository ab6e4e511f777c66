/// One message waiting in `rmq_sys_wheel_timer` (a timer message, or a recall marker cancelling one).
struct TimerEntry: Sendable, Equatable {
    /// Its offset in the timer queue.
    var queueOffset: Int64
    var commitLogOffset: Int64
    var size: Int32
    /// TIMER_OUT_MS: the entry fires at slot + precision.
    var slot: Int64
    /// The topic it will be delivered to (REAL_TOPIC).
    var topic: String
    /// For a recall marker: `topic+uniqueKey` of the message it cancels (TIMER_DEL_UNIQKEY); nil otherwise.
    var cancels: String?
    /// It was already due when the index took it in (its TIMER_ENQUEUE_MS is then Long.MAX_VALUE, as Apache's).
    var late: Bool

    var isRecallMarker: Bool { cancels != nil }
}

/// The pending timer messages in firing order: entries grouped by slot, the slots in a min-heap, and counts per
/// topic and minute kept as entries come and go (so `timer list` and the runtime info never walk the entries).
/// Memory only, not thread-safe: `TimerMessageService` owns one under its lock and rebuilds it on start from
/// the timer queue (docs/store-format.md, "Timer messages").
struct TimerIndex: Sendable {
    struct BucketKey: Hashable, Sendable {
        var topic: String
        var minute: Int64
    }

    struct BucketCount: Equatable, Sendable {
        var messages: Int64 = 0
        var recallMarkers: Int64 = 0
    }

    private(set) var precision: Int64
    private var slots: [Int64: [TimerEntry]] = [:]
    private var slotHeap = MinHeap<Int64>()
    private(set) var buckets: [BucketKey: BucketCount] = [:]
    /// Pending messages and recall markers.
    private(set) var messages: Int64 = 0
    private(set) var recallMarkers: Int64 = 0
    /// Queue offsets of pending entries, lowest first; taken ones are dropped lazily.
    private var offsetHeap = MinHeap<Int64>()
    private var takenOffsets: Set<Int64> = []
    /// One String per topic, shared by its entries.
    private var topicNames: Set<String> = []

    init(precision: Int64) {
        self.precision = precision
    }

    var count: Int64 { messages + recallMarkers }

    /// When the entry fires: the first multiple of the precision at or after its deliver time.
    func fireTime(ofSlot slot: Int64) -> Int64 { slot + precision }

    /// When the earliest pending entry fires, nil when none is pending.
    var nextFireTime: Int64? { slotHeap.min.map(fireTime(ofSlot:)) }

    /// The lowest timer-queue offset still pending, nil when none is.
    mutating func lowestPendingOffset() -> Int64? {
        while let top = offsetHeap.min, takenOffsets.remove(top) != nil { offsetHeap.removeMin() }
        return offsetHeap.min
    }

    mutating func insert(_ entry: TimerEntry) {
        var entry = entry
        entry.topic = topicNames.insert(entry.topic).memberAfterInsert
        if slots[entry.slot] == nil {
            slots[entry.slot] = [entry]
            slotHeap.insert(entry.slot)
        } else {
            slots[entry.slot]!.append(entry)
        }
        offsetHeap.insert(entry.queueOffset)
        count(entry, by: 1)
    }

    /// Removes and returns the entries firing at or before `now`, earliest slot first, each slot in queue
    /// order; at most about `limit` (whole slots).
    mutating func takeDue(now: Int64, limit: Int = .max) -> [TimerEntry] {
        var due: [TimerEntry] = []
        while due.count < limit, let slot = slotHeap.min, fireTime(ofSlot: slot) <= now {
            slotHeap.removeMin()
            let entries = (slots.removeValue(forKey: slot) ?? []).sorted { $0.queueOffset < $1.queueOffset }
            for e in entries {
                count(e, by: -1)
                takenOffsets.insert(e.queueOffset)
            }
            due += entries
        }
        return due
    }

    /// Pending counts per topic and minute of firing, earliest first: those of `topic` (all when nil) firing
    /// before `until` (all when nil).
    func bucketCounts(topic: String?, until: Int64?) -> [(key: BucketKey, count: BucketCount)] {
        buckets.filter { key, _ in
            (topic == nil || key.topic == topic) && (until == nil || key.minute < until!)
        }
        .map { (key: $0.key, count: $0.value) }
        .sorted { ($0.key.minute, $0.key.topic) < ($1.key.minute, $1.key.topic) }
    }

    /// Timer messages that will be delivered: pending messages less pending recalls (Apache's timerCongestNum,
    /// where a recall marker counts -1 in its slot).
    var congestion: Int64 { messages - recallMarkers }

    private mutating func count(_ e: TimerEntry, by delta: Int64) {
        let fire = fireTime(ofSlot: e.slot)
        let key = BucketKey(topic: e.topic, minute: fire - ((fire % 60_000) + 60_000) % 60_000)
        var c = buckets[key] ?? BucketCount()
        if e.isRecallMarker {
            c.recallMarkers += delta
            recallMarkers += delta
        } else {
            c.messages += delta
            messages += delta
        }
        buckets[key] = c.messages == 0 && c.recallMarkers == 0 ? nil : c
    }
}

/// A binary min-heap.
struct MinHeap<Element: Comparable & Sendable>: Sendable {
    private var items: [Element] = []

    var min: Element? { items.first }
    var count: Int { items.count }

    mutating func insert(_ element: Element) {
        items.append(element)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[i] < items[parent] else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    @discardableResult
    mutating func removeMin() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let min = items.removeLast()
        var i = 0
        while true {
            let left = 2 * i + 1
            let right = left + 1
            var smallest = i
            if left < items.count, items[left] < items[smallest] { smallest = left }
            if right < items.count, items[right] < items[smallest] { smallest = right }
            if smallest == i { break }
            items.swapAt(i, smallest)
            i = smallest
        }
        return min
    }
}

import MQProtocol
import NIOCore

/// Reads: consume-queue pulls, offsets and timestamps, lookups by commit-log offset and by key.
extension MessageStore {
    /// Entries scanned at most per pull when a filter rejects messages (Java: 16000 bytes of entries).
    static let maxScannedEntries = 800
    /// Largest commit-log range read in one pread when consecutive records are pulled together.
    static let maxCoalescedRead = 1024 * 1024

    /// Messages of a queue from `offset`, at most `maxCount` and (after the first) `maxBytes`, those
    /// whose tag code `filter` rejects skipped, then those whose stored record `recordFilter` rejects (a SQL92
    /// subscription reads the record's properties). Statuses and `nextBeginOffset` follow wire.md §7.4.
    /// An unknown queue is ``GetStatus/noMatchedLogicQueue``; an empty one ``GetStatus/noMessageInQueue``.
    public func getMessages(
        topic: String, queueId: Int32, offset: Int64, maxCount: Int, maxBytes: Int, filter: ((Int64) -> Bool)?,
        recordFilter: ((ByteBuffer) -> Bool)? = nil
    ) -> GetResult {
        guard let queue = queues.queue(topic, queueId) else {
            return GetResult(status: .noMatchedLogicQueue, nextBeginOffset: 0, minOffset: 0, maxOffset: 0)
        }
        let minOffset = queue.minOffset
        let maxOffset = queue.maxOffset
        func result(_ status: GetStatus, _ next: Int64, _ messages: [ByteBuffer] = []) -> GetResult {
            GetResult(status: status, nextBeginOffset: next, minOffset: minOffset, maxOffset: maxOffset,
                messages: messages)
        }
        if maxOffset == 0 { return result(.noMessageInQueue, 0) }
        if offset < minOffset { return result(.offsetTooSmall, minOffset) }
        if offset == maxOffset { return result(.offsetOverflowOne, offset) }
        if offset > maxOffset { return result(.offsetOverflowBadly, maxOffset) }

        let wanted = max(1, maxCount)
        let scanLimit = filter == nil && recordFilter == nil ? wanted : max(Self.maxScannedEntries, wanted)
        let commitLogMin = commitLog.minOffset
        var status = GetStatus.noMatchedMessage
        var next = offset
        var selected = [ConsumeQueueEntry]()
        var selectedRecords = [ByteBuffer]()
        var bytes = 0
        var scanned = 0
        scan: while scanned < scanLimit && next < maxOffset {
            var entries = queue.entries(from: next, maxCount: min(scanLimit - scanned, 256))
            if entries.isEmpty { break }
            // A record filter judges stored records: read this chunk's candidates first (consecutive records in
            // one pread), at most about 1 MiB of them at a time.
            var records: [ByteBuffer?] = []
            if recordFilter != nil {
                entries = Array(entries.prefix(Self.entriesWithin(Self.maxCoalescedRead, entries)))
                let live = { (e: ConsumeQueueEntry) in
                    !e.isHole && e.commitLogOffset >= commitLogMin && (filter?(e.tagsCode) ?? true)
                }
                records = readRecordsAligned(entries.filter(live))
                records.reverse()  // consumed from the end, in entry order
            }
            for entry in entries {
                if selected.count >= wanted { break scan }
                if !selected.isEmpty && bytes + Int(entry.size) > maxBytes { break scan }
                next += 1
                scanned += 1
                if entry.isHole {
                    if selected.isEmpty { status = .offsetFoundNull }
                    continue
                }
                if entry.commitLogOffset < commitLogMin { continue }  // removed by retention
                if let filter, !filter(entry.tagsCode) { continue }
                if let recordFilter {
                    guard let record = records.popLast() ?? nil, recordFilter(record) else { continue }
                    selectedRecords.append(record)
                }
                selected.append(entry)
                bytes += Int(entry.size)
            }
        }
        let messages = recordFilter == nil ? readRecords(selected) : selectedRecords
        if !messages.isEmpty { status = .found }
        return result(status, next, messages)
    }

    /// How many of `entries`, from the first, fit in `limit` bytes of records (at least one).
    static func entriesWithin(_ limit: Int, _ entries: [ConsumeQueueEntry]) -> Int {
        var total = 0
        for (i, e) in entries.enumerated() {
            total += Int(max(e.size, 0))
            if total > limit { return max(i, 1) }
        }
        return entries.count
    }

    /// Reads the records of `entries`, one pread per run of physically consecutive records; those that cannot
    /// be read are left out.
    func readRecords(_ entries: [ConsumeQueueEntry]) -> [ByteBuffer] {
        readRecordsAligned(entries).compactMap { $0 }
    }

    /// The records of `entries`, in their order, nil where one cannot be read.
    func readRecordsAligned(_ entries: [ConsumeQueueEntry]) -> [ByteBuffer?] {
        var out = [ByteBuffer?]()
        out.reserveCapacity(entries.count)
        var i = 0
        while i < entries.count {
            var j = i + 1
            var runEnd = entries[i].commitLogOffset + Int64(entries[i].size)
            while j < entries.count, entries[j].commitLogOffset == runEnd,
                runEnd + Int64(entries[j].size) - entries[i].commitLogOffset <= Int64(Self.maxCoalescedRead)
            {
                runEnd += Int64(entries[j].size)
                j += 1
            }
            let start = entries[i].commitLogOffset
            if j - i > 1, let run = commitLog.read(at: start, length: Int(runEnd - start)) {
                for e in entries[i..<j] {
                    let slice = run.getSlice(at: Int(e.commitLogOffset - start), length: Int(e.size))!
                    out.append(slice.getInteger(at: 0, as: Int32.self) == e.size ? slice : nil)
                }
            } else {
                // Single record, or the run crosses a segment: one read each.
                for e in entries[i..<j] {
                    let record = commitLog.read(at: e.commitLogOffset, length: Int(e.size))
                    out.append(record?.getInteger(at: 0, as: Int32.self) == e.size ? record : nil)
                }
            }
            i = j
        }
        return out
    }

    /// The next queue offset to be written (0 for an unknown queue).
    public func maxOffset(topic: String, queueId: Int32) -> Int64 {
        queues.queue(topic, queueId)?.maxOffset ?? 0
    }

    /// The first queue offset still readable (0 for an unknown queue).
    public func minOffset(topic: String, queueId: Int32) -> Int64 {
        queues.queue(topic, queueId)?.minOffset ?? 0
    }

    /// Store timestamp of the message at queue `offset`, nil if absent or removed.
    public func storeTime(topic: String, queueId: Int32, offset: Int64) -> Int64? {
        guard let entry = queues.queue(topic, queueId)?.entry(at: offset), !entry.isHole,
            entry.commitLogOffset >= commitLog.minOffset
        else { return nil }
        return commitLog.storeTimestamp(at: entry.commitLogOffset)
    }

    /// Store timestamp of the oldest message still in the queue.
    public func earliestStoreTime(topic: String, queueId: Int32) -> Int64? {
        guard let queue = queues.queue(topic, queueId) else { return nil }
        let (min, max) = (queue.minOffset, queue.maxOffset)
        guard min < max else { return nil }
        return storeTime(topic: topic, queueId: queueId, offset: min)
    }

    /// Queue offset by store time (binary search; store times grow along a queue):
    /// `.lower` = first offset stored at or after `timestamp` (max offset if none),
    /// `.upper` = last offset stored at or before it (min offset if none).
    public func searchOffset(topic: String, queueId: Int32, timestamp: Int64, boundary: BoundaryType) -> Int64 {
        guard let queue = queues.queue(topic, queueId) else { return 0 }
        let (min, max) = (queue.minOffset, queue.maxOffset)
        guard min < max else { return min }
        func time(_ offset: Int64) -> Int64 {
            storeTime(topic: topic, queueId: queueId, offset: offset) ?? .min
        }
        switch boundary {
        case .lower:
            var (low, high) = (min, max)
            while low < high {
                let mid = low + (high - low) / 2
                if time(mid) >= timestamp { high = mid } else { low = mid + 1 }
            }
            return low
        case .upper:
            // First offset stored after the timestamp, minus one.
            var (low, high) = (min, max)
            while low < high {
                let mid = low + (high - low) / 2
                if time(mid) > timestamp { high = mid } else { low = mid + 1 }
            }
            return Swift.max(min, low - 1)
        }
    }

    /// The whole record at commit-log `offset` (e.g. from an offset message id), nil if there is no
    /// record starting there or it was deleted.
    public func message(atCommitLogOffset offset: Int64) -> ByteBuffer? {
        guard offset >= commitLog.minOffset, let record = commitLog.readRecord(at: offset),
            record.getInteger(at: MessageRecord.physicalOffsetPosition, as: Int64.self) == offset
        else { return nil }
        return record
    }

    /// Messages of `topic` stored within [begin, end] whose UNIQ_KEY or one of whose KEYS is `key`,
    /// newest first, at most `maxCount`. Found through the key index and checked against each record.
    public func queryByKey(topic: String, key: String, maxCount: Int, begin: Int64, end: Int64) -> KeyQueryResult {
        let last = index.lastUpdate
        guard maxCount > 0, !key.isEmpty else {
            return KeyQueryResult(messages: [], lastUpdateTimestamp: last.timestamp,
                lastUpdatePhysicalOffset: last.offset)
        }
        let candidates = index.lookup(topic: topic, key: key, begin: begin, end: end, limit: maxCount * 2 + 32)
        var messages = [ByteBuffer]()
        for offset in candidates where messages.count < maxCount {
            guard let record = message(atCommitLogOffset: offset),
                let m = try? MessageDecoder.decode(record, at: 0, options: .init(readBody: false)),
                m.topic == topic, m.storeTimestamp >= begin, m.storeTimestamp <= end,
                m.properties.uniqueKey == key || m.keys.contains(key)
            else { continue }
            messages.append(record)
        }
        return KeyQueryResult(messages: messages, lastUpdateTimestamp: last.timestamp,
            lastUpdatePhysicalOffset: last.offset)
    }

    /// Queue ids of `topic` that exist (on disk, or created since the store opened).
    public func queueIds(topic: String) -> [Int32] {
        queues.queueIds(topic)
    }

    /// Topics that have consume queues.
    public var topics: [String] { queues.topics }

    /// Drops `topic`'s consume queues (its records stay in the commit log until retention). Under the put lock
    /// the queues are only detached and their directory renamed aside; the files are deleted after it.
    public func deleteTopic(_ topic: String) {
        let setAside = writeState.withLock { _ in queues.detach(topic) }
        queues.purge(setAside)
        housekeeping.withLock { $0.checkpointNeeded = true }
        // Record the deletion now, so a crash does not bring the queues back from the checkpoint.
        checkpoint(force: true)
    }
}

/// One consume-queue entry as admin tools see it (Apache's queryCq).
public struct ConsumeQueueUnit: Sendable, Equatable {
    public var queueOffset: Int64
    public var commitLogOffset: Int64
    public var size: Int32
    public var tagsCode: Int64
}

extension MessageStore {
    /// Up to `maxCount` consume-queue entries of a queue from queue offset `from` (holes skipped); nil when the
    /// broker has no such queue.
    public func consumeQueueUnits(topic: String, queueId: Int32, from: Int64, maxCount: Int) -> [ConsumeQueueUnit]? {
        guard let queue = queues.queue(topic, queueId) else { return nil }
        let start = max(from, queue.minOffset)
        return queue.entries(from: start, maxCount: maxCount).enumerated().compactMap { i, e in
            e.isHole
                ? nil
                : ConsumeQueueUnit(
                    queueOffset: start + Int64(i), commitLogOffset: e.commitLogOffset, size: e.size, tagsCode: e.tagsCode)
        }
    }
}

import MQProtocol
import NIOCore

/// Opening: validate the commit-log tail, cut a torn or corrupt end, bring consume queues and the
/// index in line with it, and re-dispatch what they miss.
extension MessageStore {
    /// Outcome of walking the commit log record by record.
    struct Walk {
        var end: Int64
        var records = 0
        /// First bad position and why, if the walk stopped early.
        var problem: (offset: Int64, reason: String)?
    }

    func recover() throws(StoreError) -> RecoveryReport {
        let started = monotonicNanos()
        var report = RecoveryReport()
        report.cleanShutdown = !FileSystem.exists(abortPath)
        let checkpoint: Checkpoint?
        do {
            checkpoint = try AtomicFile.read(checkpointPath, validate: { Checkpoint(bytes: $0) != nil })
                .flatMap(Checkpoint.init(bytes:))
        } catch {
            checkpoint = nil
            report.notes.append("checkpoint unreadable (\(error)); validating everything")
        }
        report.checkpointFound = checkpoint != nil
        try commitLog.load()
        // Queue directories of topics deleted just before a crash.
        queues.emptyTrash()
        do {
            report.notes += try queues.load()
            report.notes += try index.load()
        } catch {
            throw StoreError(error)
        }
        let commitLogMin = commitLog.minOffset
        let lastBase = commitLog.segments.last!.base

        // 1. Validate from a record boundary a little before the last checkpoint (the whole log without one).
        var walkFrom = commitLogMin
        var crcFrom = commitLogMin
        if let checkpoint, checkpoint.verifyFrom <= checkpoint.commitLogFlushed {
            walkFrom = max(checkpoint.verifyFrom, commitLogMin)
            // The anchor must lie inside the data that is there; else start at its segment (or the last one).
            if let segment = commitLog.segment(containing: walkFrom) {
                if walkFrom - segment.base > ((try? segment.file.size()) ?? 0) { walkFrom = segment.base }
            } else {
                walkFrom = lastBase
            }
            crcFrom = walkFrom
        }
        report.validatedFrom = walkFrom
        report.crcVerifiedFrom = crcFrom
        var walk = walkLog(from: walkFrom, crcFrom: crcFrom, visit: nil)
        report.validatedRecords = walk.records
        try cut(&walk, report: &report, flushed: checkpoint?.commitLogFlushed)
        var end = walk.end

        // 2. Nothing may point past the end.
        do {
            for queue in queues.all {
                report.consumeQueueEntriesTruncated += try queue.truncate(commitLogEnd: end)
                queue.correctMinOffset(commitLogMin: commitLogMin)
            }
            report.indexEntriesTruncated = try index.truncate(commitLogEnd: end)
        } catch {
            throw StoreError(error)
        }

        // 3. Re-dispatch what consume queues and index miss.
        let lastIndexed = index.lastIndexedOffset
        var queueStart = commitLogMin
        var indexStart = commitLogMin
        if let checkpoint, checkpoint.dispatched <= end {
            let lost = checkpoint.queueMaxOffsets.filter { key, max in
                (queues.queue(key.topic, key.queueId)?.maxOffset ?? 0) < max
            }
            if lost.isEmpty {
                queueStart = max(commitLogMin, checkpoint.dispatched)
            } else {
                report.notes.append("\(lost.count) consume queue(s) hold fewer entries than at the last checkpoint "
                    + "(e.g. \(lost.keys.first!.topic)/\(lost.keys.first!.queueId)); rebuilding from the commit log")
            }
            if lastIndexed >= checkpoint.indexedUpTo {
                indexStart = max(commitLogMin, checkpoint.dispatched)
            } else if lastIndexed >= commitLogMin {
                indexStart = lastIndexed
            }
        } else if checkpoint != nil {
            report.notes.append("the commit log ends at \(end), before the checkpoint's \(checkpoint!.dispatched)")
        } else if lastIndexed >= commitLogMin {
            indexStart = lastIndexed
        }
        if min(queueStart, indexStart) < end {
            report.consumeQueueRedispatchFrom = queueStart < end ? queueStart : nil
            report.indexRedispatchFrom = indexStart < end ? indexStart : nil
            var redispatch = walkLog(from: min(queueStart, indexStart), crcFrom: crcFrom) {
                (message, offset, size) throws(IOFailure) in
                report.redispatchedRecords += 1
                let (queued, indexed) = try self.redispatch(message, offset: offset, size: size,
                    queueStart: queueStart, indexAfter: max(indexStart - 1, lastIndexed))
                report.consumeQueueEntriesRebuilt += queued ? 1 : 0
                report.indexEntriesRebuilt += indexed
            }
            if redispatch.problem != nil {
                try cut(&redispatch, report: &report, flushed: checkpoint?.commitLogFlushed)
                end = redispatch.end
                do {
                    for queue in queues.all {
                        report.consumeQueueEntriesTruncated += try queue.truncate(commitLogEnd: end)
                    }
                    report.indexEntriesTruncated += try index.truncate(commitLogEnd: end)
                } catch {
                    throw StoreError(error)
                }
            }
        }

        // 4. Make the result durable and mark the store open (unclean until close()).
        do {
            try commitLog.setRecovered(end: end)
            for queue in queues.all { try queue.sync() }
            try index.flush()
        } catch {
            throw StoreError(error)
        }
        housekeeping.withLock { $0.anchors = [max(commitLogMin, min(walkFrom, end))] }
        self.checkpoint(force: true)
        if let failure = writeFailure {
            throw StoreError.io(operation: "recover", path: config.directory, reason: failure)
        }
        do {
            let marker = try DataFile.open(abortPath, create: true)
            try marker.sync()
            try FileSystem.syncDirectory(AtomicFile.parentDirectory(of: abortPath))
        } catch {
            throw StoreError(error)
        }
        report.segmentCount = commitLog.segments.count
        report.commitLogMinOffset = commitLog.minOffset
        report.commitLogMaxOffset = commitLog.writePosition
        report.durationSeconds = Double(monotonicNanos() - started) / 1e9
        if report.repairedAnything || !report.cleanShutdown {
            logger.warning("message store recovery", metadata: ["report": "\(report)"])
        }
        return report
    }

    /// Cuts the commit log where `walk` found a problem and records it in the report.
    /// Damage below `flushed` (the checkpoint's durable end) is not a torn tail but data that had been
    /// on disk: what is cut is set aside, never deleted.
    private func cut(_ walk: inout Walk, report: inout RecoveryReport, flushed: Int64?) throws(StoreError) {
        guard let problem = walk.problem else { return }
        let before = commitLog.segments.reduce(Int64(0)) { $0 + ((try? $1.file.size()) ?? 0) }
        let damage = flushed.map { problem.offset < $0 } ?? false
        do {
            let dropped = try commitLog.truncate(from: problem.offset, setAside: damage)
            if damage {
                report.setAside += dropped
                let note = "commit log damaged at \(problem.offset), inside data flushed up to \(flushed!): "
                    + "serving up to the damage; the rest was set aside (not deleted) in \(dropped) — restore the "
                    + "segments from a backup, or inspect and remove those files"
                report.notes.append(note)
                logger.error("\(note)")
            } else {
                report.deletedSegments += dropped
            }
        } catch {
            throw StoreError(error)
        }
        let after = commitLog.segments.reduce(Int64(0)) { $0 + ((try? $1.file.size()) ?? 0) }
        report.truncatedAt = min(report.truncatedAt ?? .max, problem.offset)
        report.truncatedBytes += before - after
        report.truncationReason = problem.reason
        walk.end = problem.offset
        walk.problem = nil
        logger.warning("commit log cut at \(problem.offset): \(problem.reason)")
    }

    /// Adds one recovered record to its consume queue and the index, skipping what they already have.
    private func redispatch(
        _ m: MessageExt, offset: Int64, size: Int, queueStart: Int64, indexAfter: Int64
    ) throws(IOFailure) -> (queued: Bool, indexed: Int) {
        let tran = MessageSysFlag.transactionValue(m.sysFlag)
        var queued = false
        var indexed = 0
        if offset >= queueStart && tran != MessageSysFlag.transactionPreparedType
            && tran != MessageSysFlag.transactionRollbackType
        {
            let entry = ConsumeQueueEntry(commitLogOffset: offset, size: Int32(size), tagsCode: tagsCode(of: m))
            queued = try queues.queueOrCreate(m.topic, m.queueId).append(queueOffset: m.queueOffset, entry: entry)
        }
        if offset > indexAfter && tran != MessageSysFlag.transactionRollbackType {
            var hashes = [UInt64]()
            if let unique = m.properties.uniqueKey, !unique.isEmpty {
                hashes.append(IndexService.hash(topic: m.topic, key: unique))
            }
            for key in m.keys { hashes.append(IndexService.hash(topic: m.topic, key: key)) }
            try index.add(keyHashes: hashes, commitLogOffset: offset, storeTimestamp: m.storeTimestamp)
            indexed = hashes.count
        }
        return (queued, indexed)
    }

    /// The consume-queue tag code of a stored message, as the broker computed it when storing:
    /// the delivery time for delayed messages, the timer slot (TIMER_OUT_MS) for timer messages, else the
    /// Java hash of TAGS.
    func tagsCode(of m: MessageExt) -> Int64 {
        if m.topic == StoreConfig.scheduleTopic,
            let level = m.properties[MessageConst.delayTimeLevel].flatMap(Int.init), level > 0
        {
            return m.storeTimestamp + settings.delayLevels.delay(ofLevel: level)
        }
        if m.topic == SystemTopics.timer, let slot = m.properties[MessageConst.timerOutMS].flatMap({ Int64($0) }) {
            return slot
        }
        return JavaHash.tagsCode(m.tags)
    }

    /// Walks records from `start` (a record boundary) to the end of the log, checking structure
    /// everywhere and CRCs from `crcFrom`, and calls `visit` for each record. Stops at the first
    /// problem: bad magic or size, a record crossing its segment, a torn record, a CRC mismatch.
    func walkLog(
        from start: Int64, crcFrom: Int64,
        visit: ((MessageExt, Int64, Int) throws(IOFailure) -> Void)?
    ) -> Walk {
        let segments = commitLog.segments
        let segmentSize = commitLog.segmentSize
        var walk = Walk(end: start)
        guard var index = segments.firstIndex(where: { start >= $0.base && start < $0.base + segmentSize }) else {
            walk.end = segments.last.map { $0.base } ?? 0
            return walk
        }
        var position = start
        let chunkSize = max(8 * 1024 * 1024, maxRecordSize + 16)
        while index < segments.count {
            let segment = segments[index]
            let segmentEnd = segment.base + segmentSize
            guard let fileSize = try? segment.file.size() else {
                walk.problem = (position, "cannot read \(segment.path)")
                return walk
            }
            let dataEnd = segment.base + min(fileSize, segmentSize)
            var chunk = ByteBuffer()
            var chunkStart = position
            var reachedBlank = false
            while position < dataEnd {
                // Make sure the chunk holds at least the record header.
                if position + 8 > chunkStart + Int64(chunk.readableBytes) {
                    guard dataEnd - position >= 8 else {
                        walk.problem = (position, "\(dataEnd - position) stray byte(s) at the end of \(segment.path)")
                        return walk
                    }
                    chunkStart = position
                    chunk = (try? segment.file.read(count: Int(min(Int64(chunkSize), dataEnd - position)),
                        at: position - segment.base)) ?? ByteBuffer()
                    guard chunk.readableBytes >= 8 else {
                        walk.problem = (position, "cannot read \(segment.path)")
                        return walk
                    }
                }
                let at = Int(position - chunkStart)
                switch MessageDecoder.peek(chunk, at: at) {
                case .blank(let size):
                    guard position + Int64(size) == segmentEnd else {
                        walk.problem = (position, "BLANK filler of \(size) bytes does not end its segment")
                        return walk
                    }
                    reachedBlank = true
                case .message(let size):
                    // No check against maxMessageSize: it may have been lowered since the record was written.
                    guard position + Int64(size) + CommitLog.blankReserve <= segmentEnd else {
                        walk.problem = (position, "record size \(size) is impossible here")
                        return walk
                    }
                    guard position + Int64(size) <= dataEnd else {
                        walk.problem = (position, "torn record: \(size) bytes announced, "
                            + "\(dataEnd - position) on disk")
                        return walk
                    }
                    if position + Int64(size) > chunkStart + Int64(chunk.readableBytes) {
                        chunkStart = position
                        let count = Int(min(Int64(max(chunkSize, size)), dataEnd - position))
                        chunk = (try? segment.file.read(count: count, at: position - segment.base)) ?? ByteBuffer()
                        guard chunk.readableBytes >= size else {
                            walk.problem = (position, "cannot read \(segment.path)")
                            return walk
                        }
                    }
                    let checkCRC = position >= crcFrom
                    if checkCRC || visit != nil {
                        let options = MessageDecoder.Options(readBody: false, verify: checkCRC)
                        do {
                            let at = Int(position - chunkStart)
                            let message = try MessageDecoder.decode(chunk, at: at, options: options)
                            guard message.commitLogOffset == position else {
                                walk.problem = (position, "record claims offset \(message.commitLogOffset)")
                                return walk
                            }
                            try visit?(message, position, size)
                        } catch let error as MessageDecodingError {
                            walk.problem = (position, "\(error)")
                            return walk
                        } catch {
                            walk.problem = (position, "re-dispatch failed: \(error)")
                            return walk
                        }
                    }
                    walk.records += 1
                    position += Int64(size)
                    walk.end = position
                case .invalid(let error):
                    walk.problem = (position, "\(error)")
                    return walk
                case .needMoreBytes:
                    walk.problem = (position, "unreadable record header")
                    return walk
                }
                if reachedBlank { break }
            }
            if reachedBlank {
                position = segmentEnd
                walk.end = segmentEnd
                index += 1
                continue
            }
            // The data of this segment ended without its filler: only the newest segment may do that.
            if index + 1 < segments.count {
                walk.problem = (position, "segment \(segment.path) ends at \(position) without a BLANK filler")
            }
            return walk
        }
        return walk
    }
}

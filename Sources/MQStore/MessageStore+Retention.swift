import Foundation

/// Retention: whole commit-log segments past their age go, and consume queues and the index follow.
extension MessageStore {
    /// Deletes non-active segments whose last write is older than `retentionHours` (oldest first,
    /// stopping at the first younger one), then consume-queue files and index files that only point
    /// below the new commit-log minimum. Also runs every `retentionIntervalMillis` by itself.
    public func runRetention(now: Date = Date()) {
        if writeState.withLock({ $0.closed }) { return }
        let nowMillis = Int64(now.timeIntervalSince1970 * 1000)
        let cutoff = nowMillis - Int64(settings.retentionHours * 3_600_000)
        let deleted = commitLog.deleteOldestSegments { segment in
            (FileSystem.modificationTime(segment.path) ?? .max) < cutoff
        }
        guard !deleted.isEmpty else { return }
        let minOffset = commitLog.minOffset
        var queueFiles = 0
        for queue in queues.all { queueFiles += queue.deleteBelow(commitLogMin: minOffset) }
        let indexFiles = index.deleteBelow(commitLogMin: minOffset)
        housekeeping.withLock { $0.checkpointNeeded = true }
        logger.info("retention deleted old data", metadata: [
            "segments": "\(deleted.count)", "commitLogMinOffset": "\(minOffset)",
            "consumeQueueFiles": "\(queueFiles)", "indexFiles": "\(indexFiles)",
        ])
    }
}

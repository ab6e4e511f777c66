import Foundation
import MQProtocol

/// Retention: whole commit-log segments past their age go, and consume queues and the index follow.
extension MessageStore {
    /// Deletes non-active segments whose last write is older than `retentionHours` (oldest first,
    /// stopping at the first younger one), then consume-queue files and index files that only point
    /// below the new commit-log minimum. Also runs every `retentionIntervalMillis` by itself, and on
    /// DELETE_EXPIRED_COMMITLOG. Reports the segments deleted (its `topics` stay empty).
    @discardableResult
    public func runRetention(now: Date = Date()) -> CleanupReport {
        if writeState.withLock({ $0.closed }) { return CleanupReport() }
        let nowMillis = Int64(now.timeIntervalSince1970 * 1000)
        let cutoff = nowMillis - Int64(settings.retentionHours * 3_600_000)
        var bytes: Int64 = 0
        let deleted = commitLog.deleteOldestSegments { segment in
            let expired = (FileSystem.modificationTime(segment.path) ?? .max) < cutoff
            if expired { bytes += FileSystem.size(segment.path) }
            return expired
        }
        guard !deleted.isEmpty else { return CleanupReport() }
        let minOffset = commitLog.minOffset
        var queueFiles = 0
        for queue in queues.all { queueFiles += queue.deleteBelow(commitLogMin: minOffset) }
        let indexFiles = index.deleteBelow(commitLogMin: minOffset)
        housekeeping.withLock { $0.checkpointNeeded = true }
        logger.info("retention deleted old data", metadata: [
            "segments": "\(deleted.count)", "commitLogMinOffset": "\(minOffset)",
            "consumeQueueFiles": "\(queueFiles)", "indexFiles": "\(indexFiles)",
        ])
        return CleanupReport(files: deleted.count, bytes: bytes)
    }
}

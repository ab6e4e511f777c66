/// What opening the store found and repaired; also logged.
public struct RecoveryReport: Sendable, CustomStringConvertible {
    /// The previous run closed the store cleanly (no `abort` marker).
    public var cleanShutdown = true
    /// A valid checkpoint was found.
    public var checkpointFound = false
    /// Commit-log segments on disk after recovery.
    public var segmentCount = 0
    /// Commit-log start after recovery.
    public var commitLogMinOffset: Int64 = 0
    /// Commit-log end (next write position) after recovery.
    public var commitLogMaxOffset: Int64 = 0
    /// Where record-by-record validation started.
    public var validatedFrom: Int64 = 0
    /// Records walked by validation.
    public var validatedRecords = 0
    /// Records from here on had their body CRC and `__CRC32#` slot checked.
    public var crcVerifiedFrom: Int64 = 0
    /// The commit log was cut at this offset (a torn or corrupt tail), if it was.
    public var truncatedAt: Int64?
    /// Bytes dropped from the commit log.
    public var truncatedBytes: Int64 = 0
    /// Why it was cut.
    public var truncationReason: String?
    /// Segment files deleted because they lay past the cut.
    public var deletedSegments: [String] = []
    /// Files holding data cut at damage below the checkpoint (`.damaged` segments, `.cut-<offset>` tails).
    public var setAside: [String] = []
    /// Consume-queue entries dropped because they pointed past the commit-log end.
    public var consumeQueueEntriesTruncated = 0
    /// Index entries dropped because they pointed past the commit-log end.
    public var indexEntriesTruncated = 0
    /// Commit-log offset consume queues were re-dispatched from, if they were.
    public var consumeQueueRedispatchFrom: Int64?
    /// Commit-log offset the index was re-dispatched from, if it was.
    public var indexRedispatchFrom: Int64?
    /// Records read during re-dispatch.
    public var redispatchedRecords = 0
    /// Consume-queue entries added by re-dispatch.
    public var consumeQueueEntriesRebuilt = 0
    /// Index entries added by re-dispatch.
    public var indexEntriesRebuilt = 0
    /// Other findings (unreadable files set aside, lost queues, ...).
    public var notes: [String] = []
    /// Wall time spent, in seconds.
    public var durationSeconds: Double = 0

    /// Whether recovery had to drop or rebuild anything.
    public var repairedAnything: Bool {
        truncatedAt != nil || consumeQueueEntriesTruncated > 0 || indexEntriesTruncated > 0
            || consumeQueueEntriesRebuilt > 0 || indexEntriesRebuilt > 0 || !notes.isEmpty
    }

    public var description: String {
        var parts = [
            "\(cleanShutdown ? "clean" : "unclean") shutdown",
            "commit log [\(commitLogMinOffset), \(commitLogMaxOffset)) in \(segmentCount) segment(s)",
            "validated \(validatedRecords) record(s) from \(validatedFrom) (CRC from \(crcVerifiedFrom))",
        ]
        if !checkpointFound { parts.append("no checkpoint") }
        if let truncatedAt {
            parts.append("cut commit log at \(truncatedAt), dropping \(truncatedBytes) byte(s): "
                + (truncationReason ?? "?"))
        }
        if !deletedSegments.isEmpty { parts.append("deleted segments \(deletedSegments)") }
        if consumeQueueEntriesTruncated > 0 {
            parts.append("dropped \(consumeQueueEntriesTruncated) consume-queue entr(y/ies) past the end")
        }
        if indexEntriesTruncated > 0 { parts.append("dropped \(indexEntriesTruncated) index entr(y/ies) past the end") }
        if redispatchedRecords > 0 {
            parts.append("re-dispatched \(redispatchedRecords) record(s): \(consumeQueueEntriesRebuilt) consume-queue "
                + "and \(indexEntriesRebuilt) index entr(y/ies) rebuilt")
        }
        parts += notes
        parts.append(String(format3(durationSeconds)) + " s")
        return parts.joined(separator: "; ")
    }

    private func format3(_ v: Double) -> String {
        let ms = Int((v * 1000).rounded())
        return "\(ms / 1000).\(String(repeating: "0", count: 3 - String(ms % 1000).count))\(ms % 1000)"
    }
}

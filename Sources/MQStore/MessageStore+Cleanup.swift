#if canImport(Glibc)
import Glibc
#endif
import MQProtocol

/// Clean-ups an admin runs now, rather than waiting for retention. Each deletes files: call them off the
/// event loops (the broker runs them on its admin thread).
extension MessageStore {
    /// Deletes the consume queues of every topic `keep` rejects (a topic the broker's topic table no longer
    /// has), as DELETE_TOPIC would have. Their messages stay in the commit log until retention removes them.
    public func cleanUnusedTopics(keep: (String) -> Bool) -> CleanupReport {
        var report = CleanupReport()
        for topic in topics.sorted() where !keep(topic) {
            let (files, bytes) = FileSystem.treeUsage(queues.root + "/" + topic)
            deleteTopic(topic)
            report.topics.append(topic)
            report.files += files
            report.bytes += bytes
        }
        return report
    }

    /// Deletes every consume-queue file whose entries all point below the commit log's first offset (their
    /// messages are gone), never a queue's newest file.
    public func cleanExpiredConsumeQueues() -> CleanupReport {
        let minOffset = commitLog.minOffset
        var report = CleanupReport()
        var touched = Set<String>()
        for queue in queues.all {
            let deleted = queue.deleteBelow(commitLogMin: minOffset)
            guard deleted > 0 else { continue }
            touched.insert(queue.topic)
            report.files += deleted
            report.bytes += Int64(deleted) * queue.fileSize
        }
        report.topics = touched.sorted()
        if report.files > 0 { housekeeping.withLock { $0.checkpointNeeded = true } }
        return report
    }
}

extension FileSystem {
    /// Regular files under `path` and the bytes they hold; (0, 0) when it is missing.
    static func treeUsage(_ path: String) -> (files: Int, bytes: Int64) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return (0, 0) }
        if (st.st_mode & S_IFMT) == S_IFREG { return (1, Int64(st.st_size)) }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { return (0, 0) }
        var total = (files: 0, bytes: Int64(0))
        for name in list(path) {
            let sub = treeUsage(path + "/" + name)
            total.files += sub.files
            total.bytes += sub.bytes
        }
        return total
    }

    /// The size of a regular file in bytes; 0 when it is missing.
    static func size(_ path: String) -> Int64 {
        var st = stat()
        return stat(path, &st) == 0 ? Int64(st.st_size) : 0
    }
}

import Testing

@testable import MQStore

/// A consume-queue file deleted by retention before the next flush is not reopened by that flush (it used to be:
/// the flush failed with "No such file or directory" and the store stopped accepting writes).
@Suite struct ConsumeQueueRetentionTests {
    @Test func aFileDeletedBeforeTheFlushIsNotSynced() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let queue = ConsumeQueue(topic: "T", queueId: 0, directory: dir.path + "/cq", entriesPerFile: 4)
        // Two files' worth of entries, written (dirty) but not synced; the first file all below commit-log offset 40.
        for i in Int64(0)..<8 {
            try queue.append(queueOffset: i, entry: ConsumeQueueEntry(commitLogOffset: i * 10, size: 10, tagsCode: 0))
        }
        try queue.writePending()
        #expect(queue.deleteBelow(commitLogMin: 40) == 1)
        try queue.sync()
        #expect(queue.minOffset == 4)
    }
}

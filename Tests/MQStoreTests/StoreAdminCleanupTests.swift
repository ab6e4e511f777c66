import Foundation
import MQProtocol
import Testing

@testable import MQStore

/// The admin clean-ups (DELETE_EXPIRED_COMMITLOG, CLEAN_EXPIRED_CONSUMEQUEUE, CLEAN_UNUSED_TOPIC): what each
/// removes from disk and what it reports.
@Suite("Message store: admin clean-ups")
struct StoreAdminCleanupTests {
    /// A store of 1200 messages over two queues: 64 KiB segments, 64 consume-queue entries per file.
    static func filled(_ dir: TempDirectory) throws -> MessageStore {
        var config = StoreFixtures.config(dir)
        config.settings.retentionHours = 1
        config.settings.retentionIntervalMillis = 3_600_000  // only on demand here
        let store = try StoreFixtures.open(config)
        for i in 0..<1200 { _ = store.put(StoreFixtures.message(i, queueId: Int32(i % 2))) }
        store.flush()
        return store
    }

    @Test func expiredCommitLogReportsTheSegmentsItDeleted() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let store = try Self.filled(dir)
        defer { store.close() }
        let segments = StoreFixtures.files(dir.store + "/commitlog")
        #expect(store.runRetention() == CleanupReport(), "nothing is past the retention time yet")
        let old = time(nil) - 7200
        var times = [timeval(tv_sec: old, tv_usec: 0), timeval(tv_sec: old, tv_usec: 0)]
        for name in segments.prefix(2) { #expect(utimes(dir.store + "/commitlog/" + name, &times) == 0) }
        // The bytes the files held on disk (a segment ends where its last whole message did).
        let held = try segments.prefix(2).reduce(Int64(0)) { sum, name in
            let attributes = try FileManager.default.attributesOfItem(atPath: dir.store + "/commitlog/" + name)
            return sum + ((attributes[.size] as? NSNumber)?.int64Value ?? 0)
        }
        #expect(held > 64 * 1024)
        let report = store.runRetention()
        #expect(report == CleanupReport(topics: [], files: 2, bytes: held))
        #expect(StoreFixtures.files(dir.store + "/commitlog").count == segments.count - 2)
    }

    @Test func expiredConsumeQueueFilesBelowTheCommitLogGo() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let store = try Self.filled(dir)
        defer { store.close() }
        // Segments gone without their queues following (as when a broker stopped between the two).
        #expect(store.commitLog.deleteOldestSegments { $0.base < 3 * 64 * 1024 }.count == 3)
        let queue0 = dir.store + "/consumequeue/TopicTest/0"
        let before = StoreFixtures.files(queue0).count
        let report = store.cleanExpiredConsumeQueues()
        #expect(report.topics == ["TopicTest"])
        #expect(report.files > 0 && report.bytes == Int64(report.files) * 64 * 20)
        #expect(StoreFixtures.files(queue0).count < before)
        #expect(!StoreFixtures.files(queue0).contains(OffsetName.format(0)))
        let min = store.minOffset(topic: "TopicTest", queueId: 0)
        let first = store.getMessages(topic: "TopicTest", queueId: 0, offset: min, maxCount: 1, maxBytes: 1 << 20,
            filter: nil)
        #expect(first.status == .found)
        #expect(store.cleanExpiredConsumeQueues() == CleanupReport(), "a second run finds nothing")
    }

    @Test func unusedTopicsLoseTheirConsumeQueues() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let store = try Self.filled(dir)
        defer { store.close() }
        _ = store.put(StoreFixtures.message(9999, topic: "Kept"))
        store.flush()
        let report = store.cleanUnusedTopics { $0 == "Kept" }
        #expect(report.topics == ["TopicTest"])
        #expect(report.files >= 2 && report.bytes > 0)
        #expect(!FileManager.default.fileExists(atPath: dir.store + "/consumequeue/TopicTest"))
        #expect(FileManager.default.fileExists(atPath: dir.store + "/consumequeue/Kept"))
        #expect(store.topics == ["Kept"])
    }
}

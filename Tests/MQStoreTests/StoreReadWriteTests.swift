import Foundation
import MQProtocol
import NIOCore
import Testing

@testable import MQStore

@Suite("Message store: write, reopen, read")
struct StoreReadWriteTests {
    @Test func writeAcrossSegmentsReopenAndReadEverything() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let config = StoreFixtures.config(dir)
        var physical = [Int: Int64]()
        var stored = [Int: Int64]()
        let n = 1000
        do {
            let store = try StoreFixtures.open(config)
            for i in 0..<n {
                let r = store.put(StoreFixtures.message(i, queueId: Int32(i % 2), storeTimestamp: 1_000_000 + Int64(i)))
                #expect(r.status == .ok)
                #expect(r.queueOffset == Int64(i / 2))
                let id = MessageId.encode(storeHost: StoreFixtures.storeHost, offset: r.physicalOffset)
                #expect(r.offsetMsgIds == [id])
                #expect(r.uniqueKeys == [StoreFixtures.uniqueKey(i)])
                physical[i] = r.physicalOffset
                stored[i] = r.storeTimestamp
            }
            #expect(store.commitLog.segments.count >= 4)
            store.close()
        }
        let segments = StoreFixtures.files(dir.store + "/commitlog")
        #expect(segments.first == "00000000000000000000")
        #expect(segments.contains(OffsetName.format(64 * 1024)))

        let store = try StoreFixtures.open(config)
        defer { store.close() }
        #expect(store.recoveryReport.cleanShutdown)
        #expect(store.recoveryReport.truncatedAt == nil)
        #expect(store.maxOffset(topic: "TopicTest", queueId: 0) == Int64(n / 2))
        #expect(store.maxOffset(topic: "TopicTest", queueId: 1) == Int64(n / 2))
        #expect(store.minOffset(topic: "TopicTest", queueId: 0) == 0)
        #expect(store.maxOffset(topic: "Nope", queueId: 0) == 0)
        #expect(store.queueIds(topic: "TopicTest") == [0, 1])

        // By queue offset, in pages.
        for queueId: Int32 in [0, 1] {
            var offset: Int64 = 0
            var seen = 0
            while true {
                let r = store.getMessages(topic: "TopicTest", queueId: queueId, offset: offset, maxCount: 32,
                    maxBytes: 1 << 20, filter: nil)
                if r.status == .offsetOverflowOne { break }
                #expect(r.status == .found)
                for record in r.messages {
                    let m = try StoreFixtures.decode(record)
                    let i = Int(m.flag)
                    #expect(i % 2 == Int(queueId))
                    #expect(m.queueOffset == Int64(i / 2) && m.commitLogOffset == physical[i])
                    #expect(String(buffer: m.body).hasPrefix("body-\(i)-"))
                    #expect(m.storeTimestamp == stored[i] && m.storeHost == StoreFixtures.storeHost)
                    #expect(m.properties[MessageConst.crc32] != nil)
                    seen += 1
                }
                offset = r.nextBeginOffset
            }
            #expect(seen == n / 2)
        }
        // By commit-log offset and by key.
        for i in stride(from: 0, to: n, by: 37) {
            let record = try #require(store.message(atCommitLogOffset: physical[i]!))
            #expect(try StoreFixtures.decode(record).flag == Int32(i))
            let byKey = store.queryByKey(topic: "TopicTest", key: "k\(i)", maxCount: 10, begin: 0, end: .max)
            #expect(byKey.messages.count == 1)
            #expect(try byKey.messages.first.map { try StoreFixtures.decode($0).flag } == Int32(i))
            let byUnique = store.queryByKey(topic: "TopicTest", key: StoreFixtures.uniqueKey(i), maxCount: 10,
                begin: 0, end: .max)
            #expect(byUnique.messages.count == 1)
        }
        #expect(store.message(atCommitLogOffset: physical[5]! + 1) == nil)
        #expect(store.message(atCommitLogOffset: store.commitLogMaxOffset + 100) == nil)
        // Many messages share a key: newest first, capped.
        let common = store.queryByKey(topic: "TopicTest", key: "common", maxCount: 50, begin: 0, end: .max)
        #expect(common.messages.count == 50)
        let flags = try common.messages.map { try StoreFixtures.decode($0).flag }
        #expect(flags == flags.sorted(by: >) && flags.first == Int32(n - 1))
        #expect(common.lastUpdatePhysicalOffset == physical[n - 1])
        // Wrong topic or a time window that excludes it: nothing.
        #expect(store.queryByKey(topic: "Other", key: "k3", maxCount: 5, begin: 0, end: .max).messages.isEmpty)
        #expect(store.queryByKey(topic: "TopicTest", key: "k3", maxCount: 5, begin: 0, end: 1_000_000).messages.isEmpty)
        #expect(store.queryByKey(topic: "TopicTest", key: "k3", maxCount: 5, begin: 1_000_003, end: 1_000_003)
            .messages.count == 1)
    }

    @Test func timestampsSearchAndFilters() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let store = try StoreFixtures.open(StoreFixtures.config(dir))
        defer { store.close() }
        // Store times 1000, 1010, 1020, ... (two messages per timestamp from i=10 on).
        for i in 0..<40 {
            let ts = 1000 + Int64(min(i, 10 + (i - 10) / 2) * 10)
            #expect(store.put(StoreFixtures.message(i, storeTimestamp: ts)).status == .ok)
        }
        #expect(store.earliestStoreTime(topic: "TopicTest", queueId: 0) == 1000)
        #expect(store.storeTime(topic: "TopicTest", queueId: 0, offset: 3) == 1030)
        #expect(store.storeTime(topic: "TopicTest", queueId: 0, offset: 40) == nil)
        #expect(store.earliestStoreTime(topic: "TopicTest", queueId: 5) == nil)
        let search = { (ts: Int64, b: BoundaryType) in
            store.searchOffset(topic: "TopicTest", queueId: 0, timestamp: ts, boundary: b)
        }
        #expect(search(1030, .lower) == 3)
        #expect(search(1030, .upper) == 3)
        #expect(search(1035, .lower) == 4)
        #expect(search(1035, .upper) == 3)
        #expect(search(1110, .lower) == 12)  // first of the pair stored at 1110
        #expect(search(1110, .upper) == 13)  // last of the pair
        #expect(search(0, .lower) == 0)
        #expect(search(0, .upper) == 0)
        #expect(search(99_999, .lower) == 40)
        #expect(search(99_999, .upper) == 39)
        #expect(store.searchOffset(topic: "None", queueId: 0, timestamp: 5, boundary: .lower) == 0)

        // Tag filter on the consume-queue tag code.
        let tagA = Int64(JavaHash.hashCode("TagA"))
        let r = store.getMessages(topic: "TopicTest", queueId: 0, offset: 0, maxCount: 100, maxBytes: 1 << 20,
            filter: { $0 == tagA })
        #expect(r.status == .found && r.messages.count == 20 && r.nextBeginOffset == 40)
        #expect(try r.messages.allSatisfy { try StoreFixtures.decode($0).tags == "TagA" })
        let none = store.getMessages(topic: "TopicTest", queueId: 0, offset: 0, maxCount: 10, maxBytes: 1 << 20,
            filter: { _ in false })
        #expect(none.status == .noMatchedMessage && none.messages.isEmpty && none.nextBeginOffset == 40)
        // Byte limit: the first message always comes, then stop before exceeding.
        let one = store.getMessages(topic: "TopicTest", queueId: 0, offset: 5, maxCount: 10, maxBytes: 10, filter: nil)
        #expect(one.status == .found && one.messages.count == 1 && one.nextBeginOffset == 6)
        let size = one.messages[0].readableBytes
        let three = store.getMessages(topic: "TopicTest", queueId: 0, offset: 5, maxCount: 10, maxBytes: size * 3,
            filter: nil)
        #expect(three.messages.count == 3 && three.nextBeginOffset == 8)
    }

    @Test func getStatusTable() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let store = try StoreFixtures.open(StoreFixtures.config(dir))
        defer { store.close() }
        let unknown = store.getMessages(topic: "T", queueId: 0, offset: 5, maxCount: 1, maxBytes: 100, filter: nil)
        #expect(unknown.status == .noMatchedLogicQueue && unknown.nextBeginOffset == 0)
        for i in 0..<5 { #expect(store.put(StoreFixtures.message(i, topic: "T")).status == .ok) }
        let get = { (offset: Int64) in
            store.getMessages(topic: "T", queueId: 0, offset: offset, maxCount: 32, maxBytes: 1 << 20, filter: nil)
        }
        let found = get(2)
        #expect(found.status == .found && found.messages.count == 3 && found.nextBeginOffset == 5)
        #expect(found.minOffset == 0 && found.maxOffset == 5)
        let one = get(5)
        #expect(one.status == .offsetOverflowOne && one.nextBeginOffset == 5)
        let badly = get(9)
        #expect(badly.status == .offsetOverflowBadly && badly.nextBeginOffset == 5)
        #expect(GetStatus.offsetTooSmall.rawValue == "OFFSET_TOO_SMALL")
        // A queue that exists but has nothing yet.
        _ = store.queues.queueOrCreate("Empty", 0)
        let empty = store.getMessages(topic: "Empty", queueId: 0, offset: 3, maxCount: 1, maxBytes: 100, filter: nil)
        #expect(empty.status == .noMessageInQueue && empty.nextBeginOffset == 0)
    }

    @Test func batchV2TopicIPv6AndCRCSlot() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        var config = StoreFixtures.config(dir)
        config.storeHost = try #require(HostAddress("[2001:db8::10]:10911"))
        let store = try StoreFixtures.open(config)
        defer { store.close() }
        let longTopic = String(repeating: "L", count: 200)
        var batch = (0..<5).map { StoreFixtures.message($0, topic: longTopic, queueId: 3) }
        batch[1].bornHost = try #require(HostAddress("[fe80::1]:5555"))
        let r = store.putBatch(batch)
        #expect(r.status == .ok && r.queueOffset == 0 && r.offsetMsgIds.count == 5)
        #expect(r.offsetMsgIds.allSatisfy { $0.count == 56 })
        #expect(r.endOffset > r.physicalOffset)
        let again = store.putBatch(Array(batch.prefix(2)))
        #expect(again.queueOffset == 5 && again.physicalOffset == r.endOffset)
        let got = store.getMessages(topic: longTopic, queueId: 3, offset: 0, maxCount: 32, maxBytes: 1 << 20,
            filter: nil)
        #expect(got.messages.count == 7)
        for (n, record) in got.messages.enumerated() {
            #expect(record.getInteger(at: 4, as: UInt32.self) == MessageRecord.magicV2)
            #expect(MessageRecord.hasCRCSlot(record, at: record.readerIndex))
            let m = try StoreFixtures.decode(record)
            #expect(m.topic == longTopic && m.queueOffset == Int64(n) && m.queueId == 3)
            #expect(m.storeHost == config.storeHost && m.offsetMsgId.count == 56)
            #expect(m.bornHost.isIPv6 == (n == 1 || n == 6))
            let decoded = try MessageId.decode(m.offsetMsgId)
            #expect(decoded.offset == m.commitLogOffset)
        }
        // Without the slot option the records carry no __CRC32#.
        store.close()
        config.settings.appendRecordCRC = false
        let plain = try StoreFixtures.open(config)
        defer { plain.close() }
        let p = plain.put(StoreFixtures.message(9, topic: "Plain"))
        let record = try #require(plain.message(atCommitLogOffset: p.physicalOffset))
        #expect(!MessageRecord.hasCRCSlot(record, at: 0))
        #expect(try StoreFixtures.decode(record).properties[MessageConst.crc32] == nil)
    }

    @Test func illegalMessagesAreRejected() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        var config = StoreFixtures.config(dir)
        config.settings.maxMessageSize = 1000
        let store = try StoreFixtures.open(config)
        defer { store.close() }
        func illegal(_ r: PutResult) -> Bool {
            if case .messageIllegal = r.status { return true }
            return false
        }
        #expect(illegal(store.put(StoreFixtures.message(1, bodySize: 1001))))
        #expect(store.put(StoreFixtures.message(1, bodySize: 1000)).status == .ok)
        #expect(illegal(store.putBatch((0..<3).map { StoreFixtures.message($0, bodySize: 400) })))
        #expect(illegal(store.putBatch([])))
        #expect(illegal(store.putBatch([StoreFixtures.message(1), StoreFixtures.message(2, queueId: 1)])))
        #expect(illegal(store.put(StoreFixtures.message(1, topic: ""))))
        #expect(illegal(store.put(StoreFixtures.message(1, topic: "a/b"))))
        #expect(illegal(store.put(StoreFixtures.message(1, queueId: -1))))
        var huge = StoreFixtures.message(1)
        huge.properties["big"] = String(repeating: "p", count: 40_000)
        #expect(illegal(store.put(huge)))
        // Nothing illegal reached the log.
        #expect(store.maxOffset(topic: "TopicTest", queueId: 0) == 1)
    }

    @Test func unusableDirectoryGivesHelpfulError() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let blocker = dir.path + "/file"
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let config = StoreConfig(directory: blocker + "/store", storeHost: StoreFixtures.storeHost)
        do {
            _ = try MessageStore(config: config, logger: StoreFixtures.quiet)
            Issue.record("opening under a regular file should fail")
        } catch let error as StoreError {
            guard case .directoryNotUsable(let path, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == blocker + "/store")
            #expect(error.description.contains("not writable"))
            #expect(error.description.contains("--data DIR"))
        }
        if getuid() != 0 {
            // Permission bits only stop non-root users.
            let locked = dir.path + "/locked"
            try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false,
                attributes: [.posixPermissions: 0o500])
            defer { chmod(locked, 0o700) }
            #expect(throws: StoreError.self) {
                try MessageStore(config: StoreConfig(directory: locked + "/s", storeHost: StoreFixtures.storeHost),
                    logger: StoreFixtures.quiet)
            }
        }
        #expect(throws: StoreError.self) {
            var bad = StoreFixtures.config(dir)
            bad.settings.segmentSize = 100
            _ = try MessageStore(config: bad, logger: StoreFixtures.quiet)
        }
    }

    @Test func filesAndDirectoriesArePrivate() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let store = try StoreFixtures.open(StoreFixtures.config(dir))
        _ = store.put(StoreFixtures.message(1))
        store.close()
        func mode(_ path: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? -1
        }
        #expect(mode(dir.store) == 0o700)
        #expect(mode(dir.store + "/commitlog") == 0o700)
        #expect(mode(dir.store + "/commitlog/00000000000000000000") == 0o600)
        #expect(mode(dir.store + "/consumequeue/TopicTest/0/00000000000000000000") == 0o600)
        #expect(mode(dir.store + "/checkpoint") == 0o600)
        #expect(!FileManager.default.fileExists(atPath: dir.store + "/abort"))
    }

    @Test func dispatchCallbackAndDeleteTopic() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let store = try StoreFixtures.open(StoreFixtures.config(dir))
        defer { store.close() }
        let seen = DispatchLog()
        store.onDispatch = { seen.add($0) }
        _ = store.putBatch((0..<3).map { StoreFixtures.message($0, topic: "Gone", queueId: 2) })
        _ = store.put(StoreFixtures.message(7, topic: "Kept"))
        let events = seen.all
        #expect(events.map(\.queueOffset) == [0, 1, 2, 0])
        #expect(events[0].topic == "Gone" && events[0].queueId == 2 && events[0].tagsCode == JavaHash.tagsCode("TagA"))
        store.deleteTopic("Gone")
        #expect(store.queueIds(topic: "Gone").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.store + "/consumequeue/Gone"))
        #expect(store.getMessages(topic: "Gone", queueId: 2, offset: 0, maxCount: 1, maxBytes: 100, filter: nil)
            .status == .noMatchedLogicQueue)
        #expect(store.maxOffset(topic: "Kept", queueId: 0) == 1)
    }
}

extension StoreReadWriteTests {
    /// Deleting a topic renames its queue directory aside under the put lock and deletes the files after it:
    /// nothing is left, a put right after starts the topic afresh, and a crash-left trash goes at open.
    @Test func deleteTopicSetsFilesAsideThenDeletesThem() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let config = StoreFixtures.config(dir)
        do {
            let store = try StoreFixtures.open(config)
            for i in 0..<200 { _ = store.put(StoreFixtures.message(i, topic: "Gone", queueId: Int32(i % 4))) }
            store.flush()
            #expect(FileManager.default.fileExists(atPath: dir.store + "/consumequeue/Gone/3"))
            store.deleteTopic("Gone")
            #expect(!FileManager.default.fileExists(atPath: dir.store + "/consumequeue/Gone"))
            #expect(StoreFixtures.files(dir.store + "/consumequeue.deleted").isEmpty)
            #expect(store.put(StoreFixtures.message(500, topic: "Gone", queueId: 1)).queueOffset == 0)
            store.close()
        }
        // As if a crash came between the rename and the delete.
        let leftover = dir.store + "/consumequeue.deleted/Old-1/0"
        try FileManager.default.createDirectory(atPath: leftover, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: leftover + "/00000000000000000000", contents: Data([1])))
        let store = try StoreFixtures.open(config)
        defer { store.close() }
        #expect(!FileManager.default.fileExists(atPath: dir.store + "/consumequeue.deleted"))
        #expect(store.queueIds(topic: "Gone") == [1])
        #expect(store.maxOffset(topic: "Gone", queueId: 1) == 1)
        #expect(store.topics.allSatisfy { $0 != "Old-1" })
    }
}

/// Thread-safe collector for dispatch callbacks.
final class DispatchLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [DispatchedMessage] = []
    func add(_ e: DispatchedMessage) { lock.withLock { events.append(e) } }
    var all: [DispatchedMessage] { lock.withLock { events } }
}

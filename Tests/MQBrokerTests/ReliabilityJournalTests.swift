import Foundation
import Logging
import MQTestSupport
import Testing

@testable import MQBroker

/// The consumer-offset journal on its own: replay, compaction, removals, torn tails.
@Suite(.serialized) struct ReliabilityJournalTests {
    static var logger: Logger {
        var l = Logger(label: "journal-test")
        l.logLevel = .critical
        return l
    }

    func journals(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasPrefix(OffsetJournal.prefix) }.sorted()
    }

    @Test func commitsWithoutASnapshotAreReplayed() throws {
        let dir = try TempDirectory("journal")
        defer { dir.remove() }
        let path = dir.sub("consumerOffset.json")
        let m = try ConsumerOffsetManager(path: path, logger: Self.logger)
        m.commit(group: "g", topic: "T", queueId: 0, offset: 5)
        m.commit(group: "g", topic: "T", queueId: 0, offset: 9)
        m.commit(group: "g", topic: "T", queueId: 3, offset: 2)
        // No persistIfDirty and no close: as after kill -9.
        let reopened = try ConsumerOffsetManager(path: path, logger: Self.logger)
        defer { reopened.close() }
        #expect(reopened.offset(group: "g", topic: "T", queueId: 0) == 9)
        #expect(reopened.offset(group: "g", topic: "T", queueId: 3) == 2)
        m.close()
    }

    @Test func snapshotsCompactTheJournalAndRemovalsReplay() throws {
        let dir = try TempDirectory("journal")
        defer { dir.remove() }
        let path = dir.sub("consumerOffset.json")
        let m = try ConsumerOffsetManager(path: path, logger: Self.logger)
        for round in 1...3 {
            m.commit(group: "g", topic: "T", queueId: 0, offset: Int64(round))
            m.commit(group: "other", topic: "T", queueId: 1, offset: Int64(round))
            m.persistIfDirty()
        }
        // Only the generation before the last snapshot remains (the current one has no file until a commit).
        #expect(journals(dir.path).count == 1, "\(journals(dir.path))")
        m.removeGroup("other")
        m.commit(group: "g", topic: "T", queueId: 0, offset: 42)
        let reopened = try ConsumerOffsetManager(path: path, logger: Self.logger)
        defer { reopened.close() }
        #expect(reopened.offset(group: "g", topic: "T", queueId: 0) == 42)
        #expect(reopened.offset(group: "other", topic: "T", queueId: 1) == -1)
        m.close()
    }

    @Test func aTornTailIsIgnoredAndNeverAppendedTo() throws {
        let dir = try TempDirectory("journal")
        defer { dir.remove() }
        let path = dir.sub("consumerOffset.json")
        let m = try ConsumerOffsetManager(path: path, logger: Self.logger)
        m.commit(group: "g", topic: "T", queueId: 0, offset: 7)
        m.close()
        let last = try #require(journals(dir.path).last)
        let handle = try #require(FileHandle(forWritingAtPath: dir.sub(last)))
        handle.seekToEndOfFile()
        handle.write(Data([0, 0, 0, 40, 1, 2, 3]))  // a record cut short by the crash
        try handle.close()
        let reopened = try ConsumerOffsetManager(path: path, logger: Self.logger)
        reopened.commit(group: "g", topic: "T", queueId: 0, offset: 8)
        let again = try ConsumerOffsetManager(path: path, logger: Self.logger)
        defer { again.close() }
        #expect(again.offset(group: "g", topic: "T", queueId: 0) == 8)
        reopened.close()
    }

    @Test func whenCommitsDurableSharesOneSyncAcrossWaiters() async throws {
        let dir = try TempDirectory("journal")
        defer { dir.remove() }
        let m = try ConsumerOffsetManager(path: dir.sub("consumerOffset.json"), logger: Self.logger)
        defer { m.close() }
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for q in 0..<64 {
                group.addTask {
                    m.commit(group: "g", topic: "T", queueId: Int32(q), offset: 1)
                    return await withCheckedContinuation { c in m.whenCommitsDurable { c.resume(returning: $0) } }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 } && results.count == 64)
    }

    @Test func journalFilesArePrivate() throws {
        let dir = try TempDirectory("journal")
        defer { dir.remove() }
        let m = try ConsumerOffsetManager(path: dir.sub("consumerOffset.json"), logger: Self.logger)
        defer { m.close() }
        #expect(journals(dir.path).isEmpty, "no file before the first commit")
        m.commit(group: "g", topic: "T", queueId: 0, offset: 1)
        #expect(journals(dir.path).count == 1)
        for name in journals(dir.path) {
            let attrs = try FileManager.default.attributesOfItem(atPath: dir.sub(name))
            #expect((attrs[.posixPermissions] as? Int) == 0o600, "\(name)")
        }
    }
}

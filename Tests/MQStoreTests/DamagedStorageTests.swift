import Foundation
import MQProtocol
import NIOCore
import Testing

@testable import MQStore

/// Storage damaged by hand between runs (segments cut or removed in the middle of the log): the store
/// opens, says what it found and did, serves only intact records and keeps accepting writes.
/// Torn tails, lost newest segments, lost consume queues and ENOSPC are in StoreRecoveryTests and
/// StoreRobustnessTests.
@Suite("Message store: damaged storage", .serialized)
struct DamagedStorageTests {
    /// Fills `segments` commit-log segments; returns how many messages were written.
    func fill(_ config: StoreConfig, segments: Int) throws -> Int {
        let store = try StoreFixtures.open(config)
        defer { store.close() }
        var count = 0
        while store.commitLog.segments.count < segments + 1 {
            #expect(store.put(StoreFixtures.message(count)).status == .ok)
            count += 1
        }
        return count
    }

    /// Every record still served decodes with a good CRC, from the log's start to its end.
    func expectServedRecordsVerify(_ store: MessageStore, _ count: Int) {
        var served = 0
        for i in Int64(0)..<Int64(count + 10) {
            let got = store.getMessages(
                topic: "TopicTest", queueId: 0, offset: i, maxCount: 1, maxBytes: 1 << 20, filter: nil)
            guard let m = got.messages.first else { continue }
            var buffer = m
            do {
                _ = try MessageDecoder.decode(&buffer, readBody: true, verify: true)
                served += 1
            } catch {
                Issue.record("offset \(i) served a record failing its check: \(error)")
            }
        }
        #expect(served > 0)
    }

    @Test func middleSegmentDeletedIsRefusedWithTheFix() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let config = StoreFixtures.config(dir)
        _ = try fill(config, segments: 3)
        try FileManager.default.removeItem(atPath: dir.store + "/commitlog/" + OffsetName.format(64 * 1024))
        // A hole cannot be served around: refuse to open, naming the segment and the fix; change nothing.
        let before = try FileManager.default.contentsOfDirectory(atPath: dir.store + "/commitlog").sorted()
        #expect {
            try StoreFixtures.open(config)
        } throws: { error in
            let text = "\(error)"
            return text.contains(OffsetName.format(64 * 1024)) && text.contains("missing") && text.contains("restore")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.store + "/commitlog").sorted() == before)
    }

    /// Damage below the checkpoint is cut, but what is cut is set aside, never deleted.
    func expectSetAside(_ store: MessageStore, _ dir: TempDirectory) {
        let report = store.recoveryReport
        #expect(!report.setAside.isEmpty && report.deletedSegments.isEmpty, "\(report)")
        for path in report.setAside { #expect(FileManager.default.fileExists(atPath: path), "\(path)") }
        #expect(report.notes.contains { $0.contains("set aside") }, "\(report)")
        // Two later segments renamed whole: nothing acknowledged was destroyed.
        #expect(report.setAside.filter { $0.hasSuffix(".damaged") }.count == 2, "\(report.setAside)")
    }

    @Test func middleSegmentTruncated() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let config = StoreFixtures.config(dir)
        let count = try fill(config, segments: 3)
        let victim = dir.store + "/commitlog/" + OffsetName.format(64 * 1024)
        #expect(truncate(victim, 10_000) == 0)
        let store = try StoreFixtures.open(config)
        defer { store.close() }
        print("middle segment truncated: \(store.recoveryReport)")
        expectSetAside(store, dir)
        expectServedRecordsVerify(store, count)
        #expect(store.put(StoreFixtures.message(count)).status == .ok)
    }

    @Test func firstSegmentDeleted() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let config = StoreFixtures.config(dir)
        let count = try fill(config, segments: 3)
        try FileManager.default.removeItem(atPath: dir.store + "/commitlog/" + OffsetName.format(0))
        let store = try StoreFixtures.open(config)
        defer { store.close() }
        print("first segment deleted: \(store.recoveryReport)")
        expectServedRecordsVerify(store, count)
        #expect(store.put(StoreFixtures.message(count)).status == .ok)
    }

    @Test func segmentBytesFlippedInTheMiddle() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let config = StoreFixtures.config(dir)
        let count = try fill(config, segments: 3)
        let victim = dir.store + "/commitlog/" + OffsetName.format(64 * 1024)
        let handle = try #require(FileHandle(forUpdatingAtPath: victim))
        handle.seek(toFileOffset: 20_000)
        handle.write(Data(repeating: 0xA5, count: 64))
        try handle.close()
        let store = try StoreFixtures.open(config)
        defer { store.close() }
        print("bytes flipped mid-log: \(store.recoveryReport)")
        expectSetAside(store, dir)
        expectServedRecordsVerify(store, count)
        #expect(store.put(StoreFixtures.message(count)).status == .ok)
    }
}

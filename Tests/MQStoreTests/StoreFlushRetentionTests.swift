import Foundation
import MQProtocol
import NIOCore
import Testing

@testable import MQStore

@Suite("Message store: group commit and retention")
struct StoreFlushRetentionTests {
    @Test func groupCommitBatchesFsyncs() async throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        var config = StoreFixtures.config(dir, segmentSize: 8 * 1024 * 1024)
        config.settings.flushMode = .sync
        let store = try StoreFixtures.open(config)
        defer { store.close() }
        let threads = 64
        let rounds = 20
        let before = store.commitLogSyncCount
        let failures = await withTaskGroup(of: Int.self) { group in
            for t in 0..<threads {
                group.addTask {
                    // Each sender runs on its own thread, blocking until its message is durable.
                    await withCheckedContinuation { (done: CheckedContinuation<Int, Never>) in
                        let thread = Thread {
                            var failed = 0
                            for r in 0..<rounds {
                                let result = store.put(StoreFixtures.message(t * 1000 + r, queueId: Int32(t % 4)))
                                let durable = DispatchSemaphore(value: 0)
                                let ok = Flag()
                                store.whenFlushed(upTo: result.endOffset) { success in
                                    ok.set(success)
                                    durable.signal()
                                }
                                durable.wait()
                                let durableNow = store.commitLogFlushedOffset >= result.endOffset
                                if result.status != .ok || !ok.value || !durableNow {
                                    failed += 1
                                }
                            }
                            done.resume(returning: failed)
                        }
                        thread.start()
                    }
                }
            }
            return await group.reduce(0, +)
        }
        let syncs = store.commitLogSyncCount - before
        print("group commit: \(threads * rounds) durable puts from \(threads) threads took \(syncs) fdatasync calls")
        #expect(failures == 0)
        #expect(syncs > 0)
        #expect(syncs < threads * rounds / 4)
        // Already durable: answered at once.
        let flag = Flag()
        store.whenFlushed(upTo: 1) { flag.set($0) }
        #expect(flag.value)
    }

    @Test func whenFlushedAfterCloseFails() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        var config = StoreFixtures.config(dir)
        config.settings.flushMode = .sync
        let store = try StoreFixtures.open(config)
        let r = store.put(StoreFixtures.message(1))
        store.close()
        let flag = Flag()
        store.whenFlushed(upTo: r.endOffset) { flag.set($0) }
        #expect(flag.value)  // close flushed it
        let late = Flag(true)
        store.whenFlushed(upTo: r.endOffset + 1000) { late.set($0) }
        #expect(!late.value)
        if case .serviceUnavailable(let why) = store.put(StoreFixtures.message(2)).status {
            #expect(why.contains("closed"))
        } else {
            Issue.record("put after close should fail")
        }
    }

    @Test func retentionDeletesOldSegmentsAndMovesMinOffsets() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        var config = StoreFixtures.config(dir)
        config.settings.retentionHours = 1
        config.settings.retentionIntervalMillis = 3_600_000  // only on demand here
        let store = try StoreFixtures.open(config)
        defer { store.close() }
        var offsets = [Int64]()
        for i in 0..<1200 {
            let r = store.put(StoreFixtures.message(i, queueId: Int32(i % 2)))
            offsets.append(r.physicalOffset)
        }
        let segments = StoreFixtures.files(dir.store + "/commitlog")
        #expect(segments.count >= 5)
        // Age the two oldest segments by two hours.
        let old = time(nil) - 7200
        var times = [timeval(tv_sec: old, tv_usec: 0), timeval(tv_sec: old, tv_usec: 0)]
        for name in segments.prefix(2) {
            #expect(utimes(dir.store + "/commitlog/" + name, &times) == 0)
        }
        // Nothing is old enough "now minus one hour" before ageing is considered: a run at an
        // earlier clock deletes nothing.
        store.runRetention(now: Date(timeIntervalSinceNow: -3 * 3600))
        #expect(store.commitLogMinOffset == 0)
        store.runRetention()
        let newMin = store.commitLogMinOffset
        #expect(newMin == 2 * 64 * 1024)
        #expect(StoreFixtures.files(dir.store + "/commitlog").count == segments.count - 2)
        let firstKept = try #require(offsets.firstIndex { $0 >= newMin })
        for q: Int32 in [0, 1] {
            let min = store.minOffset(topic: "TopicTest", queueId: q)
            // The min offset is the first message still in the commit log.
            #expect(min == Int64((firstKept + (Int(q) + 2 - firstKept % 2) % 2) / 2))
            let tooSmall = store.getMessages(topic: "TopicTest", queueId: q, offset: 0, maxCount: 5, maxBytes: 1 << 20,
                filter: nil)
            #expect(tooSmall.status == .offsetTooSmall && tooSmall.nextBeginOffset == min)
            let ok = store.getMessages(topic: "TopicTest", queueId: q, offset: min, maxCount: 5, maxBytes: 1 << 20,
                filter: nil)
            #expect(ok.status == .found && ok.messages.count == 5)
            #expect(try StoreFixtures.decode(ok.messages[0]).commitLogOffset >= newMin)
        }
        // Whole consume-queue files below the new minimum are gone (64 entries per file).
        #expect(!StoreFixtures.files(dir.store + "/consumequeue/TopicTest/0").contains(OffsetName.format(0)))
        // Keys of deleted messages are no longer found; later ones are.
        #expect(store.queryByKey(topic: "TopicTest", key: "k0", maxCount: 5, begin: 0, end: .max).messages.isEmpty)
        #expect(store.message(atCommitLogOffset: offsets[0]) == nil)
        #expect(store.queryByKey(topic: "TopicTest", key: "k\(firstKept)", maxCount: 5, begin: 0, end: .max)
            .messages.count == 1)
        #expect(store.earliestStoreTime(topic: "TopicTest", queueId: 0) != nil)
        // The active segment is never deleted, however old.
        store.runRetention(now: Date(timeIntervalSinceNow: 100 * 3600))
        #expect(StoreFixtures.files(dir.store + "/commitlog").count == 1)
        #expect(store.put(StoreFixtures.message(5000)).status == .ok)
        let reopened = store.commitLogMinOffset
        store.close()
        let again = try StoreFixtures.open(config)
        defer { again.close() }
        #expect(again.commitLogMinOffset == reopened)
        #expect(again.getMessages(topic: "TopicTest", queueId: 0, offset: 0, maxCount: 1, maxBytes: 100, filter: nil)
            .status == .offsetTooSmall)
    }

    @Test func throughputSanity() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        var config = StoreConfig(directory: dir.store, storeHost: StoreFixtures.storeHost)
        config.settings.segmentSize = 64 * 1024 * 1024
        let store = try StoreFixtures.open(config)
        defer { store.close() }
        // Debug builds are an order of magnitude slower; keep the suite quick there.
        #if DEBUG
        let count = 20_000
        let batches = 200
        #else
        let count = 200_000
        let batches = 2000
        #endif
        var props = MessageProperties()
        props[MessageConst.tags] = "TagA"
        props[MessageConst.waitStoreMsgOK] = "true"
        let body = ByteBuffer(repeating: 0x61, count: 1024)
        let generator = UniqueKeyGenerator()
        let start = Date()
        for i in 0..<count {
            var p = props
            p[MessageConst.uniqueKey] = generator.next()
            p[MessageConst.keys] = "order-\(i)"
            let m = MessageToStore(topic: "Bench", queueId: Int32(i % 8), body: body, properties: p,
                bornTimestamp: 1_700_000_000_000, bornHost: StoreFixtures.bornHost)
            precondition(store.put(m).status == .ok)
        }
        let single = Date().timeIntervalSince(start)
        let batchStart = Date()
        var batchBytes = 0
        for b in 0..<batches {
            let batch = (0..<50).map { _ in
                MessageToStore(topic: "BenchBatch", queueId: Int32(b % 8), body: body, properties: props,
                    bornTimestamp: 1_700_000_000_000, bornHost: StoreFixtures.bornHost)
            }
            let r = store.putBatch(batch)
            precondition(r.status == .ok)
            batchBytes += Int(r.endOffset - r.physicalOffset)
        }
        let batched = Date().timeIntervalSince(batchStart)
        let lookupStart = Date()
        for i in stride(from: 0, to: count, by: 997) {
            precondition(store.queryByKey(topic: "Bench", key: "order-\(i)", maxCount: 1, begin: 0, end: .max)
                .messages.count == 1)
        }
        let lookups = Date().timeIntervalSince(lookupStart) / Double(count / 997 + 1)
        print("""
            throughput (this build): \(Int(Double(count) / single)) msg/s single 1 KiB puts; \
            \(Int(Double(batchBytes) / batched / 1_048_576)) MB/s batched (50 × 1 KiB); \
            key lookup \(String(format: "%.3f", lookups * 1000)) ms
            """)
    }
}

/// A thread-safe boolean for callbacks.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var v: Bool
    init(_ initial: Bool = false) { v = initial }
    func set(_ value: Bool) { lock.withLock { v = value } }
    var value: Bool { lock.withLock { v } }
}

import Foundation
import Logging
import MQProtocol
import NIOCore
import Testing

@testable import MQStore

@Suite("Message store: failures and concurrency")
struct StoreRobustnessTests {
    @Test func diskFullMakesTheStoreRefuseWrites() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        var config = StoreFixtures.config(dir)
        config.settings.flushMode = .sync
        let written: Int64
        do {
            let store = try StoreFixtures.open(config)
            for i in 0..<10 { #expect(store.put(StoreFixtures.message(i)).status == .ok) }
            written = store.commitLogMaxOffset
            // Swap the active segment's descriptor for /dev/full: the next write fails with ENOSPC.
            let full = open("/dev/full", O_WRONLY)
            #expect(full >= 0)
            #expect(dup2(full, store.commitLog.segments.last!.file.fd) >= 0)
            close(full)
            let failed = store.put(StoreFixtures.message(10))
            guard case .serviceUnavailable(let why) = failed.status else {
                Issue.record("expected serviceUnavailable, got \(failed.status)")
                return
            }
            #expect(why.contains("No space left on device"))
            #expect(store.writeFailure != nil)
            // Refused from now on, without touching the disk.
            if case .serviceUnavailable = store.put(StoreFixtures.message(11)).status {} else {
                Issue.record("writes should stay refused")
            }
            let flag = Flag(true)
            store.whenFlushed(upTo: written + 10) { flag.set($0) }
            #expect(!flag.value)
            #expect(store.maxOffset(topic: "TopicTest", queueId: 0) == 10)
            store.close()
        }
        // The failed store left its crash marker; the data written before the failure is intact.
        #expect(FileManager.default.fileExists(atPath: dir.store + "/abort"))
        let store = try StoreFixtures.open(config)
        defer { store.close() }
        #expect(!store.recoveryReport.cleanShutdown)
        #expect(store.commitLogMaxOffset == written)
        #expect(store.maxOffset(topic: "TopicTest", queueId: 0) == 10)
        #expect(store.put(StoreFixtures.message(10)).queueOffset == 10)
    }

    @Test func lastReferenceDroppedInAFlushCallback() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        var config = StoreFixtures.config(dir)
        config.settings.flushMode = .sync
        // The store says when it has closed: the last reference may go on either thread (the test's temporary one
        // can outlive the callback's), and the reopen must come after the close.
        let closed = DispatchSemaphore(value: 0)
        let logger = Logger(label: "mqstore-test") { _ in SignalOnMessage("message store closed", closed) }
        let holder = StoreHolder(try MessageStore(config: config, logger: logger))
        let r = holder.take()!.put(StoreFixtures.message(1))
        let done = DispatchSemaphore(value: 0)
        // The callback runs on the group-commit thread and releases the store there: its deinit must
        // close without waiting for its own thread.
        holder.take()!.whenFlushed(upTo: r.endOffset + 0) { _ in
            holder.clear()
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 20) == .success)
        #expect(closed.wait(timeout: .now() + 20) == .success, "the released store never finished closing")
        let reopened = try StoreFixtures.open(config)
        defer { reopened.close() }
        #expect(reopened.maxOffset(topic: "TopicTest", queueId: 0) == 1)
    }

    @Test func lostNewestSegmentAfterRoll() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let config = StoreFixtures.config(dir)
        var lastInFirst: Int64 = 0
        var count = 0
        do {
            let store = try StoreFixtures.open(config)
            while store.commitLog.segments.count < 2 {
                let r = store.put(StoreFixtures.message(count))
                if r.physicalOffset < 64 * 1024 { lastInFirst = Int64(count) }
                count += 1
            }
            store.close()
        }
        try FileManager.default.removeItem(atPath: dir.store + "/commitlog/" + OffsetName.format(64 * 1024))
        let store = try StoreFixtures.open(config)
        defer { store.close() }
        // The first segment ends with its BLANK; writing resumes in a fresh second segment.
        #expect(store.commitLogMaxOffset == 64 * 1024)
        #expect(store.maxOffset(topic: "TopicTest", queueId: 0) == lastInFirst + 1)
        #expect(store.recoveryReport.consumeQueueEntriesTruncated == count - Int(lastInFirst) - 1)
        let r = store.put(StoreFixtures.message(999))
        #expect(r.status == .ok && r.physicalOffset == 64 * 1024 && r.queueOffset == lastInFirst + 1)
    }

    @Test func concurrentReadersWhileWriting() async throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let store = try StoreFixtures.open(StoreFixtures.config(dir))
        defer { store.close() }
        let total = 2000
        let problems = await withTaskGroup(of: Int.self) { group in
            group.addTask {
                for i in 0..<total { _ = store.put(StoreFixtures.message(i, queueId: Int32(i % 3))) }
                return 0
            }
            for reader in 0..<3 {
                group.addTask {
                    var bad = 0
                    var offset: Int64 = 0
                    let deadline = ContinuousClock.now + .seconds(120)
                    while offset < Int64(total / 3) && ContinuousClock.now < deadline {
                        let r = store.getMessages(topic: "TopicTest", queueId: Int32(reader), offset: offset,
                            maxCount: 16, maxBytes: 1 << 20, filter: nil)
                        if r.status != .found {
                            // Caught up with the writer: give it time (it shares the task pool with us). This is the
                            // poll of a wait on a condition (the reader's next offset readable), bounded by `deadline`.
                            try? await Task.sleep(for: .milliseconds(1))
                            continue
                        }
                        for record in r.messages {
                            guard let m = try? StoreFixtures.decode(record), m.queueOffset == offset,
                                m.queueId == Int32(reader)
                            else {
                                bad += 1
                                continue
                            }
                            if m.flag % 50 == 0,
                                store.queryByKey(topic: "TopicTest", key: "k\(m.flag)", maxCount: 2, begin: 0,
                                    end: .max).messages.count != 1
                            {
                                bad += 1
                            }
                            offset += 1
                        }
                    }
                    return bad + (offset < Int64(total / 3) ? 1 : 0)
                }
            }
            return await group.reduce(0, +)
        }
        #expect(problems == 0)
    }
}

/// Holds the only strong reference to a store, so a test can drop it from another thread.
final class StoreHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var store: MessageStore?
    init(_ store: MessageStore) { self.store = store }
    func take() -> MessageStore? { lock.withLock { store } }
    func clear() {
        let last = lock.withLock { () -> MessageStore? in
            defer { store = nil }
            return store
        }
        _ = last  // released here, outside the lock
    }
}

/// A log handler that signals `semaphore` when `message` is logged (and drops everything else).
struct SignalOnMessage: LogHandler {
    let message: String
    let semaphore: DispatchSemaphore
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    init(_ message: String, _ semaphore: DispatchSemaphore) {
        self.message = message
        self.semaphore = semaphore
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        if event.message.description == message { semaphore.signal() }
    }
}

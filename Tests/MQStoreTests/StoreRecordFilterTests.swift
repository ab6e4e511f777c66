import MQProtocol
import NIOCore
import Synchronization
import Testing

@testable import MQStore

/// `getMessages` with a record filter (what a SQL92 subscription uses): records are judged in queue order, the
/// count and byte limits apply to the matching ones, and `nextBeginOffset` is after the last entry scanned.
@Suite("Message store: record filter")
struct StoreRecordFilterTests {
    /// Messages whose `flag` (their number) is a multiple of `every`.
    static func every(_ n: Int32) -> (ByteBuffer) -> Bool {
        { record in ((try? StoreFixtures.decode(record))?.flag ?? -1) % n == 0 }
    }

    @Test func onlyMatchingRecordsInOrderWithinTheLimits() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let store = try StoreFixtures.open(StoreFixtures.config(dir))
        defer { store.close() }
        // Small and large records, across segments, so both coalesced and single reads are used.
        for i in 0..<600 { _ = store.put(StoreFixtures.message(i, bodySize: i % 50 == 0 ? 20_000 : 100)) }
        let r = store.getMessages(
            topic: "TopicTest", queueId: 0, offset: 0, maxCount: 32, maxBytes: 1 << 20, filter: nil,
            recordFilter: Self.every(7))
        #expect(r.status == .found)
        let flags = try r.messages.map { try StoreFixtures.decode($0).flag }
        #expect(flags == (0..<32).map { Int32($0 * 7) })
        #expect(r.nextBeginOffset == 31 * 7 + 1)

        // With a tag filter too: TagA is every even message, so multiples of 14; then the byte limit (records of
        // about 300 bytes) ends the scan right after the third.
        let both = store.getMessages(
            topic: "TopicTest", queueId: 0, offset: 1, maxCount: 100, maxBytes: 1000, filter: { code in
                code == Int64(JavaHash.hashCode("TagA"))
            }, recordFilter: Self.every(7))
        #expect(try both.messages.map { try StoreFixtures.decode($0).flag } == [14, 28, 42])
        #expect(both.nextBeginOffset == 43)
    }

    @Test func nothingMatchingScansAtMostTheLimitAndSaysSo() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let store = try StoreFixtures.open(StoreFixtures.config(dir))
        defer { store.close() }
        for i in 0..<1000 { _ = store.put(StoreFixtures.message(i, bodySize: 40)) }
        let none = store.getMessages(
            topic: "TopicTest", queueId: 0, offset: 0, maxCount: 32, maxBytes: 1 << 20, filter: nil,
            recordFilter: { _ in false })
        #expect(none.status == .noMatchedMessage && none.messages.isEmpty)
        #expect(none.nextBeginOffset == Int64(MessageStore.maxScannedEntries))
        // The last one only, found from where the previous scan stopped.
        let last = store.getMessages(
            topic: "TopicTest", queueId: 0, offset: none.nextBeginOffset, maxCount: 32, maxBytes: 1 << 20,
            filter: nil, recordFilter: Self.every(999))
        #expect(try last.messages.map { try StoreFixtures.decode($0).flag } == [999])
        #expect(last.nextBeginOffset == 1000)
    }

    @Test func dispatchCarriesTheProperties() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        let store = try StoreFixtures.open(StoreFixtures.config(dir))
        defer { store.close() }
        final class Seen: Sendable { let properties = Mutex<[MessageProperties]>([]) }
        let seen = Seen()
        store.onDispatch = { m in seen.properties.withLock { $0.append(m.properties) } }
        var message = StoreFixtures.message(1)
        message.properties["region"] = "eu"
        _ = store.put(message)
        #expect(seen.properties.withLock { $0.first?["region"] } == "eu")
    }
}

import Testing

@testable import MQStore

/// Index files keep the slot count and capacity written in their header: a store written with one sizing and
/// reopened with another (a changed default, or a store written by another build) finds every key in the old
/// files and writes new files with the new sizing.
@Suite struct IndexSizingTests {
    @Test func oldFilesKeepTheirSlotCountAndNewFilesTakeTheNewOne() throws {
        let dir = TempDirectory()
        defer { dir.cleanup() }
        var config = StoreFixtures.config(dir)
        do {
            let store = try StoreFixtures.open(config)
            defer { store.close() }
            for i in 0..<300 { #expect(store.put(StoreFixtures.message(i)).status == .ok) }
        }
        let before = Self.slotCounts(dir)
        #expect(before.count >= 4 && before.allSatisfy { $0 == 97 }, "\(before)")

        config.settings.indexSlotsPerFile = 389
        let store = try StoreFixtures.open(config)
        defer { store.close() }
        for i in 300..<600 { #expect(store.put(StoreFixtures.message(i)).status == .ok) }
        try store.index.flush()
        for i in 0..<600 {
            let found = store.queryByKey(topic: "TopicTest", key: "k\(i)", maxCount: 4, begin: 0, end: .max)
            #expect(found.messages.count == 1, "k\(i)")
        }
        let after = Self.slotCounts(dir)
        // The files of the first run (the last of them was active and is filled up first), then new ones.
        #expect(Array(after.prefix(before.count)) == before, "\(after)")
        #expect(after.count > before.count && after.dropFirst(before.count).allSatisfy { $0 == 389 }, "\(after)")
    }

    /// The slot count in each index file's header, oldest file first.
    private static func slotCounts(_ dir: TempDirectory) -> [Int] {
        StoreFixtures.files(dir.store + "/index").filter { OffsetName.parse($0) != nil }.compactMap {
            (try? IndexFile.open(path: dir.store + "/index/" + $0))??.slotCount
        }
    }
}

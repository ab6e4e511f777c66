import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// `mqadmin offset undo` as a full restore: queues that had no offset, the list scoped to the target, and
/// undoing an undo. Real broker, in-process CLI.
@Suite(.serialized) struct OffsetUndoTests {
    /// Committed offsets of g on T by queue id (nil: none).
    func committed(_ f: GroupFixture) async throws -> [Int32: Int64?] {
        var out: [Int32: Int64?] = [:]
        for s in try await f.client.offsetStates(group: "g", topic: "T") { out[s.queue.queueId] = s.committed }
        return out
    }

    @Test func undoSetsQueuesWithoutPriorOffsetToNewGroupStartAndCanBeUndone() async throws {
        try await GroupFixture.with(brokers: 1) { f in
            // Queue 0 was consumed to 3; queue 1 never had an offset.
            let states = try await f.client.offsetStates(group: "g", topic: "T")
            let q0 = try #require(states.first { $0.queue.queueId == 0 })
            try await f.client.updateConsumerOffset(group: "g", queue: q0.queue, offset: 3)
            let reset = J.object(
                try await f.cli.json(["offset", "reset", "g", "-t", "T", "--to-latest", "--execute", "--yes"]))
            let resetId = try #require(reset["journalId"] as? String)
            #expect(try await committed(f) == [0: 5, 1: 5])

            // The undo plan says per queue what it restores; the table says it in words.
            let table = try await f.cli.run(["offset", "undo"])
            #expect(table.status == 0)
            #expect(table.stderr.contains("1 queue(s) had no committed offset before \(resetId)"), "\(table.stderr)")
            #expect(table.stdout.contains("where a group without an offset starts"), "\(table.stdout)")

            let undo = J.object(try await f.cli.json(["offset", "undo", "--execute", "--yes"]))
            #expect(J.array(undo["failures"]).isEmpty)
            let byQueue = Dictionary(uniqueKeysWithValues: J.array(undo["queues"]).map { (J.int($0["queueId"])!, $0) })
            #expect(byQueue[0]?["undoRestore"] as? String == "previousOffset")
            #expect(J.int(byQueue[0]?["newOffset"]) == 3)
            // The queue starts at 0, so the broker answers 0 to a group without an offset: that is where it goes.
            #expect(byQueue[1]?["undoRestore"] as? String == "newGroupStart")
            #expect(J.int(byQueue[1]?["newOffset"]) == 0 && J.int(byQueue[1]?["readBack"]) == 0)
            #expect((byQueue[1]?["note"] as? String)?.contains("cannot delete") == true)
            #expect(try await committed(f) == [0: 3, 1: 0])
            let undoId = try #require(undo["journalId"] as? String)

            // The undo was journaled: undoing it puts the reset positions back, and the reset counts as in force.
            let redo = J.object(try await f.cli.json(["offset", "undo", "--id", undoId, "--execute", "--yes"]))
            #expect(J.array(redo["failures"]).isEmpty)
            #expect(J.array(redo["queues"]).allSatisfy { $0["undoRestore"] as? String == "previousOffset" })
            #expect(try await committed(f) == [0: 5, 1: 5])
            let list = J.array(J.object(try await f.cli.json(["offset", "undo", "--list"]))["entries"])
            let undone = Dictionary(
                uniqueKeysWithValues: list.map { ($0["id"] as? String ?? "", $0["undone"] as? Bool) })
            #expect(undone[resetId] == false && undone[undoId] == true)
            // So the default undo picks the reset again.
            let again = J.object(try await f.cli.json(["offset", "undo"]))
            #expect((again["target"] as? String)?.contains(resetId) == true)
        }
    }

    @Test func listShowsThisTargetWithTargetColumnAndAllTargetsOnRequest() async throws {
        try await GroupFixture.with(brokers: 1) { f in
            _ = J.object(
                try await f.cli.json(["offset", "reset", "g", "-t", "T", "--to-earliest", "--execute", "--yes"]))
            let q = OffsetJournalEntry.Queue(topic: "T", broker: "broker-x", queueId: 0, previous: 1, new: 0)
            try OffsetJournal(directory: f.journal).save(
                OffsetJournalEntry(
                    id: "20200101T000000000Z-0001", createdAt: 1, target: "namesrv:10.9.9.9:9876", group: "other",
                    operation: "offset reset other -t T --to-earliest", queues: [q]))
            let here = "namesrv:" + f.cluster.nameServerAddress

            let scoped = J.object(try await f.cli.json(["offset", "undo", "--list"]))
            #expect(scoped["target"] as? String == here)
            let entries = J.array(scoped["entries"])
            #expect(entries.count == 1 && entries[0]["target"] as? String == here)
            #expect(entries.first?["group"] as? String == "g")

            let all = J.object(try await f.cli.json(["offset", "undo", "--list", "--all-targets"]))
            #expect(all["target"] is NSNull)
            let targets = Set(J.array(all["entries"]).compactMap { $0["target"] as? String })
            #expect(targets == [here, "namesrv:10.9.9.9:9876"])

            let table = try await f.cli.run(["offset", "undo", "--list"])
            #expect(table.status == 0)
            #expect(table.stdout.contains("TARGET") && table.stdout.contains(here), "\(table.stdout)")
            #expect(!table.stdout.contains("10.9.9.9") && table.stdout.contains("--all-targets"))
            let wide = try await f.cli.run(["offset", "undo", "--list", "--all-targets"])
            #expect(wide.stdout.contains("10.9.9.9") && wide.stdout.contains(here))

            let misuse = try await f.cli.run(["offset", "undo", "--all-targets"])
            #expect(misuse.status == 2 && misuse.stderr.contains("--all-targets only goes with --list"))
        }
    }

    @Test func newGroupStartIsZeroWhileTheQueueStartsAtZeroElseTheMaxOffset() {
        let mq = MessageQueue(topic: "T", brokerName: "b", queueId: 0)
        let young = QueueOffsetState(queue: mq, minOffset: 0, maxOffset: 9, committed: nil, lastConsumedTimestamp: nil)
        let trimmed = QueueOffsetState(
            queue: mq, minOffset: 4, maxOffset: 9, committed: nil, lastConsumedTimestamp: nil)
        #expect(young.newGroupStart == 0)
        #expect(trimmed.newGroupStart == 9)
    }

    @Test func anUndoOfAnUndoPutsTheChangeBackInForce() throws {
        let dir = FileManager.default.temporaryDirectory.path + "/journal-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = OffsetJournal(directory: dir)
        let q = OffsetJournalEntry.Queue(topic: "T", broker: "b", queueId: 0, previous: 5, new: 0)
        func entry(_ id: String, undoOf: String? = nil) -> OffsetJournalEntry {
            OffsetJournalEntry(id: id, createdAt: Int64(id)!, target: "x", group: "g", operation: id, undoOf: undoOf,
                queues: [q])
        }
        try journal.save(entry("1"))
        try journal.save(entry("2", undoOf: "1"))
        #expect(journal.undoneIds() == ["1"])
        #expect(journal.latestUndoable() == nil)
        try journal.save(entry("3", undoOf: "2"))
        #expect(journal.undoneIds() == ["2"])
        #expect(journal.latestUndoable()?.id == "1")
        try journal.save(entry("4", undoOf: "3"))
        #expect(journal.undoneIds() == ["1", "3"])
    }
}

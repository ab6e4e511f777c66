import Foundation
import MQClient
import MQProtocol
import Testing

@testable import MQAdminCLI

/// Parsing and formatting pieces of the groups area, without a broker.
@Suite struct GroupUnitTests {
    @Test func javaPrintfSubset() {
        #expect(JavaFormat.format("%-6s|%4d|%s%n", ["ab", "7", "x"]) == "ab    |   7|x\n")
        #expect(JavaFormat.format("%-3s%%", ["toolong"]) == "toolong%")
    }

    @Test func groupConfigToStringAsApache() {
        var c = SubscriptionGroupConfig(groupName: "g")
        c.attributes = ["+b": "2", "+a": "1"]
        c.groupRetryPolicy = .object([
            JSONMember("type", .string("CUSTOMIZED")),
            JSONMember("customizedRetryPolicy", .object([JSONMember("next", .array([.int(1000), .int(5000)]))])),
        ])
        let text = ClassicGroupText.config(c)
        #expect(text.hasPrefix("SubscriptionGroupConfig{groupName=g, consumeEnable=true, consumeFromMinEnable=true, "))
        #expect(
            text.contains(
                "groupRetryPolicy=GroupRetryPolicy{type=CUSTOMIZED, exponentialRetryPolicy=null, "
                    + "customizedRetryPolicy=CustomizedRetryPolicy{next=[1000, 5000]}}"))
        #expect(text.hasSuffix("subscriptionDataSet=null, attributes={+a=1, +b=2}}"))
    }

    @Test func averageAllocationLikeApache() {
        let queues = (0..<5).map { MessageQueue(topic: "T", brokerName: "b", queueId: $0) }
        let owners = MQClientInstance.averageAllocation(queues: queues, clientIds: ["c2", "c1"])
        // Sorted clients: c1 takes the first three queues, c2 the last two.
        #expect(queues.map { owners[$0] } == ["c1", "c1", "c1", "c2", "c2"])
        #expect(MQClientInstance.averageAllocation(queues: queues, clientIds: []).isEmpty)
    }

    @Test func journalKeepsEntriesPrivateAndFindsWhatToUndo() throws {
        let dir = FileManager.default.temporaryDirectory.path + "/journal-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = OffsetJournal(directory: dir)
        let q = OffsetJournalEntry.Queue(topic: "T", broker: "b", queueId: 0, previous: 5, new: 0)
        let first = OffsetJournalEntry(id: "1", createdAt: 1, target: "x", group: "g", operation: "reset", queues: [q])
        let other = OffsetJournalEntry(id: "2", createdAt: 2, target: "y", group: "g", operation: "reset", queues: [q])
        try journal.save(first)
        try journal.save(other)
        #expect(journal.latestUndoable(target: "x")?.id == "1")
        #expect(journal.latestUndoable()?.id == "2")
        try journal.save(
            OffsetJournalEntry(
                id: "3", createdAt: 3, target: "y", group: "g", operation: "undo", undoOf: "2", queues: [q]))
        #expect(journal.latestUndoable()?.id == "1")
        #expect(journal.undoneIds() == ["2"])
        let mode = try FileManager.default.attributesOfItem(atPath: dir + "/1.json")[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }
}

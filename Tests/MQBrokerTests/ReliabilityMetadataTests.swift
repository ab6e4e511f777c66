import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Metadata files damaged by hand between runs: JSON the broker cannot trust stops the start with one
/// line naming the file and the fix (and the file is left as found); files it can rebuild or fall
/// back from (checkpoint, offset journal) are reported and repaired.
@Suite(.serialized) struct ReliabilityMetadataTests {
    /// A data directory with a topic, a group and a committed offset, cleanly stopped twice (so the
    /// JSON files have their `.bak`).
    func seededDataDirectory(_ dir: TempDirectory) async throws -> String {
        let data = dir.sub("data")
        for round in 1...2 {
            // Stopped cleanly (SIGTERM, exit status 0) at the end of each round.
            try await withBrokerProcess(dataDirectory: data, logPath: dir.sub("seed\(round).log")) { b in
                let c = Reliability.client(b.nameServer)
                try await Reliability.prepare(c, broker: b.broker, topic: "Meta\(round)", queues: 2, groups: ["meta-g"])
                let mq = MessageQueue(topic: "Meta\(round)", brokerName: "broker-a", queueId: 1)
                try await c.updateConsumerOffset(group: "meta-g", queue: mq, offset: 5)
                await c.shutdown()
            }
        }
        return data
    }

    @Test(arguments: [
        "topics.json:garbage", "topics.json:empty", "subscriptionGroup.json:garbage", "subscriptionGroup.json:empty",
        "consumerOffset.json:garbage", "consumerOffset.json:empty", "consumerOffset.json:truncated",
    ])
    func damagedJSONStopsTheStartWithOneLine(damage: String) async throws {
        let parts = damage.split(separator: ":").map(String.init)
        let dir = try TempDirectory("metadata")
        defer { dir.remove() }
        let data = try await seededDataDirectory(dir)
        let path = data + "/config/" + parts[0]
        let original = try #require(FileManager.default.contents(atPath: path))
        let damaged: Data
        switch parts[1] {
        case "garbage": damaged = Data("{\"offsetTable\":{\u{1}\u{2} not json".utf8)
        case "empty": damaged = Data()
        default: damaged = original.prefix(original.count / 2)
        }
        try damaged.write(to: URL(fileURLWithPath: path))

        let refused = try BrokerProcess(dataDirectory: data, logPath: dir.sub("refused.log"))
        try await refused.waitForExit()
        let lines = refused.log.split(separator: "\n").filter { $0.hasPrefix("mqadmin: ") }
        print("\(damage): exit \(refused.process.terminationStatus): \(lines.first ?? "")")
        #expect(refused.process.terminationStatus != 0)
        #expect(lines.count == 1 && lines[0].contains(path) && lines[0].contains(".bak"), "\(refused.log)")
        #expect(FileManager.default.contents(atPath: path) == damaged, "the damaged file must be left as found")

        // The fix the line names works: restore the .bak.
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: path + ".bak", toPath: path)
        try await withBrokerProcess(dataDirectory: data, logPath: dir.sub("again.log")) { _ in }
    }

    @Test func damagedCheckpointAndJournalAreReportedAndRepaired() async throws {
        let dir = try TempDirectory("metadata")
        defer { dir.remove() }
        let data = try await seededDataDirectory(dir)
        try Data(repeating: 0x5A, count: 40).write(to: URL(fileURLWithPath: data + "/store/checkpoint"))
        let journals = try FileManager.default.contentsOfDirectory(atPath: data + "/config")
            .filter { $0.hasPrefix("consumerOffset.journal.") }.sorted()
        let journal = data + "/config/" + (try #require(journals.last))
        let handle = try #require(FileHandle(forWritingAtPath: journal))
        handle.seekToEndOfFile()
        handle.write(Data([0, 0, 0, 99, 0xde, 0xad]))
        try handle.close()

        try await withBrokerProcess(dataDirectory: data, logPath: dir.sub("repaired.log")) { b throws in
            let said = b.log.split(separator: "\n").filter {
                $0.contains("checkpoint") || $0.contains("journal") || $0.contains("recovery")
            }
            print("damaged checkpoint and journal, the broker said: \(said)")
            #expect(b.log.contains(journal), "the journal's torn tail should be reported with its path")
            let c = Reliability.client(b.nameServer)
            let mq = MessageQueue(topic: "Meta2", brokerName: "broker-a", queueId: 1)
            #expect(try await c.queryConsumerOffset(group: "meta-g", queue: mq) == 5)
            await c.shutdown()
        }
    }
}

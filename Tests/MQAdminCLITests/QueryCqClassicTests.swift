import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Apache's `queryCq` layout (tools' QueryConsumeQueueCommand): the queue's range, then one
/// `ConsumeQueueData{...}` per entry between `======` separators.
@Suite(.serialized) struct QueryCqClassicTests {
    @Test func queryCqPrintsTheRangeAndOneEntryPerIndex() async throws {
        try await withCluster(brokers: 1) { cluster in
            try await MessageFixtures.createTopic(cluster, "CqT", queues: 1)
            let producer = Producer(group: "pg-cq", client: cluster.client())
            let queue = MessageQueue(topic: "CqT", brokerName: "broker-a", queueId: 0)
            for i in 0..<3 { _ = try await producer.send(Message(topic: "CqT", body: "m\(i)"), to: queue) }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let r = try await cli.run(["queryCq", "-t", "CqT", "-q", "0", "-i", "1", "-c", "2"])
            #expect(r.status == 0, "\(r.stderr)")
            let sep = "======================================"
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(Array(lines.prefix(3)) == ["Queue data: ", "max: 3, min: 0", sep], "\(r.stdout)")
            #expect(lines.count == 10 && lines[3] == "idx: 1" && lines[6] == "idx: 2" && lines[8] == sep)
            let entry = try Regex(
                "ConsumeQueueData\\{physicOffset=[0-9]+, physicSize=[0-9]+, tagsCode=-?[0-9]+, "
                    + "extendDataJson='[^']*', bitMap='[^']*', eval=(true|false), msg='[^']*'\\}")
            #expect(lines[4].wholeMatch(of: entry) != nil && lines[7].wholeMatch(of: entry) != nil, "\(r.stdout)")

            let missing = try await cli.run(["queryCq", "-t", "NoSuchTopic", "-q", "0", "-i", "0"])
            #expect(missing.status == 3 && missing.stderr.contains("NoSuchTopic"), "\(missing.stderr)")
        }
    }
}

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

/// Apache's `brokerConsumeStats` layout (tools' BrokerConsumeStatsSubCommad): a line per group and queue that
/// consumed something, then `Diff Total`.
@Suite(.serialized) struct BrokerConsumeStatsClassicTests {
    @Test func brokerConsumeStatsPrintsConsumedQueuesAndTheTotal() async throws {
        try await withCluster(brokers: 1) { cluster in
            try await MessageFixtures.createTopic(cluster, "BcsT", queues: 1)
            let producer = Producer(group: "pg-bcs", client: cluster.client())
            for i in 0..<3 { _ = try await producer.send(Message(topic: "BcsT", body: "m\(i)")) }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let read = try await cli.run(["message", "consume", "BcsT", "-g", "g-bcs", "-c", "2"])
            #expect(read.status == 0, "\(read.stderr)")
            let addr = try #require(cluster.brokers[0].brokerAddress)
            let r = try await cli.run(["brokerConsumeStats", "-b", addr])
            #expect(r.status == 0, "\(r.stderr)")
            func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
            let header = pad("#Topic", 64) + "  " + pad("#Group", 64) + "  " + pad("#Broker Name", 32) + "  #QID  "
                + pad("#Broker Offset", 20) + "  " + pad("#Consumer Offset", 20) + "  " + pad("#Diff", 20)
                + "  #LastTime"
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.first == header, "\(r.stdout)")
            let row = pad("BcsT", 64) + "  " + pad("g-bcs", 64) + "  " + pad("broker-a", 32) + "  0     "
                + pad("3", 20) + "  " + pad("2", 20) + "  " + pad("1", 20) + "  "
            let mine = lines.filter { $0.hasPrefix(row) }
            #expect(mine.count == 1, "\(r.stdout)")
            let time = try Regex("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")
            #expect(mine.first.map { String($0.dropFirst(row.count)).wholeMatch(of: time) != nil } == true)
            #expect(r.stdout.hasSuffix("\n\nDiff Total: 1\n"), "\(r.stdout)")
        }
    }
}

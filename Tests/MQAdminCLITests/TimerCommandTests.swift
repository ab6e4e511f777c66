import Foundation
import Logging
import MQClient
import MQProtocol
import MQTestSupport
import NIOPosix
import Testing

@testable import MQAdminCLI

/// `mqadmin timer list`: the view merged from several brokers (in-process), and the command against a real
/// broker process holding timer messages.
@Suite(.serialized) struct TimerCommandTests {
    static func epochMillis() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    @Test func bucketsOfSeveralBrokersMergeInTimeOrderAsTableAndJSON() throws {
        let a = BrokerRef(name: "broker-a", address: "10.0.0.1:10911")
        let b = BrokerRef(name: "broker-b", address: "10.0.0.2:10911")
        let bodyA = TimerListBody(
            now: 0, precisionMillis: 100, pendingTotal: 6, notIndexed: 0,
            buckets: [
                .init(topic: "Orders", minute: 120_000, messages: 4, recalled: 1),
                .init(topic: "Bills", minute: 60_000, messages: 2, recalled: 0),
            ], truncated: false)
        let bodyB = TimerListBody(
            now: 0, precisionMillis: 1000, pendingTotal: 5, notIndexed: 2,
            buckets: [.init(topic: "Orders", minute: 120_000, messages: 5, recalled: 0)], truncated: true)
        let view = TimeFormat.withZone(try #require(TimeZone(identifier: "UTC"))) {
            TimerListView([(a, bodyA), (b, bodyB)], failed: [(BrokerRef(name: "c", address: "x:1"), "down")])
        }

        #expect(view.buckets.map(\.topic) == ["Bills", "Orders"])
        #expect(view.buckets[1].fires == 8 && view.buckets[1].recalled == 1)
        #expect(view.buckets[1].brokers == ["broker-a", "broker-b"])
        let lines = view.table.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines[0] == "MINUTE TOPIC FIRES RECALLED")
        #expect(lines[1] == "1970-01-01T00:01:00.000Z Bills 2 0")
        #expect(lines[2] == "1970-01-01T00:02:00.000Z Orders 8 1")
        #expect(lines[3].hasPrefix("broker broker-b has more"))

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(Emit.json(view).utf8)) as? [String: Any])
        let buckets = try #require(json["buckets"] as? [[String: Any]])
        #expect(buckets.count == 2)
        #expect(buckets[1]["topic"] as? String == "Orders" && buckets[1]["fires"] as? Int == 8)
        #expect(buckets[1]["minute"] as? Int == 120_000)
        #expect(buckets[1]["minuteTime"] as? String == "1970-01-01T00:02:00.000Z")
        let brokers = try #require(json["brokers"] as? [[String: Any]])
        #expect(brokers.map { $0["broker"] as? String } == ["broker-a", "broker-b"])
        #expect(brokers[1]["notIndexed"] as? Int == 2 && brokers[1]["truncated"] as? Bool == true)
        #expect((json["failures"] as? [[String: Any]])?.first?["error"] as? String == "down")

        let empty = TimerListView([(a, TimerListBody(
            now: 0, precisionMillis: 100, pendingTotal: 0, notIndexed: 0, buckets: [], truncated: false))], failed: [])
        #expect(empty.table == "No timer message is waiting.\n")
    }

    @Test func listsWhatFiresPerTopicAndMinuteOnARealBroker() async throws {
        let dir = try TempDirectory("timer-list")
        defer { dir.remove() }
        try await withBrokerProcess(dataDirectory: dir.sub("data")) { broker in
            var logger = Logger(label: "timer-list")
            logger.logLevel = .error
            let client = MQClientInstance(
                nameServers: [broker.nameServer], group: MultiThreadedEventLoopGroup.singleton, timeout: .seconds(10),
                logger: logger)
            let producer = Producer(group: "timer-pg", client: client)
            let now = Self.epochMillis()
            // Mid-minute, so the three land in one minute whatever the rounding.
            let soon = (now + 10 * 60_000) / 60_000 * 60_000 + 30_000
            let later = soon + 2 * 3_600_000
            for i in 0..<3 {
                var m = Message(topic: "ListA", body: "a\(i)")
                m.deliverTimeMs = soon
                _ = try await producer.send(m)
            }
            var recalled = Message(topic: "ListA", body: "recalled")
            recalled.deliverTimeMs = soon
            try await producer.recall(try #require(try await producer.send(recalled).recallHandle))
            var far = Message(topic: "ListB", body: "b")
            far.deliverTimeMs = later
            _ = try await producer.send(far)
            await client.shutdown()

            let cli = MQAdminRunner(nameServer: broker.nameServer)
            let all = try cli.json(["timer", "list"])
            #expect(all.result.status == 0, "\(all.result.stderr)")
            let object = try #require(all.value as? [String: Any])
            let buckets = try #require(object["buckets"] as? [[String: Any]])
            #expect(buckets.map { $0["topic"] as? String } == ["ListA", "ListB"])
            #expect(buckets[0]["minute"] as? Int64 == soon / 60_000 * 60_000)
            #expect(buckets[0]["fires"] as? Int == 3 && buckets[0]["recalled"] as? Int == 1)
            #expect(buckets[1]["fires"] as? Int == 1 && buckets[1]["minute"] as? Int64 == later / 60_000 * 60_000)
            #expect((object["brokers"] as? [[String: Any]])?.first?["pending"] as? Int == 4)

            let one = try cli.json(["timer", "list", "-t", "ListB"])
            #expect((one.value as? [String: Any])?["buckets"].map { ($0 as? [Any])?.count } == 1)
            let within = try cli.json(["timer", "list", "--within", "1h"])
            let near = (within.value as? [String: Any])?["buckets"] as? [[String: Any]]
            #expect(near?.map { $0["topic"] as? String } == ["ListA"])

            let table = try cli.run(["timer", "list"])
            #expect(table.status == 0 && table.stdout.contains("ListA") && table.stdout.contains("FIRES"))
            let bad = try cli.run(["timer", "list", "--within", "soon"])
            #expect(bad.status == 2 && bad.stderr.contains("--within \"soon\" is not a duration"))
        }
    }
}

import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import NIOConcurrencyHelpers
import Testing

/// `broker drain --wait` while a producer keeps sending, then `broker undrain`, on a two-broker cluster.
@Suite(.serialized) struct BrokerDrainTests {
    static let topic = "DrainT"

    /// The messages stored on `broker` for the topic (sum of its queues' max offsets).
    func stored(_ client: MQClientInstance, _ broker: String) async throws -> Int64 {
        var total: Int64 = 0
        for id in Int32(0)..<2 {
            total += try await client.maxOffset(MessageQueue(topic: Self.topic, brokerName: broker, queueId: id))
        }
        return total
    }

    @Test func drainWaitsUntilTheBrokerIsQuietAndUndrainRestoresWrites() async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, Self.topic)
            let client = cluster.client()
            let producer = Producer(group: "pg-drain", client: client)
            let sentTo = NIOLockedValueBox<[String]>([])
            let sender = Task {
                while !Task.isCancelled {
                    if let r = try? await producer.send(Message(topic: Self.topic, body: "m")) {
                        sentTo.withLockedValue { $0.append(r.queue.brokerName) }
                    }
                    // Pacing, not waiting: a steady trickle rather than a loop that saturates both cores.
                    try? await Task.sleep(for: .milliseconds(20))
                }
            }
            try await withTeardown {
                try await waitUntil("sends to both brokers") {
                    Set(sentTo.withLockedValue { $0 }) == ["broker-a", "broker-b"]
                }
                let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
                // A group that read a few messages and stopped: still behind on broker-a when it is drained.
                let read = try await cli.run(["message", "consume", Self.topic, "-g", "g-behind", "-c", "5"])
                #expect(read.status == 0, "\(read.stderr)")
                let drain = ["broker", "drain", "broker-a", "--wait", "--wait-timeout", "2m", "-o", "json"]
                let r = try await cli.run(drain)
                #expect(r.status == 0, "\(r.stderr)")
                let view = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
                #expect(view["safeToStop"] as? Bool == true && view["putTps"] as? Double == 0)
                let pending = try #require(view["stillConsumed"] as? [[String: Any]])
                #expect(pending.map { $0["group"] as? String } == ["g-behind"], "\(pending)")
                #expect(pending.first?["topic"] as? String == Self.topic && (pending.first?["lag"] as? Int ?? 0) > 0)
                #expect(view["undo"] as? String == "mqadmin broker undrain broker-a")
                #expect(r.stderr.contains("draining broker-a: writes routed by no name server; put TPS 0.0"))

                // Drained: new sends all reach broker-b; broker-a stores nothing more.
                let (a0, b0) = (try await stored(client, "broker-a"), try await stored(client, "broker-b"))
                let mark = sentTo.withLockedValue { $0.count }
                try await waitUntil("20 more sends") { sentTo.withLockedValue { $0.count } >= mark + 20 }
                #expect(sentTo.withLockedValue { Array($0[mark...]) }.allSatisfy { $0 == "broker-b" })
                #expect(try await stored(client, "broker-a") == a0)
                #expect(try await stored(client, "broker-b") > b0)

                // Undrained: once the producer refreshes its route (Java clients: within 30 s), sends reach it.
                let undo = try await cli.run(["broker", "undrain", "broker-a"])
                #expect(undo.status == 0, "\(undo.stderr)")
                #expect(undo.stdout.contains("writes allowed"))
                _ = try await client.route(topic: Self.topic, refresh: true)
                try await waitUntil("broker-a to store sends again") {
                    (try? await stored(client, "broker-a")) ?? 0 > a0
                }
            } teardown: {
                sender.cancel()
                _ = await sender.value
            }
        }
    }

    @Test func aDeadNameServerFailsWithOneLineAndBadInputIsAUsageError() async throws {
        try await withCluster(brokers: 1) { cluster in
            let ns = cluster.nameServerAddress
            let cli = InProcessRunner(nameServer: ns)
            let dead = "127.0.0.1:1"
            let partial = try await cli.run(["broker", "drain", "broker-a", "-n", "\(ns);\(dead)"])
            #expect(partial.status == 4)
            #expect(partial.stdout.contains("writes wiped") && partial.stdout.contains("Undo: mqadmin broker undrain"))
            let stderr = partial.stderr.split(separator: "\n")
            #expect(stderr.count == 1 && stderr.first?.contains("failed on 1 of 2 name servers (\(dead)") == true)
            let undo = try await cli.run(["broker", "undrain", "broker-a"])
            #expect(undo.status == 0 && undo.stdout.contains("writes allowed"))

            let bad = try await cli.run(["broker", "drain", "broker-a", "--wait", "--wait-timeout", "soon"])
            #expect(bad.status == 2 && bad.stderr.contains("--wait-timeout must be a duration such as 90s or 5m"))
            #expect(try await cli.run(["broker", "drain"]).status == 2)
            let typo = try await cli.run(["broker", "undrain", "broker-x"])
            #expect(typo.status == 3 && typo.stderr.contains("no broker named broker-x; the name servers know: broker-a"))
        }
    }
}

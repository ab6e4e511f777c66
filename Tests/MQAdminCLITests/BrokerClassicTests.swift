import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Apache's classic `wipeWritePerm` / `addWritePerm`: their lines asserted exactly, and the routes they change.
@Suite(.serialized) struct BrokerClassicTests {
    /// How many topics list `broker` in their routes, and the perm of `topic` on it.
    func routes(_ client: MQClientInstance, broker: String, topic: String) async throws -> (count: Int, perm: Int32) {
        var count = 0
        for name in try await client.allTopics() {
            let route = try await client.route(topic: name, refresh: true)
            if route.queueDatas.contains(where: { $0.brokerName == broker }) { count += 1 }
        }
        let route = try await client.route(topic: topic, refresh: true)
        return (count, try #require(route.queueDatas.first { $0.brokerName == broker }).perm)
    }

    @Test func wipeAndAddWritePermPrintApacheLinesPerNameServer() async throws {
        try await TopicTestTarget.withCluster { t in
            let cluster = try #require(t.cluster)
            let ns = cluster.nameServerAddress
            let client = cluster.client()
            #expect(try await t.run(["updateTopic", "-c", "DefaultCluster", "-t", "Drained"]).status == 0)
            try await t.waitForRoute("Drained", brokers: 2)
            let before = try await routes(client, broker: "broker-a", topic: "Drained")
            #expect(before.count > 0 && before.perm == 6)

            let wiped = try await t.run(["wipeWritePerm", "-b", "broker-a"])
            #expect(wiped.status == 0, "\(wiped.stderr)")
            #expect(wiped.lines == ["wipe write perm of broker[broker-a] in name server[\(ns)] OK, \(before.count)", ""])
            #expect(wiped.stderr.isEmpty)
            #expect(try await routes(client, broker: "broker-a", topic: "Drained").perm == PermName.read)
            #expect(try await routes(client, broker: "broker-b", topic: "Drained").perm == 6)

            let (addedRun, added) = try await t.json(["addWritePerm", "-b", "broker-a"], classic: true)
            #expect(addedRun.status == 0, "\(addedRun.stderr)")
            #expect(added["brokerName"].string == "broker-a" && added["writable"].bool == true)
            #expect(added["nameServers"][0]["address"].string == ns)
            #expect(added["nameServers"][0]["topicCount"].int == before.count)
            #expect(added["succeeded"].bool == true)
            #expect(try await routes(client, broker: "broker-a", topic: "Drained").perm == 6)

            // Fanned out over every name server of -n: Apache's Failed line for the dead one, then one stderr line
            // naming it and the exit code for an unreachable target.
            let dead = "127.0.0.1:1"
            let partial = try await t.run(["addWritePerm", "-b", "broker-a", "-n", "\(ns);\(dead)"])
            #expect(partial.status == 4)
            #expect(
                partial.lines == [
                    "add write perm of broker[broker-a] in name server[\(ns)] OK, \(before.count)",
                    "add write perm of broker[broker-a] in name server[\(dead)] Failed",
                    "",
                ])
            let stderr = partial.stderr.split(separator: "\n")
            #expect(stderr.count == 1 && stderr.first?.contains("failed on 1 of 2 name servers (\(dead)") == true)

            // A broker nobody knows: Apache answers 0 topics, not an error.
            let unknown = try await t.run(["wipeWritePerm", "-b", "no-such-broker"])
            #expect(unknown.status == 0)
            #expect(unknown.lines == ["wipe write perm of broker[no-such-broker] in name server[\(ns)] OK, 0", ""])
            let missing = try await t.run(["wipeWritePerm"])
            #expect(missing.status == 2 && missing.stderr.contains("--brokerName"))
        }
    }
}

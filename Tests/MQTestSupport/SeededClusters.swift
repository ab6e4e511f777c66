import MQClient
import MQProtocol
import Testing

/// Clusters seeded with the data several suites share, run as `withCluster` does (stopped and awaited
/// afterwards, also when the body throws).
public enum SeededCluster {
    /// Topic `T` (2 queues) and group `g` on every broker, `count` messages per broker with keys `k0`, `k1`, …
    public static func withTopicT(
        brokers: Int = 1, count: Int = 10, _ body: (InProcessCluster, MQClientInstance) async throws -> Void
    ) async throws {
        try await withCluster(brokers: brokers) { cluster in
            let client = cluster.client()
            for b in cluster.brokers {
                try await client.createTopic(
                    TopicConfig(topicName: "T", readQueueNums: 2, writeQueueNums: 2), broker: b.brokerAddress!)
                try await client.updateGroup(SubscriptionGroupConfig(groupName: "g"), broker: b.brokerAddress!)
            }
            try await waitUntil("topic T routed to every broker") {
                (try? await client.route(topic: "T", refresh: true).queueDatas.count) == brokers
            }
            let producer = Producer(group: "pg", client: client)
            for i in 0..<(count * brokers) {
                _ = try await producer.send(Message(topic: "T", body: "m\(i)", keys: ["k\(i)"]))
            }
            try await body(cluster, client)
        }
    }

    /// Topic `Stats` with 6 messages in queue 0 and 4 in queue 1; group `behind` committed at 2 and 4, group
    /// `done` at 6 and 4 (caught up). `body` gets the two queues.
    public static func withBacklog(
        _ body: (InProcessCluster, MQClientInstance, [MessageQueue]) async throws -> Void
    ) async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let addr = cluster.brokers[0].brokerAddress!
            try await client.createTopic(
                TopicConfig(topicName: "Stats", readQueueNums: 2, writeQueueNums: 2), broker: addr)
            try await waitUntil("topic Stats routed") { (try? await client.route(topic: "Stats", refresh: true)) != nil }
            let producer = Producer(group: "pg", client: client)
            let q = (0..<2).map { MessageQueue(topic: "Stats", brokerName: "broker-a", queueId: Int32($0)) }
            for i in 0..<10 {
                _ = try await producer.send(Message(topic: "Stats", body: "m\(i)"), to: q[i < 6 ? 0 : 1])
            }
            for g in ["behind", "done"] {
                try await client.updateGroup(SubscriptionGroupConfig(groupName: g), broker: addr)
            }
            try await client.updateConsumerOffset(group: "behind", queue: q[0], offset: 2)
            try await client.updateConsumerOffset(group: "behind", queue: q[1], offset: 4)
            try await client.updateConsumerOffset(group: "done", queue: q[0], offset: 6)
            try await client.updateConsumerOffset(group: "done", queue: q[1], offset: 4)
            try await body(cluster, client, q)
        }
    }
}

import Foundation
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

/// The client over a two-broker cluster: the producer spreads sends over both brokers, a key query fans out
/// over both, and a push consumer takes the queues of both.
@Suite(.serialized) struct TwoBrokerClientTests {
    @Test func twoBrokerClusterServesOneTopicFromBoth() async throws {
        try await withCluster(brokers: 2) { cluster in
            let client = cluster.client(timeout: .seconds(30))
            for b in cluster.brokers {
                try await client.createTopic(
                    TopicConfig(topicName: "Wide", readQueueNums: 2, writeQueueNums: 2), broker: b.brokerAddress!)
            }
            #expect(await eventually { (try? await client.route(topic: "Wide", refresh: true).queueDatas.count) == 2 })
            let info = try await client.clusterInfo()
            #expect(info.clusterAddrTable["DefaultCluster"] == ["broker-a", "broker-b"])
            #expect(try await client.masterAddresses().count == 2)

            let producer = Producer(group: "pg", client: client)
            var brokersUsed = Set<String>()
            for i in 0..<40 {
                let r = try await producer.send(Message(topic: "Wide", body: "w\(i)", keys: ["w\(i)"]))
                brokersUsed.insert(r.queue.brokerName)
            }
            #expect(brokersUsed == ["broker-a", "broker-b"])
            // Query by key fans out over both brokers.
            #expect(try await client.queryMessages(topic: "Wide", key: "w1").count == 1)
            #expect(try await client.queryMessages(topic: "Wide", key: "w2").count == 1)

            let seen = SeenKeys()
            let consumer = PushConsumer(group: "wide-group", client: client, consumeFromWhere: .firstOffset)
            cluster.onStop { await consumer.shutdown() }
            await consumer.subscribe("Wide")
            try await consumer.start { messages, _ in
                for m in messages { await seen.add(m.properties.keys.first ?? "?") }
                return .success
            }
            #expect(await eventually(timeout: .seconds(20)) { await seen.count(prefix: "w") == 40 })
            #expect(await consumer.assignedQueues.filter { $0.topic == "Wide" }.count == 4)
            await consumer.shutdown()
            await client.shutdown()
        }
    }
}

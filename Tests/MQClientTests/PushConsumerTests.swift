import Foundation
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

/// PushConsumer against an in-process cluster: members of a group share the queues, a new member is taken in
/// at once (NOTIFY_CONSUMER_IDS_CHANGED), and a member resumes from the offsets the group committed.
@Suite(.serialized) struct PushConsumerTests {
    @Test func pushConsumersShareQueuesAndResumeFromCommittedOffsets() async throws {
        try await withCluster { cluster in
            let client = cluster.client(timeout: .seconds(30))
            let producer = Producer(group: "pg", client: client)
            _ = try await producer.send(Message(topic: "Shared", body: "warm-up", keys: ["w"]))
            let seen = SeenKeys()
            let c1 = PushConsumer(group: "shared-group", client: client)
            cluster.onStop { await c1.shutdown() }
            let c2Client = cluster.client(timeout: .seconds(30))
            let c2 = PushConsumer(group: "shared-group", client: c2Client)
            cluster.onStop { await c2.shutdown() }
            for c in [c1, c2] {
                await c.subscribe("Shared")
                try await c.start { messages, _ in
                    for m in messages { await seen.add(m.properties.keys.first ?? "?") }
                    return .success
                }
            }
            // Both members own part of the 4 queues.
            #expect(await eventually(timeout: .seconds(15)) {
                let a = await c1.assignedQueues.filter { $0.topic == "Shared" }.count
                let b = await c2.assignedQueues.filter { $0.topic == "Shared" }.count
                return a == 2 && b == 2
            })
            for i in 0..<200 { _ = try await producer.send(Message(topic: "Shared", body: "m\(i)", keys: ["m\(i)"])) }
            #expect(await eventually(timeout: .seconds(20)) { await seen.count(prefix: "m") == 200 })
            await c1.shutdown()
            await c2.shutdown()
            // Offsets were committed: a new member of the group starts where they stopped.
            for i in 200..<210 { _ = try await producer.send(Message(topic: "Shared", body: "m\(i)", keys: ["m\(i)"])) }
            let late = SeenKeys()
            let c3 = PushConsumer(group: "shared-group", client: client)
            cluster.onStop { await c3.shutdown() }
            await c3.subscribe("Shared")
            try await c3.start { messages, _ in
                for m in messages { await late.add(m.properties.keys.first ?? "?") }
                return .success
            }
            #expect(await eventually(timeout: .seconds(20)) { await late.count(prefix: "m") == 10 })
            // A sleep by design: nothing older than m200 may arrive; a wrong redelivery gets 0.5 s to show up.
            try await Task.sleep(for: .milliseconds(500))
            #expect(await late.all.allSatisfy { Int($0.dropFirst())! >= 200 })
            await c3.shutdown()
            await c2Client.shutdown()
            await client.shutdown()
        }
    }

    @Test func secondMemberIsNotifiedAndTakesHalfTheQueuesQuickly() async throws {
        try await withCluster { cluster in
            let a = cluster.client()
            let b = cluster.client()
            try await a.createTopic(
                TopicConfig(topicName: "Split", readQueueNums: 4, writeQueueNums: 4),
                broker: cluster.brokers[0].brokerAddress!)
            let c1 = PushConsumer(group: "split", client: a)
            cluster.onStop { await c1.shutdown() }
            await c1.subscribe("Split")
            try await c1.start { _, _ in .success }
            #expect(
                await eventually(timeout: .seconds(5)) {
                    await c1.assignedQueues.filter { $0.topic == "Split" }.count == 4
                })
            let c2 = PushConsumer(group: "split", client: b)
            cluster.onStop { await c2.shutdown() }
            await c2.subscribe("Split")
            try await c2.start { _, _ in .success }
            // NOTIFY_CONSUMER_IDS_CHANGED makes the first member give up half at once, long before its 10 s timer.
            #expect(
                await eventually(timeout: .seconds(4)) {
                    await c1.assignedQueues.filter { $0.topic == "Split" }.count == 2
                })
            await c2.shutdown()
            #expect(
                await eventually(timeout: .seconds(4)) {
                    await c1.assignedQueues.filter { $0.topic == "Split" }.count == 4
                })
            await c1.shutdown()
            await a.shutdown()
            await b.shutdown()
        }
    }
}

import Foundation
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

/// Offset reset plans: planned over every broker of a cluster, applied and verified, and followed by a push
/// consumer that stays online.
@Suite(.serialized) struct OffsetPlanTests {
    @Test func planApplyAndReadBackAcrossTwoBrokers() async throws {
        try await SeededCluster.withTopicT(brokers: 2) { cluster, client in
            for s in try await client.offsetStates(group: "g", topic: "T") {
                try await client.updateConsumerOffset(group: "g", queue: s.queue, offset: s.maxOffset)
            }
            let plan = try await client.planReset(group: "g", topic: "T", target: .earliest)
            #expect(plan.changes.count == 4)
            #expect(Set(plan.changes.map(\.queue.brokerName)) == ["broker-a", "broker-b"])
            #expect(plan.totalReplay == 20)
            #expect(plan.changes.allSatisfy { $0.new == 0 && $0.newStoreTime != nil })
            #expect(plan.changes.allSatisfy { $0.window != nil })
            let results = await client.apply(plan)
            #expect(results.allSatisfy { $0.verified })
            let after = try await client.offsetStates(group: "g", topic: "T")
            #expect(after.reduce(0) { $0 + $1.lag } == 20)

            let beyond = await #expect(throws: OffsetPlanError.self) {
                try await client.planReset(group: "g", topic: "T", target: .offset(1000))
            }
            #expect("\(beyond!)".contains("beyond the max offset"))
            await client.shutdown()
        }
    }

    @Test func onlinePushConsumerReconsumesFromTheResetOffset() async throws {
        // Sent after start(): PushConsumer drops what its first pulls return before its handler is set.
        try await SeededCluster.withTopicT(brokers: 2, count: 0) { cluster, client in
            let seen = Deliveries()
            let consumerClient = cluster.client()
            let consumer = PushConsumer(group: "g", client: consumerClient, consumeFromWhere: .firstOffset)
            await consumer.subscribe("T")
            try await consumer.start { messages, _ in
                for m in messages { await seen.add(m.properties.keys.first ?? "?") }
                return .success
            }
            cluster.onStop { await consumer.shutdown() }
            let producer = Producer(group: "pg", client: client)
            for i in 0..<20 { _ = try await producer.send(Message(topic: "T", body: "m\(i)", keys: ["k\(i)"])) }
            #expect(await eventually(timeout: .seconds(60)) { await seen.keys.count == 20 })
            // Wait until its offsets are committed (it commits every 5 s).
            #expect(
                await eventually(timeout: .seconds(30)) {
                    ((try? await client.offsetStates(group: "g", topic: "T")) ?? []).reduce(0) { $0 + $1.lag } == 0
                })

            let plan = try await client.planReset(group: "g", topic: "T", target: .earliest)
            #expect(plan.totalReplay == 20)
            #expect(await client.apply(plan).allSatisfy { $0.verified })
            // Every message arrives a second time, while the consumer stays up.
            #expect(await eventually(timeout: .seconds(60)) { await seen.count >= 40 })
            #expect(await seen.keys.count == 20)
            await consumer.shutdown()
            await consumerClient.shutdown()
            await client.shutdown()
        }
    }
}

actor Deliveries {
    private(set) var count = 0
    private(set) var keys: Set<String> = []
    func add(_ key: String) {
        count += 1
        keys.insert(key)
    }
}

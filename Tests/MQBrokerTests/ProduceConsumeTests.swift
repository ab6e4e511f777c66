import Foundation
import MQClient
import MQProtocol
import MQStore
import MQTestSupport
import NIOCore
import Testing

@testable import MQBroker

@Suite(.serialized) struct ProduceConsumeTests {
    @Test func sendPullAndQueryByKeyOverTCP() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let producer = Producer(group: "pg", client: client)
            var results: [SendResult] = []
            for i in 0..<50 {
                let m = Message(
                    topic: "Orders", body: "order \(i)", tags: i % 2 == 0 ? "even" : "odd", keys: ["k\(i)", "all"])
                results.append(try await producer.send(m))
            }
            #expect(results.allSatisfy { $0.status == .sendOK })
            // Auto-created from TBW102 with the client's 4 queues.
            let route = try await client.route(topic: "Orders")
            #expect(route.queueDatas.first?.writeQueueNums == 4)

            // Query by key through the index.
            let found = try await client.queryMessages(topic: "Orders", key: "k7")
            #expect(found.count == 1)
            #expect(String(buffer: found[0].body) == "order 7")
            #expect(try await client.queryMessages(topic: "Orders", key: "all", maxNum: 64).count == 50)
            // By unique key and by offset message id.
            let byUnique = try await client.queryMessages(topic: "Orders", key: results[3].msgId, unique: true)
            #expect(byUnique.first?.properties.keys.contains("k3") == true)
            let byId = try await client.viewMessage(offsetMsgId: results[5].offsetMsgId)
            #expect(String(buffer: byId.body) == "order 5")

            // Pull every queue, filtered by tag.
            var even = 0
            for q in 0..<Int32(4) {
                let mq = MessageQueue(topic: "Orders", brokerName: "broker-a", queueId: q)
                let r = try await client.pull(group: "cg", queue: mq, offset: 0, maxNums: 64, expression: "even")
                if r.status == .found { even += r.messages.count }
                #expect(r.messages.allSatisfy { $0.tags == "even" })
                #expect(try await client.maxOffset(mq) == r.maxOffset)
            }
            #expect(even == 25)
            await client.shutdown()
        }
    }

    @Test func pullStatusesFollowApache() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let producer = Producer(group: "pg", client: client)
            let mq = MessageQueue(topic: "T1", brokerName: "broker-a", queueId: 0)
            _ = try await producer.send(Message(topic: "T1", body: "seed"))
            for _ in 0..<3 { _ = try await producer.send(Message(topic: "T1", body: "x"), to: mq) }
            let max = try await client.maxOffset(mq)
            #expect(max >= 3)
            // At the end: NO_NEW_MSG with nextBeginOffset = offset.
            let end = try await client.pull(group: "cg", queue: mq, offset: max)
            #expect(end.status == .noNewMessage && end.nextBeginOffset == max)
            // Far beyond: OFFSET_ILLEGAL, corrected to max.
            let beyond = try await client.pull(group: "cg", queue: mq, offset: max + 100)
            #expect(beyond.status == .offsetIllegal && beyond.nextBeginOffset == max)
            // Filtered out: NO_MATCHED_MSG.
            let filtered = try await client.pull(group: "cg", queue: mq, offset: 0, expression: "nothing")
            #expect(filtered.status == .noMatchedMessage)
            await client.shutdown()
        }
    }

    @Test func longPollIsAnsweredWhenAMessageArrives() async throws {
        try await withCluster { cluster in
            let client = cluster.client(timeout: .seconds(30))
            let producer = Producer(group: "pg", client: client)
            let mq = MessageQueue(topic: "Poll", brokerName: "broker-a", queueId: 1)
            _ = try await producer.send(Message(topic: "Poll", body: "first"), to: mq)
            let start = ContinuousClock.now
            async let pulled = client.pull(group: "cg", queue: mq, offset: 1, suspendMillis: 10_000)
            let core = try #require(cluster.brokers[0].controller?.core)
            try await waitUntil("the pull to be held by the broker") { core.holds.count == 1 }
            _ = try await producer.send(Message(topic: "Poll", body: "second"), to: mq)
            let r = try await pulled
            let waited = ContinuousClock.now - start
            #expect(r.status == .found)
            #expect(r.messages.map { String(buffer: $0.body) } == ["second"])
            #expect(waited < .seconds(3))
            // And a poll with nothing to find returns after its suspend time, not at once and not never.
            let t0 = ContinuousClock.now
            let empty = try await client.pull(group: "cg", queue: mq, offset: 2, suspendMillis: 600)
            #expect(empty.status == .noNewMessage)
            #expect(ContinuousClock.now - t0 >= .milliseconds(500))
            await client.shutdown()
        }
    }

    @Test func reconsumeLaterGoesThroughRetryThenDLQ() async throws {
        try await withCluster(configure: { $0.store.delayLevels = DelayLevels(millis: [100, 100, 100, 100, 100]) }) { cluster in
            let client = cluster.client(timeout: .seconds(30))
            // retryMaxTimes 2: delivered 3 times (0, 1, 2 retries), then the DLQ.
            var g = SubscriptionGroupConfig(groupName: "failing")
            g.retryMaxTimes = 2
            try await client.updateGroup(g, broker: cluster.brokers[0].brokerAddress!)
            let producer = Producer(group: "pg", client: client)
            _ = try await producer.send(Message(topic: "Fragile", body: "boom", tags: "bad", keys: ["doomed"]))
            let deliveries = SeenKeys()
            let consumer = PushConsumer(group: "failing", client: client, consumeFromWhere: .firstOffset)
            cluster.onStop { await consumer.shutdown() }
            await consumer.subscribe("Fragile")
            try await consumer.start { messages, _ in
                for m in messages { await deliveries.add("\(m.properties.keys.first ?? "?")#\(m.reconsumeTimes)") }
                return .reconsumeLater
            }
            #expect(await eventually(timeout: .seconds(20)) { await deliveries.all.count >= 3 })
            #expect(Set(await deliveries.all) == ["doomed#0", "doomed#1", "doomed#2"])
            let dlq = MessageQueue(topic: "%DLQ%failing", brokerName: "broker-a", queueId: 0)
            #expect(await eventually(timeout: .seconds(10)) { (try? await client.maxOffset(dlq)) == 1 })
            let r = try await client.pull(group: "inspect", queue: dlq, offset: 0)
            #expect(r.messages.first?.properties[MessageConst.retryTopic] == "Fragile")
            #expect(String(buffer: r.messages.first!.body) == "boom")
            await consumer.shutdown()
            await client.shutdown()
        }
    }
}

actor SeenKeys {
    private(set) var all: [String] = []
    func add(_ k: String) { all.append(k) }
    func count(prefix: String) -> Int { Set(all.filter { $0.hasPrefix(prefix) }).count }
}

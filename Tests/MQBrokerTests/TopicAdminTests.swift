import Foundation
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

/// The topics area's broker codes over TCP: topic stats and who consumes a topic.
@Suite(.serialized) struct TopicAdminTests {
    @Test func topicStatsFollowApacheShape() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let addr = cluster.brokers[0].brokerAddress!
            try await client.createTopic(
                TopicConfig(topicName: "Stats", readQueueNums: 2, writeQueueNums: 4), broker: addr)
            let producer = Producer(group: "pg", client: client)
            #expect(await eventually { (try? await client.route(topic: "Stats", refresh: true)) != nil })
            for i in 0..<3 {
                _ = try await producer.send(
                    Message(topic: "Stats", body: "m\(i)"),
                    to: MessageQueue(topic: "Stats", brokerName: "broker-a", queueId: 2))
            }
            let before = Int64(Date().timeIntervalSince1970 * 1000) - 60_000

            let stats = try #require(try await client.topicStats(topic: "Stats", broker: addr))
            // One entry per queue id up to max(read, write).
            #expect(stats.offsetTable.queues.map(\.queueId) == [0, 1, 2, 3])
            let q2 = try #require(stats.offsetTable[MessageQueue(topic: "Stats", brokerName: "broker-a", queueId: 2)])
            #expect(q2.minOffset == 0 && q2.maxOffset == 3)
            #expect(q2.lastUpdateTimestamp > before)
            let q0 = try #require(stats.offsetTable[MessageQueue(topic: "Stats", brokerName: "broker-a", queueId: 0)])
            #expect(q0 == TopicOffset(minOffset: 0, maxOffset: 0, lastUpdateTimestamp: 0))
            #expect(stats.topicPutTps >= 0)

            // Unknown topic: TOPIC_NOT_EXIST, which the client reports as nil.
            #expect(try await client.topicStats(topic: "NoSuchTopic", broker: addr) == nil)
            let raw = try await client.invoke(
                addr, .request(.getTopicStatsInfo, header: TopicHeader(topic: "NoSuchTopic")))
            #expect(raw.responseCode == .topicNotExist)
            #expect(raw.remark == "topic[NoSuchTopic] not exist")

            // Merged over the route: one broker here.
            let all = try await client.topicStats(topic: "Stats")
            #expect(all.count == 1 && all[0].value??.offsetTable.entries.count == 4)
            await client.shutdown()
        }
    }

    /// Apache's broker registers a created topic with the name servers before it answers; so does ours. A script's
    /// `topic create` followed by a send or a `topic list` must not find the name server a round behind.
    @Test func createdTopicsAreRoutableWhenTheCreateIsAnswered() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let addr = cluster.brokers[0].brokerAddress!
            for i in 0..<20 {
                let topic = "Routable\(i)"
                try await client.createTopic(
                    TopicConfig(topicName: topic, readQueueNums: 2, writeQueueNums: 2), broker: addr)
                #expect(try await client.topics(cluster: "DefaultCluster").contains(topic), "\(topic)")
                #expect(try await client.route(topic: topic, refresh: true).queueDatas.count == 1, "\(topic)")
            }
            // The batch form (Apache 5.x's UPDATE_AND_CREATE_TOPIC_LIST) too.
            let batch = (0..<5).map {
                TopicConfig(topicName: "RoutableBatch\($0)", readQueueNums: 1, writeQueueNums: 1)
            }
            try await client.writeTopicConfigList(batch, broker: addr)
            let listed = Set(try await client.topics(cluster: "DefaultCluster"))
            #expect(batch.allSatisfy { listed.contains($0.topicName) })
            await client.shutdown()
        }
    }

    @Test func queryTopicConsumeByWhoMergesOnlineAndStoredGroups() async throws {
        try await withCluster(brokers: 2) { cluster in
            let client = cluster.client()
            let targets = try await client.clusterInfo().masters(cluster: nil)
            _ = try await client.createTopic(
                TopicConfig(topicName: "Who", readQueueNums: 2, writeQueueNums: 2), attributes: [:], on: targets,
                ifNotExists: false)
            #expect(await eventually { (try? await client.route(topic: "Who", refresh: true).queueDatas.count) == 2 })
            // A stored offset on broker-b only, and an online consumer.
            try await client.updateGroup(SubscriptionGroupConfig(groupName: "offline-g"), broker: targets[1].address)
            try await client.updateConsumerOffset(
                group: "offline-g", queue: MessageQueue(topic: "Who", brokerName: "broker-b", queueId: 1), offset: 0)
            let consumer = PushConsumer(group: "online-g", client: client)
            await consumer.subscribe("Who")
            try await consumer.start { _, _ in .success }
            cluster.onStop { await consumer.shutdown() }

            #expect(
                await eventually {
                    let merged = Set(
                        ((try? await client.topicConsumers(topic: "Who")) ?? []).flatMap { $0.value ?? [] })
                    return merged == ["offline-g", "online-g"]
                })
            let onA = try await client.invoke(
                targets[0].address, .request(.queryTopicConsumeByWho, header: TopicHeader(topic: "Who")))
            #expect(try onA.decodeBody(GroupList.self).groupList == ["online-g"])
            await client.shutdown()
        }
    }
}

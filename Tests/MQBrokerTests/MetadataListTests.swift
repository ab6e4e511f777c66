import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

@testable import MQBroker

/// UPDATE_AND_CREATE_TOPIC_LIST (18) and UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST (225) over TCP: every item
/// checked before any is stored, the tables written (a new broker instance reads them back), routes re-registered.
@Suite(.serialized) struct MetadataListTests {
    func storedTopics(_ cluster: InProcessCluster) throws -> [String: TopicConfig] {
        let path = cluster.directory.sub("broker-a") + "/config/topics.json"
        return try #require(try ConfigFile<TopicConfigSerializeWrapper>(path: path).load()).topicConfigTable
    }

    func storedGroups(_ cluster: InProcessCluster) throws -> [String: SubscriptionGroupConfig] {
        let path = cluster.directory.sub("broker-a") + "/config/subscriptionGroup.json"
        return try #require(try ConfigFile<SubscriptionGroupWrapper>(path: path).load()).subscriptionGroupTable
    }

    @Test func topicListIsStoredWholeAndRouted() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let addr = cluster.brokers[0].brokerAddress!
            let configs = [
                TopicConfig(topicName: "L1", readQueueNums: 3, writeQueueNums: 3),
                TopicConfig(topicName: "L2", readQueueNums: 2, writeQueueNums: 2, perm: 4, order: true),
                // A plain attribute key counts as +key, so an exported topic.json applies as it is.
                TopicConfig(topicName: "L3", readQueueNums: 1, writeQueueNums: 1, attributes: ["message.type": "FIFO"]),
            ]
            try await client.writeTopicConfigList(configs, broker: addr)
            let stored = try storedTopics(cluster)
            #expect(stored["L1"]?.readQueueNums == 3)
            #expect(stored["L2"]?.perm == 4 && stored["L2"]?.order == true)
            #expect(stored["L3"]?.attributes == ["message.type": "FIFO"])
            // The change re-registers: the name server routes the new topics.
            try await waitUntil("L1..L3 routed") {
                for t in ["L1", "L2", "L3"] where (try? await client.route(topic: t, refresh: true)) == nil {
                    return false
                }
                return true
            }
            #expect(try await client.route(topic: "L2", refresh: true).queueDatas.first?.perm == 4)

            // Sending the same list again changes nothing and succeeds; a changed item is applied beside it.
            try await client.writeTopicConfigList(
                configs + [TopicConfig(topicName: "L4", readQueueNums: 1, writeQueueNums: 1)], broker: addr)
            #expect(try storedTopics(cluster)["L4"] != nil)
            await client.shutdown()
        }
    }

    @Test func topicListWithOneBadItemStoresNothing() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let addr = cluster.brokers[0].brokerAddress!
            let good = TopicConfig(topicName: "Good", readQueueNums: 1, writeQueueNums: 1)
            for (bad, why) in [
                (TopicConfig(topicName: "Bad Name"), "topic Bad Name: "),
                (TopicConfig(topicName: "TBW102"), "topic TBW102: The topic[TBW102] is conflict with system topic."),
                (TopicConfig(topicName: "Zero", readQueueNums: 0, writeQueueNums: 1), "topic Zero: queue numbers"),
                (TopicConfig(topicName: "Perm", perm: 9), "topic Perm: invalid permission 9"),
                (TopicConfig(topicName: "Mixed", attributes: ["+message.type": "MIXED"]), "MIXED"),
                (TopicConfig(topicName: "Colour", attributes: ["+colour": "blue"]), "unsupported attribute colour"),
                (good, "topic Good: given more than once"),
            ] {
                let error = await #expect(throws: ClientError.self) {
                    try await client.writeTopicConfigList([good, bad], broker: addr)
                }
                #expect("\(error.map { "\($0)" } ?? "")".contains(why), "\(String(describing: error))")
                let stored = try storedTopics(cluster)
                #expect(stored["Good"] == nil)
                #expect(cluster.brokers[0].controller?.core.topics.topic("Good") == nil)
            }
            // The raw answer: INVALID_PARAMETER, as Apache's broker answers a bad item.
            var request = RemotingCommand.request(.updateAndCreateTopicList)
            request.setJSONBody(CreateTopicListRequestBody(topicConfigList: [TopicConfig(topicName: "TBW102")]))
            let answer = try await client.invoke(addr, request)
            #expect(answer.responseCode == .invalidParameter)
            await client.shutdown()
        }
    }

    @Test func groupListIsStoredWholeOrNotAtAll() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let addr = cluster.brokers[0].brokerAddress!
            var a = SubscriptionGroupConfig(groupName: "ga")
            a.retryMaxTimes = 3
            var b = SubscriptionGroupConfig(groupName: "gb")
            b.consumeMessageOrderly = true
            try await client.writeGroupConfigList([a, b], broker: addr)
            var stored = try storedGroups(cluster)
            #expect(stored["ga"]?.retryMaxTimes == 3 && stored["gb"]?.consumeMessageOrderly == true)
            #expect(try await client.groupConfig("gb", broker: addr)?.consumeMessageOrderly == true)

            let error = await #expect(throws: ClientError.self) {
                try await client.writeGroupConfigList(
                    [SubscriptionGroupConfig(groupName: "gc"), SubscriptionGroupConfig(groupName: "bad group")],
                    broker: addr)
            }
            #expect("\(error.map { "\($0)" } ?? "")".contains("group bad group: "))
            stored = try storedGroups(cluster)
            #expect(stored["gc"] == nil)
            let dup = await #expect(throws: ClientError.self) {
                try await client.writeGroupConfigList([a, a], broker: addr)
            }
            #expect("\(dup.map { "\($0)" } ?? "")".contains("group ga: given more than once"))
            await client.shutdown()
        }
    }
}

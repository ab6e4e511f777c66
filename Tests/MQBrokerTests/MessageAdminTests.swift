import Foundation
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

/// GET_BROKER_CONSUME_STATS (317) and QUERY_CONSUME_TIME_SPAN (303) over TCP. (The backlog sample the client
/// builds on them is tested in MQClientTests.)
@Suite(.serialized) struct MessageAdminTests {
    func brokerConsumeStats(
        _ client: MQClientInstance, _ addr: String, _ h: GetConsumeStatsInBrokerHeader
    ) async throws
        -> ConsumeStatsList
    {
        let response = try await client.invoke(addr, .request(.getBrokerConsumeStats, header: h))
        #expect(response.code == 0)
        return try response.decodeBody(ConsumeStatsList.self)
    }

    @Test func brokerConsumeStatsAnswersEveryGroupInApacheShape() async throws {
        try await SeededCluster.withBacklog { cluster, client, q in
            let addr = cluster.brokers[0].brokerAddress!
            let list = try await brokerConsumeStats(client, addr, GetConsumeStatsInBrokerHeader())
            #expect(list.brokerAddr == addr)
            let groups = Dictionary(
                list.consumeStatsList.flatMap { $0.map { ($0.key, $0.value) } }, uniquingKeysWith: { a, _ in a })
            #expect(groups["behind"]?.count == 1)
            let behind = try #require(groups["behind"]?.first)
            let w0 = try #require(behind.offsetTable[q[0]])
            #expect(w0.brokerOffset == 6 && w0.consumerOffset == 2 && w0.minOffset == 0)
            // The oldest unconsumed message is the one at the committed offset.
            let third = try await client.storedMessage(queue: q[0], offset: 2).message
            #expect(w0.nextTimestamp == third?.storeTimestamp)
            #expect(behind.offsetTable[q[1]]?.nextTimestamp == nil)  // caught up
            #expect(list.totalDiff == 4)
            #expect(list.onlineConsumers == [:])
            // The raw body keeps fastjson's object keys and the one-entry group maps.
            let raw = try await client.invoke(
                addr, .request(.getBrokerConsumeStats, header: GetConsumeStatsInBrokerHeader()))
            let text = String(buffer: raw.body!)
            #expect(text.contains(#"{"behind":[{"consumeTps":"#))
            #expect(text.contains(#"{{"brokerName":"broker-a","queueId":0,"topic":"Stats"}:{"#))

            // The extension narrows the answer to one group and topic.
            let one = try await brokerConsumeStats(
                client, addr, GetConsumeStatsInBrokerHeader(consumerGroup: "done", topic: "Stats"))
            #expect(one.consumeStatsList.flatMap(\.keys) == ["done"])
            #expect(one.totalDiff == 0)
            await client.shutdown()
        }
    }

    @Test func onlineGroupsAreListedWithTheirSubscribedTopics() async throws {
        try await SeededCluster.withBacklog { cluster, client, _ in
            let addr = cluster.brokers[0].brokerAddress!
            let consumerClient = cluster.client()
            let consumer = PushConsumer(group: "live", client: consumerClient, consumeFromWhere: .lastOffset)
            await consumer.subscribe("Stats")
            try await consumer.start { _, _ in .success }
            cluster.onStop {
                await consumer.shutdown()
                await consumerClient.shutdown()
            }
            let list = try await brokerConsumeStats(client, addr, GetConsumeStatsInBrokerHeader(consumerGroup: "live"))
            #expect(list.onlineConsumers == ["live": 1])
            let topics = Set(
                list.consumeStatsList.flatMap { $0["live"] ?? [] }.flatMap { $0.offsetTable.queues.map(\.topic) })
            #expect(topics.contains("Stats"))
            await client.shutdown()
        }
    }

    @Test func consumeTimeSpanGivesTheWaitOfTheOldestUnconsumedMessage() async throws {
        try await SeededCluster.withBacklog { cluster, client, q in
            let addr = cluster.brokers[0].brokerAddress!
            let response = try await client.invoke(
                addr,
                .request(
                    .queryConsumeTimeSpan, header: QueryConsumeTimeSpanRequestHeader(topic: "Stats", group: "behind")))
            let spans = try response.decodeBody(QueryConsumeTimeSpanBody.self).consumeTimeSpanSet
            #expect(spans.count == 2)
            let third = try #require(try await client.storedMessage(queue: q[0], offset: 2).message)
            let waited = nowMillisForTest() - third.storeTimestamp
            #expect(spans[0].delayTime >= 0 && spans[0].delayTime <= waited + 5)
            #expect(spans[1].delayTime == 0)
            #expect(spans[0].minTimeStamp > 0 && spans[0].maxTimeStamp >= spans[0].minTimeStamp)
            let missing = try await client.invoke(
                addr,
                .request(
                    .queryConsumeTimeSpan, header: QueryConsumeTimeSpanRequestHeader(topic: "Nope", group: "behind")))
            #expect(missing.code == ResponseCode.topicNotExist.rawValue)
            await client.shutdown()
        }
    }

    @Test func fastConsumeStatsListCodingMatchesCodable() throws {
        var stats = ConsumeStats(consumeTps: 2.5)
        stats.offsetTable.entries = [
            (
                MessageQueue(topic: "T\"q", brokerName: "b-1", queueId: 1),
                OffsetWrapper(
                    brokerOffset: 9, consumerOffset: 0, pullOffset: 0, lastTimestamp: 0, minOffset: 3,
                    nextTimestamp: 1_700_000_000_123, neverCommitted: true)
            ),
            (
                MessageQueue(topic: "T\"q", brokerName: "b-1", queueId: 0),
                OffsetWrapper(brokerOffset: 5, consumerOffset: 5, pullOffset: 5, lastTimestamp: 17)
            ),
        ]
        for online in [nil, ["grp-ü": Int32(2), "a": 1]] as [[String: Int32]?] {
            let list = ConsumeStatsList(
                brokerAddr: "127.0.0.1:10911",
                consumeStatsList: [["grp-ü": [stats, ConsumeStats()]], ["x": []]],
                totalDiff: 9, totalInflightDiff: -1, onlineConsumers: online)
            let fast = list.fastJSONBytes()
            #expect(fast == (try FastJSONEncoder().encode(list)))
            let parsed = try ConsumeStatsList.parse(try JSONReader.parse(fast))
            #expect(try FastJSONEncoder().encode(parsed) == fast)
        }
    }
}

func nowMillisForTest() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

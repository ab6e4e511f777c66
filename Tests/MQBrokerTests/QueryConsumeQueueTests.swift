import MQBroker
import MQClient
import MQProtocol
import MQRemoting
import MQTestSupport
import Testing

/// QUERY_CONSUME_QUEUE (321, Apache's queryCq) and the cluster- and broker-name topics Apache's clusterRT and
/// sendMsgStatus send to.
@Suite struct QueryConsumeQueueTests {
    @Test func entriesOfAQueueAndApachesAnswersAtItsEdges() async throws {
        try await withCluster(brokers: 1) { cluster in
            let client = cluster.client()
            let raw = RemotingClient(group: cluster.group, logger: cluster.logger)
            try await withTeardown {
                let broker = try #require(cluster.brokers[0].brokerAddress)
                try await client.createTopic(
                    TopicConfig(topicName: "Cq", readQueueNums: 1, writeQueueNums: 1), broker: broker)
                let producer = Producer(group: "pg", client: client)
                var sent: [SendResult] = []
                for i in 0..<3 {
                    sent.append(try await producer.send(Message(topic: "Cq", body: "m\(i)", tags: "t\(i)")))
                }

                func ask(_ index: Int64, _ count: Int32, queue: Int32 = 0) async throws -> RemotingCommand {
                    let h = QueryConsumeQueueRequestHeader(topic: "Cq", queueId: queue, index: index, count: count)
                    return try await raw.invoke(broker, .request(.queryConsumeQueue, header: h), timeout: .seconds(5))
                }
                let two = try await ask(1, 2)
                #expect(two.code == 0)
                let body = try two.decodeBody(QueryConsumeQueueResponseBody.self)
                #expect(body.minQueueIndex == 0 && body.maxQueueIndex == 3)
                #expect(body.queueData.count == 2)
                let second = try MessageId.decode(sent[1].offsetMsgId)
                #expect(body.queueData.first?.physicOffset == second.offset)
                #expect(body.queueData.first?.tagsCode == Int64(JavaHash.hashCode("t1")))

                let beyond = try await ask(5, 1)
                #expect(
                    beyond.code == 0 && beyond.bodyBytes.isEmpty && beyond.remark == "Index 5 of 0@Cq is not exist!")
                let noQueue = try await ask(0, 1, queue: 7)
                #expect(noQueue.code == ResponseCode.systemError.rawValue && noQueue.remark == "7@Cq is not exist!")

                // clusterRT sends to the topic named after the cluster, sendMsgStatus to the one named after the
                // broker.
                for topic in ["DefaultCluster", "broker-a"] {
                    let result = try await producer.send(Message(topic: topic, body: "rt"))
                    #expect(result.status == .sendOK, "\(topic)")
                }
            } teardown: {
                await raw.close()
            }
        }
    }
}

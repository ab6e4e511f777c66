import Foundation
import MQClient
import MQProtocol
import NIOCore

/// The backlog report over a large cluster state, and CLI latency.
enum AdminBench {
    /// Creates `topics` topics of 8 queues with a few messages each, and `groups` groups that each
    /// committed offsets on `topicsPerGroup` of them.
    static func seed(_ client: MQClientInstance, broker: String, topics: Int, groups: Int, topicsPerGroup: Int)
        async throws
    {
        let names = (0..<topics).map { "bt\($0)" }
        for name in names {
            try await client.createTopic(
                TopicConfig(topicName: name, readQueueNums: 8, writeQueueNums: 8), broker: broker)
        }
        let producer = Producer(group: "bench-seed", client: client)
        for name in names {
            let queues = (0..<Int32(8)).map { MessageQueue(topic: name, brokerName: "broker-a", queueId: $0) }
            for q in queues {
                _ = try await producer.sendBatch((0..<10).map { _ in Message(topic: name, body: "x") }, to: q)
            }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<16 {
                group.addTask {
                    var g = w
                    while g < groups {
                        let groupName = "bg\(g)"
                        try await client.updateGroup(SubscriptionGroupConfig(groupName: groupName), broker: broker)
                        for t in 0..<topicsPerGroup {
                            let topic = names[(g + t * 7) % topics]
                            for q in 0..<Int32(8) {
                                let mq = MessageQueue(topic: topic, brokerName: "broker-a", queueId: q)
                                try await client.updateConsumerOffset(
                                    group: groupName, queue: mq, offset: Int64(q % 10))
                            }
                        }
                        g += 16
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}

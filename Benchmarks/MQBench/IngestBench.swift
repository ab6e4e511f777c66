import Foundation
import MQClient
import MQProtocol
import NIOCore

/// Producer throughput against a broker process.
enum IngestBench {
    static let body = ByteBuffer(bytes: [UInt8](repeating: 0x61, count: 1024))

    /// `messages` single sends of 1 KiB spread over `senders` concurrent tasks; returns msg/s.
    static func single(_ client: MQClientInstance, topic: String, messages: Int, senders: Int) async throws -> Double {
        let producer = Producer(group: "bench-pg", client: client)
        _ = try await producer.send(Message(topic: topic, body: body))
        let perSender = messages / senders
        let secs = try await measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for s in 0..<senders {
                    group.addTask {
                        for i in 0..<perSender {
                            _ = try await producer.send(Message(topic: topic, body: body, keys: ["s\(s)-\(i)"]))
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        return Double(perSender * senders) / secs
    }

    /// Batches of `batchSize` × 1 KiB from `senders` tasks; returns MB/s of message bodies.
    static func batched(_ client: MQClientInstance, topic: String, batches: Int, batchSize: Int, senders: Int)
        async throws
        -> Double
    {
        let producer = Producer(group: "bench-pg", client: client)
        let queues = try await producer.writableQueues(topic: topic)
        let perSender = batches / senders
        let secs = try await measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for s in 0..<senders {
                    group.addTask {
                        for i in 0..<perSender {
                            let batch = (0..<batchSize).map { j in
                                Message(topic: topic, body: body, keys: ["b\(s)-\(i)-\(j)"])
                            }
                            _ = try await producer.sendBatch(batch, to: queues[(s + i) % queues.count])
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        return Double(perSender * senders * batchSize * 1024) / 1_048_576 / secs
    }
}

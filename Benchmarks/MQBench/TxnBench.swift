import Foundation
import MQClient
import MQProtocol

/// Transactional sends against plain ones: a transactional message costs the broker three appends (the half
/// message, the committed copy in the real topic, the op record) and the producer one more request
/// (END_TRANSACTION, oneway), so its commit throughput is judged beside plain sends of the same run.
enum TxnBench {
    /// `messages` transactions of 1 KiB from `senders` tasks, each prepared, its local transaction answering
    /// COMMIT at once, and ended; returns committed msg/s, timed until every commit is in the real topic (the
    /// END_TRANSACTION is oneway, so the send returning does not mean the commit is stored).
    static func commits(_ client: MQClientInstance, topic: String, messages: Int, senders: Int) async throws
        -> Double
    {
        let producer = TransactionProducer(group: "bench-txn-pg", client: client) { _ in .commit }
        let queues = try await producer.producer.writableQueues(topic: topic)
        let before = try await stored(client, queues)
        let perSender = messages / senders
        let secs = try await measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for s in 0..<senders {
                    group.addTask {
                        for i in 0..<perSender {
                            let message = Message(topic: topic, body: IngestBench.body, keys: ["t\(s)-\(i)"])
                            let sent = try await producer.send(message) { _, _ in .commit }
                            guard sent.state == .commit else { throw BenchError("a transaction was not committed") }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let expected = before + Int64(perSender * senders)
            let deadline = ContinuousClock.now + .seconds(60)
            while try await stored(client, queues) < expected {
                guard ContinuousClock.now < deadline else { throw BenchError("commits not all stored after 60 s") }
                try await Task.sleep(for: .milliseconds(1))
            }
        }
        return Double(perSender * senders) / secs
    }

    /// Messages stored in `queues` (sum of max offsets).
    static func stored(_ client: MQClientInstance, _ queues: [MessageQueue]) async throws -> Int64 {
        var total: Int64 = 0
        for q in queues { total += try await client.maxOffset(q) }
        return total
    }
}

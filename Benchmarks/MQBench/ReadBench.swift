import Foundation
import MQClient
import MQProtocol
import NIOCore

/// Consumption and lookup figures.
enum ReadBench {
    /// Loads `count` messages of `size` bytes with unique keys `k<first>`, `k<first + 1>`, … in batches of 64.
    static func load(
        _ client: MQClientInstance, topic: String, count: Int, size: Int, senders: Int = 8, first: Int = 0
    ) async throws {
        let producer = Producer(group: "bench-loader", client: client, compressOver: Int.max)
        let queues = try await producer.writableQueues(topic: topic)
        let body = ByteBuffer(bytes: [UInt8](repeating: 0x62, count: size))
        let batches = (count + 63) / 64
        try await withThrowingTaskGroup(of: Void.self) { group in
            for s in 0..<senders {
                group.addTask {
                    var b = s
                    while b < batches {
                        let range = (b * 64)..<min(count, (b + 1) * 64)
                        let batch = range.map { Message(topic: topic, body: body, keys: ["k\(first + $0)"]) }
                        _ = try await producer.sendBatch(batch, to: queues[b % queues.count])
                        b += senders
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// One group pulls every queue of `topic` to the end concurrently; returns msg/s.
    static func consume(_ client: MQClientInstance, topic: String, queues: [MessageQueue]) async throws -> (Double, Int)
    {
        var total = 0
        let secs = try await measure {
            total = try await withThrowingTaskGroup(of: Int.self) { group in
                for mq in queues {
                    group.addTask {
                        var offset: Int64 = 0
                        var n = 0
                        while true {
                            let r = try await client.pull(
                                group: "bench-consumer", queue: mq, offset: offset, maxNums: 256)
                            guard r.status == .found else { break }
                            n += r.messages.count
                            offset = r.nextBeginOffset
                        }
                        return n
                    }
                }
                return try await group.reduce(0, +)
            }
        }
        return (Double(total) / secs, total)
    }

    /// Median and p99 latency (ms) of QUERY_MESSAGE by key for random keys among `count`.
    static func queryByKey(_ client: MQClientInstance, topic: String, count: Int, samples: Int = 2000) async throws
        -> (median: Double, p99: Double)
    {
        var latencies: [Double] = []
        var misses = 0
        // Warm-up, not counted: the first queries look up the route and fault in the index's pages.
        for _ in 0..<50 {
            _ = try await client.queryMessages(topic: topic, key: "k\(Int.random(in: 0..<count))", maxNum: 4)
        }
        for _ in 0..<samples {
            let key = "k\(Int.random(in: 0..<count))"
            let start = ContinuousClock.now
            let found = try await client.queryMessages(topic: topic, key: key, maxNum: 4)
            latencies.append(seconds(since: start) * 1000)
            if found.isEmpty { misses += 1 }
        }
        if misses > 0 { throw BenchError("\(misses) of \(samples) keys were not found") }
        return (median(latencies), percentile(latencies, 0.99))
    }
}

import Foundation
import MQClient
import MQProtocol

/// Timer accuracy: many TIMER_DELIVER_MS messages due within a few seconds of each other, and how late each
/// reaches a consumer that long-polls every queue.
enum TimerBench {
    struct Lateness {
        /// Milliseconds from each message's TIMER_DELIVER_MS to its arrival at the consumer, sorted.
        var arrival: [Int64]
        /// Milliseconds from TIMER_DELIVER_MS to the delivered copy's store time, sorted.
        var stored: [Int64]
        /// Messages seen before their time (must be none).
        var early: Int
        /// Time the sends took (ms): it must end before the first message is due.
        var sendMillis: Int64
        var lead: Int64

        static func percentile(_ sorted: [Int64], _ p: Double) -> Int64 {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
    }

    static func epochMillis() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// Sends `count` timer messages due `lead` ms after the sends start, spread at random over `spread` ms,
    /// then pulls them all back and measures.
    static func measure(
        _ client: MQClientInstance, topic: String, queues: Int32, count: Int, lead: Int64, spread: Int64,
        senders: Int = 32
    ) async throws -> Lateness {
        let producer = Producer(group: "bench-timer", client: client)
        let start = epochMillis()
        let perQueue = try await withThrowingTaskGroup(of: [Int32: Int].self) { group in
            for s in 0..<senders {
                group.addTask {
                    var sent: [Int32: Int] = [:]
                    var i = s
                    while i < count {
                        let mq = MessageQueue(topic: topic, brokerName: "broker-a", queueId: Int32(i) % queues)
                        var m = Message(topic: topic, body: "timer \(i)")
                        m.deliverTimeMs = start + lead + Int64.random(in: 0..<spread)
                        let r = try await producer.send(m, to: mq)
                        guard r.status == .sendOK else { throw BenchError("timer send: \(r.status)") }
                        sent[mq.queueId, default: 0] += 1
                        i += senders
                    }
                    return sent
                }
            }
            var all: [Int32: Int] = [:]
            for try await part in group { all.merge(part, uniquingKeysWith: +) }
            return all
        }
        let sendMillis = epochMillis() - start
        let results = try await withThrowingTaskGroup(of: ([Int64], [Int64], Int).self) { group in
            for (queueId, expected) in perQueue {
                group.addTask {
                    let mq = MessageQueue(topic: topic, brokerName: "broker-a", queueId: queueId)
                    var arrival: [Int64] = []
                    var stored: [Int64] = []
                    var early = 0
                    var offset: Int64 = 0
                    let deadline = epochMillis() + lead + spread + 60_000
                    while arrival.count < expected {
                        guard epochMillis() < deadline else {
                            throw BenchError("queue \(queueId): \(arrival.count) of \(expected) timer messages came")
                        }
                        let r = try await client.pull(
                            group: "bench-timer", queue: mq, offset: offset, maxNums: 64, suspendMillis: 1000)
                        let now = epochMillis()
                        for m in r.messages {
                            guard let due = m.properties[MessageConst.timerDeliverMS].flatMap({ Int64($0) }) else {
                                continue
                            }
                            if now < due || m.storeTimestamp < due { early += 1 }
                            arrival.append(now - due)
                            stored.append(m.storeTimestamp - due)
                        }
                        if r.status == .found { offset = r.nextBeginOffset }
                    }
                    return (arrival, stored, early)
                }
            }
            var all = ([Int64](), [Int64](), 0)
            for try await part in group {
                all.0 += part.0
                all.1 += part.1
                all.2 += part.2
            }
            return all
        }
        return Lateness(
            arrival: results.0.sorted(), stored: results.1.sorted(), early: results.2, sendMillis: sendMillis,
            lead: lead)
    }
}

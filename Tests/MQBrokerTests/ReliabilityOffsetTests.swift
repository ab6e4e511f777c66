import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Acknowledged UPDATE_CONSUMER_OFFSET commits must survive kill -9 under sync flush, and what that costs.
@Suite(.serialized) struct ReliabilityOffsetTests {
    @Test func acknowledgedOffsetCommitsSurviveKillDashNine() async throws {
        let dir = try TempDirectory("offset-crash")
        defer { dir.remove() }
        let data = dir.sub("data")
        try await withBrokerProcess(dataDirectory: data, arguments: ["--flush", "sync"]) { first in
            let c = Reliability.client(first.nameServer)
            try await Reliability.prepare(c, broker: first.broker, topic: "OffsetCrash", queues: 4, groups: ["oc-g"])
            // Well inside the 5 s persist interval: nothing but the commits themselves can save these.
            for round in 1...50 {
                for q in Int32(0)..<4 {
                    let mq = MessageQueue(topic: "OffsetCrash", brokerName: "broker-a", queueId: q)
                    try await c.updateConsumerOffset(group: "oc-g", queue: mq, offset: Int64(round * 10) + Int64(q))
                }
            }
            first.crash()
            await c.shutdown()
        }

        try await withBrokerProcess(dataDirectory: data, arguments: ["--flush", "sync"]) { second in
            let c2 = Reliability.client(second.nameServer)
            for q in Int32(0)..<4 {
                let mq = MessageQueue(topic: "OffsetCrash", brokerName: "broker-a", queueId: q)
                let offset = try await c2.queryConsumerOffset(group: "oc-g", queue: mq)
                #expect(
                    offset == 500 + Int64(q),
                    "queue \(q): committed 500+\(q) before kill -9, found \(String(describing: offset))")
            }
            await c2.shutdown()
        }
    }

    /// Prints commits/s for one sequential committer and for 16 concurrent ones (the figures in
    /// docs/reliability.md); only guards against a collapse.
    @Test(arguments: ["sync", "async"]) func offsetCommitCost(flush: String) async throws {
        let dir = try TempDirectory("offset-cost")
        defer { dir.remove() }
        try await withBrokerProcess(dataDirectory: dir.sub("data"), arguments: ["--flush", flush]) { broker in
            let c = Reliability.client(broker.nameServer)
            try await Reliability.prepare(c, broker: broker.broker, topic: "OffsetCost", queues: 16, groups: ["cost-g"])
            var figures: [String] = []
            for workers in [1, 16] {
                let rate = try await Reliability.rate(workers: workers, duration: .seconds(2)) { w, i in
                    let mq = MessageQueue(topic: "OffsetCost", brokerName: "broker-a", queueId: Int32(w))
                    try await c.updateConsumerOffset(group: "cost-g", queue: mq, offset: Int64(i))
                }
                figures.append("\(workers) committer(s): \(Int(rate)) commits/s")
                #expect(rate > 50, "offset commits collapsed under \(flush) flush: \(rate)/s")
            }
            print("offset commit cost, \(flush) flush: " + figures.joined(separator: ", "))
            await c.shutdown()
        }
    }
}

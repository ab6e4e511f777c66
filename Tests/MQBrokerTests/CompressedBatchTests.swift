import MQBroker
import MQClient
import MQProtocol
import MQRemoting
import MQTestSupport
import NIOCore
import Testing

/// A batch sent the way the official C++ client sends it: SEND_MESSAGE (10) with the `batch` field, its body
/// compressed as a whole (zlib, sysFlag COMPRESSED) once it passes the client's threshold. Every message is
/// stored on its own with the body it was sent with, and its keys are indexed.
@Suite struct CompressedBatchTests {
    static func batchRequest(topic: String, bodies: [[UInt8]], keys: [String], compress: Bool) throws -> RemotingCommand {
        let items = zip(bodies, keys).map { body, key in
            var p = MessageProperties()
            p[MessageConst.keys] = key
            p[MessageConst.uniqueKey] = UniqueKeyGenerator.shared.next()
            return BatchItem(flag: 0, body: ByteBuffer(bytes: body), properties: p)
        }
        var body = try BatchBody.encode(items)
        var h = SendMessageRequestHeader(producerGroup: "cpp", topic: topic, queueId: 0)
        if compress {
            body = try BodyCompression.compress(body)
            h.sysFlag = MessageSysFlag.compressed
        }
        h.bornTimestamp = 1
        h.batch = true
        return RemotingCommand.request(.sendMessage, header: h, body: body)
    }

    @Test(arguments: [(1, 10), (20, 200), (64, 1000), (30, 100_000)])
    func compressedBatchesAreStoredMessageByMessage(count: Int, size: Int) async throws {
        try await withCluster(brokers: 1) { cluster in
            let client = cluster.client()
            let broker = try #require(cluster.brokers[0].brokerAddress)
            let topic = "Batch\(count)x\(size)"
            try await client.createTopic(
                TopicConfig(topicName: topic, readQueueNums: 1, writeQueueNums: 1), broker: broker)
            // Bodies that are not all alike, so a mix-up between messages shows.
            let bodies = (0..<count).map { i in (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ i) } }
            let keys = (0..<count).map { "\(topic)-k\($0)" }
            for compress in [false, true] {
                let answer = try await client.invoke(
                    broker, try Self.batchRequest(topic: topic, bodies: bodies, keys: keys, compress: compress))
                #expect(answer.code == 0, "\(answer.remark ?? "")")
            }
            let queue = MessageQueue(topic: topic, brokerName: "broker-a", queueId: 0)
            var stored: [MessageExt] = []
            while stored.count < 2 * count {
                let pulled = try await client.pull(group: "g", queue: queue, offset: Int64(stored.count))
                #expect(!pulled.messages.isEmpty)
                if pulled.messages.isEmpty { break }
                stored += pulled.messages
            }
            #expect(stored.count == 2 * count)
            for (i, m) in stored.enumerated() {
                #expect(Array(m.body.readableBytesView) == bodies[i % count], "message \(i)")
                #expect(m.keys == [keys[i % count]])
                #expect(m.sysFlag & MessageSysFlag.compressed == 0)
            }
            let found = try await client.queryMessages(topic: topic, key: keys[count - 1])
            #expect(found.count == 2)
        }
    }

    @Test func aBatchThatInflatesBeyondTheLimitIsRefused() async throws {
        try await withCluster(brokers: 1, configure: { $0.store.maxMessageSize = 64 * 1024 }) { cluster in
            let client = cluster.client()
            let broker = try #require(cluster.brokers[0].brokerAddress)
            try await client.createTopic(
                TopicConfig(topicName: "Bomb", readQueueNums: 1, writeQueueNums: 1), broker: broker)
            // 300 KiB of zeros compress to almost nothing and inflate past 4 × 64 KiB.
            let request = try Self.batchRequest(
                topic: "Bomb", bodies: [[UInt8](repeating: 0, count: 300 * 1024)], keys: ["b"], compress: true)
            let answer = try await client.invoke(broker, request)
            #expect(answer.code == ResponseCode.messageIllegal.rawValue)
            #expect(answer.remark?.contains("cannot be inflated") == true, "\(answer.remark ?? "")")
        }
    }
}

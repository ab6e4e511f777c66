import Foundation
import GRPCCore
import MQBroker
import MQProtocol
import MQTestSupport
import NIOCore
import SwiftProtobuf
import Testing

@testable import MQGrpc

/// SendMessage, EndTransaction and RecallMessage (design pop-grpc.md §1.1, §4.5, §4.6) with the generated Swift
/// client: what the broker stores for each message type, and the statuses of the refusals.
@Suite struct GrpcSendTests {
    static func message(
        _ topic: String, body: String = "hello", id: String = "01AABBCCDDEEFF0000000000000001",
        type: V2MessageType = .normal,
        tag: String? = nil, keys: [String] = [], group: String? = nil, deliverAt: Int64? = nil,
        user: [String: String] = [:], bornSeconds: Int64 = 1_700_000_000
    ) -> Apache_Rocketmq_V2_Message {
        var m = Apache_Rocketmq_V2_Message()
        m.topic = topicResource(topic)
        m.body = Data(body.utf8)
        m.userProperties = user
        var s = Apache_Rocketmq_V2_SystemProperties()
        s.messageID = id
        s.messageType = type
        if let tag { s.tag = tag }
        s.keys = keys
        s.bornTimestamp = Google_Protobuf_Timestamp(seconds: bornSeconds, nanos: 0)
        s.bornHost = "10.1.2.3"
        s.bodyEncoding = .identity
        if let group { s.messageGroup = group }
        if let deliverAt { s.deliveryTimestamp = Google_Protobuf_Timestamp(seconds: deliverAt / 1000, nanos: 0) }
        m.systemProperties = s
        return m
    }

    static func request(_ messages: Apache_Rocketmq_V2_Message...) -> Apache_Rocketmq_V2_SendMessageRequest {
        var r = Apache_Rocketmq_V2_SendMessageRequest()
        r.messages = messages
        return r
    }

    func send(_ broker: GrpcBroker, _ message: Apache_Rocketmq_V2_Message) async throws
        -> Apache_Rocketmq_V2_SendMessageResponse
    {
        try await broker.withClient { try await $0.sendMessage(Self.request(message), metadata: clientMetadata()) }
    }

    @Test func normalMessageIsStoredWithApachesProperties() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("S_NORMAL")
            let m = Self.message(
                "S_NORMAL", body: "payload", tag: "TagA", keys: ["k1", "k2"], user: ["color": "blue"])
            let response = try await send(broker, m)
            #expect(response.status.code == .ok)
            let entry = try #require(response.entries.first)
            #expect(response.entries.count == 1)
            #expect(entry.status.code == .ok)
            #expect(entry.messageID == "01AABBCCDDEEFF0000000000000001")
            #expect(entry.transactionID.isEmpty)
            let stored = try #require(try broker.stored("S_NORMAL").first)
            #expect(String(buffer: stored.body) == "payload")
            #expect(stored.properties.uniqueKey == "01AABBCCDDEEFF0000000000000001")
            #expect(stored.properties[MessageConst.tags] == "TagA")
            #expect(stored.properties[MessageConst.keys] == "k1 k2")
            #expect(stored.properties["color"] == "blue")
            #expect(stored.properties[MessageConst.producerGroup] == "S_NORMAL")
            #expect(stored.properties[MessageConst.bornHost] == "10.1.2.3")
            #expect(stored.properties[MessageConst.bornTimestamp] == "1700000000000")
            #expect(stored.bornTimestamp == 1_700_000_000_000)
            #expect(stored.properties[MessageConst.shardingKey] == nil)
            #expect(entry.offset == stored.queueOffset)
        }
    }

    @Test func fifoMessagesOfAGroupShareAQueueAndCarryTheShardingKey() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("S_FIFO", type: .fifo)
            for i in 0..<6 {
                let group = i % 2 == 0 ? "order-1" : "order-2"
                let response = try await send(broker, Self.message("S_FIFO", body: "m\(i)", type: .fifo, group: group))
                #expect(response.status.code == .ok)
            }
            let stored = try broker.stored("S_FIFO")
            #expect(stored.count == 6)
            for group in ["order-1", "order-2"] {
                let mine = stored.filter { $0.properties[MessageConst.shardingKey] == group }
                #expect(mine.count == 3)
                // One queue per message group: the order within the group is the queue's order.
                let expected = GrpcSendMessage.consistentHash(Int64(JavaHash.hashCode(group)), buckets: 4)
                #expect(Set(mine.map(\.queueId)) == [expected])
            }
        }
    }

    @Test func consistentHashStaysInRangeAndIsStable() {
        for buckets: Int32 in [1, 2, 4, 8, 16] {
            for input: Int64 in [0, 1, -1, 42, Int64(Int32.min), Int64(Int32.max)] {
                let bucket = GrpcSendMessage.consistentHash(input, buckets: buckets)
                #expect(bucket >= 0 && bucket < buckets)
                #expect(bucket == GrpcSendMessage.consistentHash(input, buckets: buckets))
            }
        }
        // Guava's golden values (HashingTest.testConsistentHash_linearCongruentialGeneratorCompatibility).
        let golden100: [Int32] = [0, 55, 62, 8, 45, 59, 86, 97, 82, 59, 73, 37, 17, 56, 86, 21, 90, 37, 38, 83]
        #expect((0..<20).map { GrpcSendMessage.consistentHash(Int64($0), buckets: 100) } == golden100)
        #expect(GrpcSendMessage.consistentHash(10_863_919_174_838_991, buckets: 11) == 6)
        #expect(GrpcSendMessage.consistentHash(2_016_238_256_797_177_309, buckets: 11) == 3)
        #expect(GrpcSendMessage.consistentHash(1_673_758_223_894_951_030, buckets: 11) == 5)
        #expect(GrpcSendMessage.consistentHash(2, buckets: 100_001) == 80343)
        #expect(GrpcSendMessage.consistentHash(2201, buckets: 100_001) == 22152)
        #expect(GrpcSendMessage.consistentHash(2202, buckets: 100_001) == 15018)
        // Guava's property: growing the buckets moves an input only into the new bucket.
        for input: Int64 in [7, 123_456, -99] {
            let four = GrpcSendMessage.consistentHash(input, buckets: 4)
            let five = GrpcSendMessage.consistentHash(input, buckets: 5)
            #expect(five == four || five == 4)
        }
    }

    @Test func delayMessageWaitsForItsTimeAndCanBeRecalled() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("S_DELAY", type: .delay)
            let at = (nowMillis() / 1000 + 600) * 1000
            let response = try await send(broker, Self.message("S_DELAY", type: .delay, deliverAt: at))
            #expect(response.status.code == .ok)
            let entry = try #require(response.entries.first)
            #expect(!entry.recallHandle.isEmpty)
            // Parked in the timer, not in the topic, with the client's delivery time.
            #expect(try broker.stored("S_DELAY").isEmpty)
            let timer = try broker.stored(SystemTopics.timer, queues: 1)
            #expect(timer.first?.properties[MessageConst.timerDeliverMS] == String(at))
            #expect(timer.first?.properties.uniqueKey == "01AABBCCDDEEFF0000000000000001")

            var recall = Apache_Rocketmq_V2_RecallMessageRequest()
            recall.topic = topicResource("S_DELAY")
            recall.recallHandle = entry.recallHandle
            let good = recall
            let recalled = try await broker.withClient { try await $0.recallMessage(good, metadata: clientMetadata()) }
            #expect(recalled.status.code == .ok)
            #expect(recalled.messageID == "01AABBCCDDEEFF0000000000000001")
            recall.recallHandle = "garbage"
            let garbage = recall
            let bad = try await broker.withClient { try await $0.recallMessage(garbage, metadata: clientMetadata()) }
            #expect(bad.status.code == .badRequest)
        }
    }

    @Test func refusalsAnswerApachesStatusCodes() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("S_PLAIN")
            try broker.createTopic("S_MIXED", type: .mixed)
            try broker.createTopic("S_LIMITS")
            func code(_ m: Apache_Rocketmq_V2_Message) async throws -> V2Code {
                let response = try await send(broker, m)
                #expect(response.entries.first?.status.code == response.status.code)
                return response.status.code
            }
            // A NORMAL topic refuses the other types (Apache's DefaultTopicMessageTypeValidator); MIXED takes all.
            let conflict = V2Code.messagePropertyConflictWithType
            #expect(try await code(Self.message("S_PLAIN", type: .fifo, group: "g")) == conflict)
            #expect(try await code(Self.message("S_PLAIN", type: .transaction)) == .messagePropertyConflictWithType)
            #expect(
                try await code(Self.message("S_PLAIN", type: .delay, deliverAt: nowMillis() + 60_000))
                    == .messagePropertyConflictWithType)
            #expect(try await code(Self.message("S_MIXED", type: .fifo, group: "g")) == .ok)
            #expect(try await code(Self.message("S_NO_SUCH_TOPIC")) == .topicNotFound)
            #expect(try await code(Self.message("S_PLAIN", body: "")) == .messageBodyEmpty)
            let big = String(repeating: "x", count: broker.core.config.store.maxMessageSize + 1)
            #expect(try await code(Self.message("S_PLAIN", body: big)) == .messageBodyTooLarge)
            #expect(try await code(Self.message("S_PLAIN", id: "")) == .illegalMessageID)
            #expect(try await code(Self.message("S_PLAIN", user: ["UNIQ_KEY": "x"])) == .illegalMessagePropertyKey)
            #expect(try await code(Self.message("S_PLAIN", tag: "a|b")) == .illegalMessageTag)
            // Apache's proxy limits: 128 user properties; 16 KiB of keys and values with the tag and keys.
            let many = Dictionary(uniqueKeysWithValues: (0...128).map { ("k\($0)", "v") })
            #expect(try await code(Self.message("S_PLAIN", user: many)) == .messagePropertiesTooLarge)
            let most = Dictionary(uniqueKeysWithValues: (0..<128).map { ("k\($0)", "v") })
            #expect(try await code(Self.message("S_LIMITS", user: most)) == .ok)
            let large = ["k": String(repeating: "v", count: 16 * 1024)]
            #expect(try await code(Self.message("S_PLAIN", tag: "t", user: large)) == .messagePropertiesTooLarge)
            let fits = ["k": String(repeating: "v", count: 16 * 1024 - 2)]
            #expect(try await code(Self.message("S_LIMITS", tag: "t", user: fits)) == .ok)
            #expect(try await code(Self.message("%RETRY%bad topic")) == .illegalTopic)
            let empty = try await broker.withClient {
                try await $0.sendMessage(Apache_Rocketmq_V2_SendMessageRequest(), metadata: clientMetadata())
            }
            #expect(empty.status.code == .badRequest)
            #expect(try broker.stored("S_PLAIN").isEmpty)
            #expect(try broker.stored("S_LIMITS").count == 2)
        }
    }
}

extension GrpcBroker {
    /// Every message stored in `topic`'s queues (or its first `queues`), in queue order.
    func stored(_ topic: String, queues: Int32? = nil) throws -> [MessageExt] {
        let queues = queues ?? core.topics.topic(topic)?.queueCount ?? 0
        return try (0..<queues).flatMap { queue -> [MessageExt] in
            let result = core.store.getMessages(
                topic: topic, queueId: queue, offset: 0, maxCount: 100, maxBytes: 1 << 22, filter: nil)
            return try result.messages.map { buffer in
                var b = buffer
                return try MessageDecoder.decode(&b)
            }
        }
    }
}

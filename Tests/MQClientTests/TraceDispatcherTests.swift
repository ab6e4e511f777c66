import Foundation
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

@testable import MQClient

/// The trace dispatcher (batches, grouping by topic, size limit, keys) and the record builders, through
/// the client API against a 2-broker cluster over TCP.
@Suite(.serialized) struct TraceDispatcherTests {
    func subBefore(_ id: String, keys: String? = nil, tags: String? = nil) -> [TraceRecord] {
        [.subBefore(SubBeforeTrace(timestamp: 1, regionId: "R", group: "G", requestId: "Q-\(id)", msgId: id,
            retryTimes: 0, keys: keys))]
    }

    /// The trace messages indexed under `key`, decoded.
    func traceMessages(
        _ client: MQClientInstance, key: String
    ) async throws -> [(keys: [String], records: [TraceRecord])] {
        let found = try await client.lookupMessages(topic: SystemTopics.trace, key: key)
        return found.messages.map { m in
            var body = m.body
            if m.isCompressed { body = (try? BodyCompression.decompress(body, maxSize: 1 << 24)) ?? body }
            return (m.keys, TraceDecoder.decode(bytes: body.readableBytesView).records)
        }
    }

    @Test func batchesOfTenGroupedByTopicWithEveryMsgIdAndKeyAsKeys() async throws {
        try await withCluster(brokers: 2) { cluster in
            let client = cluster.client()
            let dispatcher = TraceDispatcher(client: client, hostGroup: "PG_X", role: .produce)
            #expect(dispatcher.producerGroup.hasPrefix("_INNER_TRACE_PRODUCER-PG_X-PRODUCE-"))
            #expect(dispatcher.traceTopic == SystemTopics.trace && dispatcher.batchNum == 10)

            for i in 0..<25 { await dispatcher.append(subBefore("ID\(i)", keys: "biz-\(i) shared"), topic: "TopicA") }
            // Two full batches went out on their own; the rest waits for a flush.
            #expect(await dispatcher.flush().messagesSent == 3)
            let report = await dispatcher.shutdown()
            #expect(report.recordsSent == 25 && report.failures.isEmpty && report.recordsDropped == 0)
            let first = try await traceMessages(client, key: "ID0")
            #expect(first.count == 1)
            #expect(first.first?.records.map(\.msgId) == (0..<10).map { "ID\($0)" })
            let wantKeys: [String] = (0..<10).flatMap { i -> [String] in ["ID\(i)", "biz-\(i)"] } + ["shared"]
            #expect(Set(first.first?.keys ?? []) == Set(wantKeys))
            #expect(try await traceMessages(client, key: "biz-24").first?.records.count == 5)
            #expect(try await traceMessages(client, key: "shared").count == 3)

            // One batch with two traced topics makes one trace message per topic.
            let mixed = TraceDispatcher(client: client, hostGroup: "CG_Y", role: .consume, batchNum: 4)
            for i in 0..<4 { await mixed.append(subBefore("MIX\(i)"), topic: i % 2 == 0 ? "TopicA" : "TopicB") }
            let mixedReport = await mixed.shutdown()
            #expect(mixedReport.messagesSent == 2 && mixedReport.recordsSent == 4)
            #expect(try await traceMessages(client, key: "MIX0").first?.records.map(\.msgId) == ["MIX0", "MIX2"])

            // Text past 128,000 characters closes a trace message (after the record that crossed it).
            let big = TraceDispatcher(client: client, hostGroup: "PG_BIG", role: .produce)
            let tag = String(repeating: "t", count: 70_000)
            for i in 0..<3 {
                let pub = PubTrace(
                    timestamp: 1, regionId: "R", group: "PG", topic: "TopicA", msgId: "BIG\(i)", tags: tag, keys: nil,
                    storeHost: "h:1", bodyLength: 1, costTime: 1, msgType: 0, offsetMsgId: "O", success: true)
                await big.append([.pub(pub)], topic: "TopicA")
            }
            #expect(await big.shutdown().messagesSent == 2)
            #expect(try await traceMessages(client, key: "BIG1").first?.records.count == 2)

            // A blank trace topic means the default, as in Java.
            let blank = TraceDispatcher(client: client, hostGroup: "PG_BLANK", role: .produce, traceTopic: " ")
            #expect(blank.traceTopic == SystemTopics.trace)
        }
    }

    @Test func recordsAreBuiltAsJavasHooksBuildThem() throws {
        var message = Message(topic: "TopicA", body: "x", tags: "TagA", keys: ["k1", "k2"])
        let queue = MessageQueue(topic: "TopicA", brokerName: "broker-a", queueId: 1)
        var result = SendResult(
            status: .sendOK, msgId: "UNIQ", offsetMsgId: "OFF", queue: queue, queueOffset: 3, regionId: "R1",
            traceOn: true)
        let pub = TraceHooks.pub(
            message: message, result: result, group: "PG", storeHost: "h:1", bodyLength: 1, start: 100, end: 107)
        #expect(
            pub
                == .pub(
                    PubTrace(
                        timestamp: 100, regionId: "R1", group: "PG", topic: "TopicA", msgId: "UNIQ", tags: "TagA",
                        keys: "k1 k2", storeHost: "h:1", bodyLength: 1, costTime: 7, msgType: 0, offsetMsgId: "OFF",
                        success: true)))
        message.delayTimeLevel = 3
        #expect(TraceHooks.messageType(message) == .delay)
        result.traceOn = false
        func pubOf(_ r: SendResult) -> TraceRecord? {
            TraceHooks.pub(message: message, result: r, group: "PG", storeHost: "", bodyLength: 1, start: 0, end: 0)
        }
        #expect(pubOf(result) == nil)
        result.traceOn = true
        result.regionId = nil
        #expect(pubOf(result) == nil)

        func stored(_ id: String, _ props: MessageProperties) -> MessageExt {
            MessageExt(
                storeSize: 0, magicCode: 0, bodyCRC: 0, queueId: 0, flag: 0, queueOffset: 0, commitLogOffset: 0,
                sysFlag: 0, bornTimestamp: 0, bornHost: .loopback(port: 1), storeTimestamp: 0,
                storeHost: .loopback(port: 2), reconsumeTimes: 2, preparedTransactionOffset: 0, body: ByteBuffer(),
                topic: "TopicA", properties: props)
        }
        let traced = stored("A", ["UNIQ_KEY": "A", "MSG_REGION": "R2", "KEYS": "ka"])
        let off = stored("B", ["UNIQ_KEY": "B", "MSG_REGION": "R2", "TRACE_ON": "false"])
        let context = try #require(TraceHooks.consumeBefore([traced, off], group: "CG", at: 1000, requestId: "REQ"))
        #expect(
            context.records == [
                .subBefore(SubBeforeTrace(timestamp: 1000, regionId: "R2", group: "CG", requestId: "REQ", msgId: "A",
                    retryTimes: 2, keys: "ka"))
            ])
        // Cost per message: the call's time over the batch size (2 messages handed over, one traced).
        #expect(
            TraceHooks.consumeAfter(context, success: false, returnType: .failed, at: 1030) == [
                .subAfter(SubAfterTrace(requestId: "REQ", msgId: "A", costTime: 15, success: false, keys: "ka",
                    contextCode: 4, timestamp: 1030, group: "CG"))
            ])
        #expect(TraceHooks.consumeBefore([off], group: "CG", at: 0) == nil)
        #expect(TraceHooks.consumeBefore([stored("C", ["UNIQ_KEY": "C"])], group: "CG", at: 0) == nil)
    }
}

import Foundation
import Logging
import MQClient
import MQProtocol
import MQRemoting
import MQTestSupport
import NIOCore
import NIOPosix
import Testing

@testable import MQBroker

/// POP consumption, non-orderly (issue 19 stage 1), over real loopback TCP: pop, ack, change of invisible time,
/// revive into the POP retry topic, the DLQ, and the in-flight table surviving a restart through the pop log.
@Suite struct PopConsumeTests {
    /// Short enough to wait for in a test; the broker's default (Apache's) is 10 s.
    static let shortInvisible: Int64 = 800

    static func lowerMinimum(_ config: inout BrokerConfig) { config.pop.minInvisibleTimeMillis = 100 }

    struct Popped {
        var response: RemotingCommand
        var messages: [MessageExt]
        /// Each message's receipt handle, built from the response header as Apache's client does.
        var handles: [PopExtraInfo]
    }

    /// A raw POP client: the requests Apache's remoting client sends.
    struct PopClient {
        let raw: RemotingClient
        let broker: String
        let group: String
        let topic: String

        func pop(max: Int32 = 32, invisible: Int64 = 60_000, queueId: Int32 = -1, edit: (inout PopMessageRequestHeader)
            -> Void = { _ in }) async throws -> Popped
        {
            var h = PopMessageRequestHeader(
                consumerGroup: group, topic: topic, queueId: queueId, maxMsgNums: max, invisibleTime: invisible,
                bornTime: Int64(Date().timeIntervalSince1970 * 1000))
            edit(&h)
            let response = try await raw.invoke(broker, .request(.popMessage, header: h), timeout: .seconds(5))
            guard response.code == 0 else { return Popped(response: response, messages: [], handles: []) }
            let rh = try response.decodeHeader(PopMessageResponseHeader.self)
            let messages = try MessageDecoder.decodeAll(try #require(response.body))
            let startText = try #require(rh.startOffsetInfo)
            let starts = try #require(PopOffsetInfo(parsing: startText))
            let handles = try messages.map { m in
                let retry = m.properties[MessageConst.popCK] != nil
                let start = try #require(starts.value(retry: retry, key: "\(m.queueId)").flatMap { Int64($0) })
                return PopExtraInfo(
                    ckQueueOffset: start, popTime: rh.popTime, invisibleTime: rh.invisibleTime,
                    reviveQueueId: rh.reviveQid, topicFlag: retry ? .retry : .normal, brokerName: "broker-a",
                    queueId: m.queueId, queueOffset: m.queueOffset)
            }
            return Popped(response: response, messages: messages, handles: handles)
        }

        func realTopic(_ handle: PopExtraInfo) -> String { handle.topicFlag.realTopic(topic: topic, group: group) }

        func ack(_ handle: PopExtraInfo) async throws -> RemotingCommand {
            let h = AckMessageRequestHeader(
                consumerGroup: group, topic: realTopic(handle), queueId: handle.queueId, extraInfo: handle.description,
                offset: handle.queueOffset)
            return try await raw.invoke(broker, .request(.ackMessage, header: h), timeout: .seconds(5))
        }

        func change(_ handle: PopExtraInfo, invisible: Int64) async throws -> RemotingCommand {
            let h = ChangeInvisibleTimeRequestHeader(
                consumerGroup: group, topic: realTopic(handle), queueId: handle.queueId,
                extraInfo: handle.description, offset: handle.queueOffset, invisibleTime: invisible)
            return try await raw.invoke(broker, .request(.changeMessageInvisibleTime, header: h), timeout: .seconds(5))
        }

        /// Pops until something comes (revived messages arrive once their invisible time passed).
        func popWhenBack(invisible: Int64 = 60_000, timeout: Duration = .seconds(15)) async throws -> Popped {
            var got: Popped?
            try await waitUntil("popped messages to come back", timeout: timeout, poll: .milliseconds(100)) {
                let p = try await pop(invisible: invisible)
                if p.response.code == 0 { got = p }
                return p.response.code == 0
            }
            return try #require(got)
        }
    }

    static func setUp(_ cluster: InProcessCluster, topic: String, group: String, queues: Int32 = 1,
        retryMaxTimes: Int32? = nil, count: Int) async throws -> (PopClient, [String])
    {
        let client = cluster.client()
        let broker = try #require(cluster.brokers[0].brokerAddress)
        try await client.createTopic(
            TopicConfig(topicName: topic, readQueueNums: queues, writeQueueNums: queues), broker: broker)
        var groupConfig = SubscriptionGroupConfig(groupName: group)
        if let retryMaxTimes { groupConfig.retryMaxTimes = retryMaxTimes }
        try await client.updateGroup(groupConfig, broker: broker)
        let producer = Producer(group: "pop-pg", client: client)
        var bodies: [String] = []
        for i in 0..<count {
            let body = "\(topic)-\(i)"
            _ = try await producer.send(Message(topic: topic, body: body))
            bodies.append(body)
        }
        let raw = RemotingClient(group: cluster.group, logger: cluster.logger)
        cluster.onStop { await raw.close() }
        return (PopClient(raw: raw, broker: broker, group: group, topic: topic), bodies)
    }

    static func bodies(_ p: Popped) -> [String] { p.messages.map { String(buffer: $0.body) }.sorted() }

    @Test func popThenAckConsumesOnceAndAdvancesTheOffsetAtPop() async throws {
        try await withCluster(configure: Self.lowerMinimum) { cluster in
            let (pop, sent) = try await Self.setUp(cluster, topic: "PopAck", group: "pop-ack-g", queues: 2, count: 4)
            let first = try await pop.pop()
            #expect(first.response.code == 0)
            #expect(Self.bodies(first) == sent.sorted())
            let header = try first.response.decodeHeader(PopMessageResponseHeader.self)
            #expect(header.invisibleTime == 60_000 && header.reviveQid == 0 && header.restNum == 0)
            #expect(first.messages.allSatisfy { $0.topic == "PopAck" && $0.reconsumeTimes == 0 })
            // The offset advanced at pop: a second pop finds nothing although nothing was acked.
            #expect(try await pop.pop().response.code == ResponseCode.pollingTimeout.rawValue)
            let core = try #require(cluster.brokers[0].controller).core
            let committed = (0..<2).map { core.offsets.offset(group: "pop-ack-g", topic: "PopAck", queueId: $0) }
            #expect(committed.reduce(0, +) == 4)
            #expect(core.popState.withLockedValue { $0.count } == 4)

            for handle in first.handles { #expect(try await pop.ack(handle).code == 0) }
            #expect(core.popState.withLockedValue { $0.count } == 0)
            // Acking again is a no-op, answered SUCCESS as Apache does.
            #expect(try await pop.ack(first.handles[0]).code == 0)
        }
    }

    /// Consume stats of a POP group count what is popped and not acked as backlog and as in flight (the offset
    /// moved at pop, so Apache's own counts leave them out: apache/rocketmq#9217).
    @Test func consumeStatsCountPoppedAndNotAckedMessages() async throws {
        try await withCluster(configure: Self.lowerMinimum) { cluster in
            let (pop, _) = try await Self.setUp(cluster, topic: "PopLag", group: "pop-lag-g", count: 4)
            let popped = try await pop.pop(max: 3)
            #expect(popped.messages.map(\.queueOffset).sorted() == [0, 1, 2])
            let second = try #require(popped.handles.first { $0.queueOffset == 1 })
            #expect(try await pop.ack(second).code == 0)
            let client = cluster.client()
            func row() async throws -> OffsetWrapper {
                let stats = try await client.consumeStats(group: "pop-lag-g", topic: "PopLag", broker: pop.broker)
                return try #require(stats.offsetTable.entries.first { $0.0.topic == "PopLag" }).1
            }
            // Offsets 0 and 2 in flight, 3 not popped: backlog 4 from the oldest in flight, 3 popped past it.
            var w = try await row()
            #expect(w.brokerOffset == 4 && w.consumerOffset == 0 && w.pullOffset == 3)
            for handle in popped.handles where handle.queueOffset != 1 { #expect(try await pop.ack(handle).code == 0) }
            w = try await row()
            #expect(w.brokerOffset == 4 && w.consumerOffset == 3 && w.pullOffset == 3)
        }
    }

    @Test func aBatchAckAcksTheOffsetsOfItsBitSet() async throws {
        try await withCluster(configure: Self.lowerMinimum) { cluster in
            let (pop, _) = try await Self.setUp(cluster, topic: "PopBatch", group: "pop-batch-g", count: 3)
            let popped = try await pop.pop()
            let first = try #require(popped.handles.first)
            #expect(popped.messages.map(\.queueOffset).sorted() == [0, 1, 2])
            // Offsets 0 and 2 (bits 0 and 2 from the checkpoint's start), as Apache's client batches them.
            let ack = BatchAck(
                consumerGroup: pop.group, topic: pop.topic, retry: "0", startOffset: first.ckQueueOffset, queueId: 0,
                reviveQueueId: 0, popTime: first.popTime, invisibleTime: first.invisibleTime, ackedIndexes: [0, 2])
            let request = RemotingCommand.request(.batchAckMessage)
                .withJSONBody(BatchAckMessageRequestBody(brokerName: "broker-a", acks: [ack]))
            #expect(try await pop.raw.invoke(pop.broker, request, timeout: .seconds(5)).code == 0)
            let core = try #require(cluster.brokers[0].controller).core
            let left = core.popState.withLockedValue { $0.entries.keys.map(\.offset) }
            #expect(left == [1])
            let empty = RemotingCommand.request(.batchAckMessage)
                .withJSONBody(BatchAckMessageRequestBody(brokerName: "broker-a", acks: []))
            let refused = try await pop.raw.invoke(pop.broker, empty, timeout: .seconds(5))
            #expect(refused.code == ResponseCode.noMessage.rawValue)
        }
    }

    func pollingInfo(_ pop: PopClient, queueId: Int32 = -1) async throws -> Int32 {
        let h = PollingInfoRequestHeader(consumerGroup: pop.group, topic: pop.topic, queueId: queueId)
        let answer = try await pop.raw.invoke(pop.broker, .request(.pollingInfo, header: h), timeout: .seconds(5))
        return try answer.decodeHeader(PollingInfoResponseHeader.self).pollingNum
    }

    @Test func aParkedPopIsAnsweredByTheNextSend() async throws {
        try await withCluster(configure: Self.lowerMinimum) { cluster in
            let (pop, _) = try await Self.setUp(cluster, topic: "PopPoll", group: "pop-poll-g", count: 0)
            // Nothing there and a short poll time: POLLING_TIMEOUT once it ends.
            let empty = try await pop.pop { $0.pollTime = 300 }
            #expect(empty.response.code == ResponseCode.pollingTimeout.rawValue)

            let parked = Task { try await pop.pop { $0.pollTime = 20_000 } }
            try await waitUntil("the pop to be parked") { try await pollingInfo(pop) == 1 }
            let producer = Producer(group: "pop-pg", client: cluster.client())
            _ = try await producer.send(Message(topic: "PopPoll", body: "wakes it"))
            let woken = try await parked.value
            #expect(woken.response.code == 0)
            #expect(Self.bodies(woken) == ["wakes it"])
            #expect(try await pollingInfo(pop) == 0)
        }
    }

    @Test func notificationSaysWhetherThereIsSomethingToPop() async throws {
        try await withCluster(configure: Self.lowerMinimum) { cluster in
            let (pop, _) = try await Self.setUp(cluster, topic: "PopNotify", group: "pop-notify-g", count: 0)
            func notify(pollTime: Int64) async throws -> NotificationResponseHeader {
                let h = NotificationRequestHeader(
                    consumerGroup: pop.group, topic: pop.topic, queueId: -1, pollTime: pollTime, bornTime: 0)
                let answer = try await pop.raw.invoke(
                    pop.broker, .request(.notification, header: h), timeout: .seconds(25))
                #expect(answer.code == 0)
                return try answer.decodeHeader(NotificationResponseHeader.self)
            }
            #expect(try await notify(pollTime: 0).hasMsg == false)
            let parked = Task { try await notify(pollTime: 20_000) }
            try await waitUntil("the notification to be parked") { try await pollingInfo(pop) == 1 }
            let producer = Producer(group: "pop-pg", client: cluster.client())
            _ = try await producer.send(Message(topic: "PopNotify", body: "there"))
            #expect(try await parked.value.hasMsg)
            #expect(try await notify(pollTime: 0).hasMsg)
            // Popped (the offset advances at pop): nothing left to notify about.
            #expect(try await pop.pop().messages.count == 1)
            #expect(try await notify(pollTime: 0).hasMsg == false)
        }
    }

    static func orderCounts(_ p: Popped) throws -> [Int64: String] {
        let text = try #require(try p.response.decodeHeader(PopMessageResponseHeader.self).orderCountInfo)
        let info = try #require(PopOffsetInfo(parsing: text))
        var out: [Int64: String] = [:]
        for m in p.messages {
            out[m.queueOffset] = info.value(
                retry: false, key: PopOffsetInfo.queueOffsetKey(queueId: m.queueId, offset: m.queueOffset))
        }
        return out
    }

    @Test func anOrderlyQueueIsBlockedUntilItsBatchIsAcked() async throws {
        try await withCluster(configure: Self.lowerMinimum) { cluster in
            let (pop, _) = try await Self.setUp(cluster, topic: "PopOrder", group: "pop-order-g", count: 3)
            let first = try await pop.pop(max: 2) { $0.order = true }
            #expect(first.messages.map(\.queueOffset) == [0, 1])
            #expect(try first.response.decodeHeader(PopMessageResponseHeader.self).reviveQid == 999)
            #expect(try Self.orderCounts(first) == [0: "0", 1: "0"])
            // Offset 2 is there, but the batch is neither acked nor expired.
            #expect(try await pop.pop { $0.order = true }.response.code == ResponseCode.pollingTimeout.rawValue)
            #expect(try await pop.ack(first.handles[0]).code == 0)
            #expect(try await pop.pop { $0.order = true }.response.code == ResponseCode.pollingTimeout.rawValue)
            // A handle of another batch is not acked.
            var stale = first.handles[1]
            stale.popTime -= 1
            #expect(try await pop.ack(stale).code == ResponseCode.messageIllegal.rawValue)
            // A change of invisible time keeps the handle.
            let changed = try await pop.change(first.handles[1], invisible: 60_000)
            #expect(changed.code == 0)
            #expect(try changed.decodeHeader(ChangeInvisibleTimeResponseHeader.self).popTime == first.handles[1].popTime)
            #expect(try await pop.ack(first.handles[1]).code == 0)
            // Repeated after the batch ended: below the group's offset, answered SUCCESS as Apache does.
            #expect(try await pop.ack(first.handles[1]).code == 0)
            let next = try await pop.pop { $0.order = true }
            #expect(next.messages.map(\.queueOffset) == [2])
        }
    }

    @Test func anExpiredOrderlyMessageIsPoppedAgainWithItsCountThenDeadLettered() async throws {
        try await withCluster(configure: Self.lowerMinimum) { cluster in
            let (pop, sent) = try await Self.setUp(
                cluster, topic: "PopOrderExp", group: "pop-order-exp-g", retryMaxTimes: 1, count: 2)
            let first = try await pop.pop(max: 1, invisible: Self.shortInvisible) { $0.order = true }
            #expect(first.messages.map(\.queueOffset) == [0])
            var again: Popped?
            try await waitUntil("the expired batch to be popped again", poll: .milliseconds(100)) {
                let p = try await pop.pop(max: 1, invisible: Self.shortInvisible) { $0.order = true }
                if p.response.code == 0 { again = p }
                return p.response.code == 0
            }
            let second = try #require(again)
            #expect(second.messages.map(\.queueOffset) == [0])
            #expect(try Self.orderCounts(second) == [0: "1"])
            // Delivered retryMaxTimes + 1 = 2 times: the next pop moves it to the DLQ and goes on with offset 1.
            var third: Popped?
            try await waitUntil("the pop after the second expiry", poll: .milliseconds(100)) {
                let p = try await pop.pop(max: 1) { $0.order = true }
                if p.response.code == 0 { third = p }
                return p.response.code == 0
            }
            #expect(try #require(third).messages.map(\.queueOffset) == [1])
            let client = cluster.client()
            let dlq = MessageQueue(topic: "%DLQ%pop-order-exp-g", brokerName: "broker-a", queueId: 0)
            #expect(try await client.maxOffset(dlq) == 1)
            let dead = try #require(try await client.pull(group: "dlq-reader", queue: dlq, offset: 0).messages.first)
            #expect(String(buffer: dead.body) == sent[0] && dead.reconsumeTimes == 2)
        }
    }

    @Test func badPopsAndAcksAreRefusedWithApachesCodes() async throws {
        try await withCluster(configure: Self.lowerMinimum) { cluster in
            let (pop, _) = try await Self.setUp(cluster, topic: "PopBad", group: "pop-bad-g", count: 1)
            func code(_ edit: @escaping (inout PopMessageRequestHeader) -> Void) async throws -> Int32 {
                try await pop.pop(edit: edit).response.code
            }
            #expect(try await code { $0.queueId = 5 } == ResponseCode.invalidParameter.rawValue)
            #expect(try await code { $0.invisibleTime = 10 } == ResponseCode.invalidParameter.rawValue)
            #expect(try await code { $0.maxMsgNums = 33 } == ResponseCode.invalidParameter.rawValue)
            #expect(try await code { $0.topic = "NoSuchPopTopic" } == ResponseCode.topicNotExist.rawValue)

            let popped = try await pop.pop()
            let handle = try #require(popped.handles.first)
            var garbage = AckMessageRequestHeader(
                consumerGroup: pop.group, topic: pop.topic, queueId: 0, extraInfo: "not a handle", offset: 0)
            let bad = try await pop.raw.invoke(pop.broker, .request(.ackMessage, header: garbage), timeout: .seconds(5))
            #expect(bad.code == ResponseCode.invalidParameter.rawValue)
            #expect(bad.remark?.contains("not a POP receipt handle") == true)
            garbage.extraInfo = handle.description
            garbage.queueId = 3
            let queue = try await pop.raw.invoke(
                pop.broker, .request(.ackMessage, header: garbage), timeout: .seconds(5))
            #expect(queue.code == ResponseCode.messageIllegal.rawValue)
            garbage.queueId = 0
            garbage.offset = 99
            let offset = try await pop.raw.invoke(
                pop.broker, .request(.ackMessage, header: garbage), timeout: .seconds(5))
            #expect(offset.code == ResponseCode.noMessage.rawValue)
        }
    }

    @Test func anUnackedMessageComesBackFromTheRetryTopicWithReconsumeTimesOne() async throws {
        try await withCluster(configure: Self.lowerMinimum) { cluster in
            let (pop, sent) = try await Self.setUp(cluster, topic: "PopExpire", group: "pop-expire-g", count: 1)
            let first = try await pop.pop(invisible: Self.shortInvisible)
            #expect(Self.bodies(first) == sent)
            // Parked until the revive stores the copy in the retry topic, which wakes it.
            let again = try await pop.pop { $0.pollTime = 20_000 }
            let m = try #require(again.messages.first)
            #expect(again.messages.count == 1 && String(buffer: m.body) == sent[0])
            #expect(m.reconsumeTimes == 1)
            // Returned under the topic the consumer asked for; its handle says it lives in the retry topic.
            #expect(m.topic == "PopExpire")
            let handle = try #require(again.handles.first)
            #expect(handle.topicFlag == .retry && pop.realTopic(handle) == "%RETRY%pop-expire-g_PopExpire")
            #expect(m.properties[MessageConst.popCK] == handle.description)
            #expect(try await pop.ack(handle).code == 0)
            let core = try #require(cluster.brokers[0].controller).core
            #expect(core.popState.withLockedValue { $0.count } == 0)
        }
    }

    @Test func changingTheInvisibleTimeMakesANewHandleAndDelaysRedelivery() async throws {
        try await withCluster(configure: Self.lowerMinimum) { cluster in
            let (pop, _) = try await Self.setUp(cluster, topic: "PopChange", group: "pop-change-g", count: 1)
            let first = try await pop.pop(invisible: Self.shortInvisible)
            let old = try #require(first.handles.first)
            let changed = try await pop.change(old, invisible: 60_000)
            #expect(changed.code == 0)
            let ch = try changed.decodeHeader(ChangeInvisibleTimeResponseHeader.self)
            #expect(ch.invisibleTime == 60_000 && ch.popTime > old.popTime)
            // The client's new handle (MQClientAPIImpl.changeInvisibleTime): so = the message's offset.
            var new = old
            new.ckQueueOffset = old.queueOffset
            new.popTime = ch.popTime
            new.invisibleTime = ch.invisibleTime

            // The old handle no longer names the message: its ack changes nothing, a second change is refused.
            #expect(try await pop.ack(old).code == 0)
            let core = try #require(cluster.brokers[0].controller).core
            #expect(core.popState.withLockedValue { $0.count } == 1)
            #expect(try await pop.change(old, invisible: 1000).code == ResponseCode.noMessage.rawValue)
            // Past the old invisible time it is still invisible: a long poll held past the old deadline plus the
            // revive thread's idle interval (1 s) would be woken by a redelivery (a revive wakes parked pops), and
            // ends empty instead.
            let held = try await pop.pop { $0.pollTime = Self.shortInvisible + 1500 }
            #expect(held.response.code == ResponseCode.pollingTimeout.rawValue)
            #expect(core.popState.withLockedValue { $0.count } == 1)
            #expect(try await pop.ack(new).code == 0)
            #expect(core.popState.withLockedValue { $0.count } == 0)
        }
    }

    @Test func aMessageGoesToTheDLQAfterRetryMaxTimesPlusOneDeliveries() async throws {
        try await withCluster(configure: Self.lowerMinimum) { cluster in
            let (pop, sent) = try await Self.setUp(
                cluster, topic: "PopDLQ", group: "pop-dlq-g", retryMaxTimes: 1, count: 1)
            let first = try await pop.pop(invisible: Self.shortInvisible)
            #expect(first.messages.map(\.reconsumeTimes) == [0])
            let second = try await pop.popWhenBack(invisible: Self.shortInvisible)
            #expect(second.messages.map(\.reconsumeTimes) == [1])
            // Two deliveries (retryMaxTimes + 1): the second expiry moves it to the group's DLQ.
            let client = cluster.client()
            let dlq = MessageQueue(topic: "%DLQ%pop-dlq-g", brokerName: "broker-a", queueId: 0)
            try await waitUntil("the message in the DLQ") { (try? await client.maxOffset(dlq)) == 1 }
            let pulled = try await client.pull(group: "dlq-reader", queue: dlq, offset: 0)
            let dead = try #require(pulled.messages.first)
            #expect(String(buffer: dead.body) == sent[0] && dead.reconsumeTimes == 2)
            #expect(dead.properties[MessageConst.retryTopic] == "PopDLQ")
            #expect(try await pop.pop().response.code == ResponseCode.pollingTimeout.rawValue)
            let core = try #require(cluster.brokers[0].controller).core
            #expect(core.popState.withLockedValue { $0.count } == 0)
        }
    }

    /// One process's broker and name server on `data`, over loopback TCP.
    static func server(_ data: String, group: MultiThreadedEventLoopGroup) async throws -> MQServer {
        var options = ServerOptions(dataDirectory: data)
        options.nameServerListen = "127.0.0.1:0"
        options.brokerListen = "127.0.0.1:0"
        options.broker.pop.minInvisibleTimeMillis = 100
        var logger = Logger(label: "pop-restart")
        logger.logLevel = .warning
        let server = MQServer(options: options, group: group, logger: logger)
        try await server.start()
        return server
    }

    @Test func unackedPopsComeBackAfterARestart() async throws {
        let dir = try TempDirectory("pop-restart")
        defer { dir.remove() }
        let loops = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let data = dir.sub("data")
        let invisible: Int64 = 3000
        var logger = Logger(label: "pop-restart")
        logger.logLevel = .warning

        let first = try await Self.server(data, group: loops)
        let client = MQClientInstance(
            nameServers: [first.nameServerAddress!], group: loops, timeout: .seconds(5), logger: logger)
        let raw = RemotingClient(group: loops, logger: logger)
        let broker = try #require(first.brokerAddress)
        try await client.createTopic(
            TopicConfig(topicName: "PopRestart", readQueueNums: 1, writeQueueNums: 1), broker: broker)
        let producer = Producer(group: "pop-pg", client: client)
        for i in 0..<3 { _ = try await producer.send(Message(topic: "PopRestart", body: "r\(i)")) }
        let pop = PopClient(raw: raw, broker: broker, group: "pop-restart-g", topic: "PopRestart")
        let popped = try await pop.pop(invisible: invisible)
        #expect(popped.messages.count == 3)
        let acked = try #require(popped.handles.first { $0.queueOffset == 0 })
        #expect(try await pop.ack(acked).code == 0)
        await client.shutdown()
        await raw.close()
        await first.stop()

        // The group's offset advanced past all three at pop: only the pop log replayed at start brings back the
        // two unacked ones (the acked one stays consumed).
        let second = try await Self.server(data, group: loops)
        let client2 = MQClientInstance(
            nameServers: [second.nameServerAddress!], group: loops, timeout: .seconds(5), logger: logger)
        let raw2 = RemotingClient(group: loops, logger: logger)
        let pop2 = PopClient(
            raw: raw2, broker: try #require(second.brokerAddress), group: "pop-restart-g", topic: "PopRestart")
        var back: [MessageExt] = []
        try await waitUntil("the two unacked messages to come back", timeout: .seconds(20), poll: .milliseconds(100)) {
            let p = try await pop2.pop()
            back += p.messages
            for h in p.handles { _ = try await pop2.ack(h) }
            return back.count >= 2
        }
        #expect(back.map { String(buffer: $0.body) }.sorted() == ["r1", "r2"])
        #expect(back.allSatisfy { $0.reconsumeTimes == 1 })
        // All acked now: the checkpoint written at the stop lets the next start skip every record so far.
        let records = (try #require(second.controller)).core.store.maxOffset(topic: PopTopics.popLog, queueId: 0)
        await client2.shutdown()
        await raw2.close()
        await second.stop()
        let checkpoint = try #require(PopCheckpoint.load(path: data + "/store/popcheck"))
        #expect(checkpoint.scanFrom == records && checkpoint.appliedThrough == records)
        let third = try await Self.server(data, group: loops)
        let core = try #require(third.controller).core
        #expect(core.popState.withLockedValue { $0.count } == 0)
        // The replay starts at the checkpoint's scanFrom: no record before it is read again.
        #expect(core.replayPopLog() == 0)
        await third.stop()
        try await loops.shutdownGracefully()
    }

    @Test func thePopCheckpointRoundTripsAndRefusesDamage() throws {
        let dir = try TempDirectory("popcheck")
        defer { dir.remove() }
        let checkpoint = PopCheckpoint(appliedThrough: 42, scanFrom: 7, timestamp: 1_700_000_000_000)
        #expect(checkpoint.encoded().count == PopCheckpoint.encodedSize)
        #expect(PopCheckpoint(bytes: checkpoint.encoded()) == checkpoint)
        var damaged = checkpoint.encoded()
        damaged[10] ^= 1
        #expect(PopCheckpoint(bytes: damaged) == nil)
        let path = dir.sub("popcheck")
        try checkpoint.save(path: path)
        try PopCheckpoint(appliedThrough: 50, scanFrom: 9).save(path: path)
        #expect(PopCheckpoint.load(path: path)?.scanFrom == 9)
        // A damaged file falls back to the previous version AtomicFile keeps.
        #expect(FileManager.default.createFile(atPath: path, contents: Data(damaged)))
        #expect(PopCheckpoint.load(path: path) == checkpoint)
    }
}

import Foundation
import GRPCCore
import MQProtocol
import MQTestSupport
import NIOCore
import SwiftProtobuf
import Testing

@testable import MQBroker
@testable import MQGrpc

/// ReceiveMessage and AckMessage (design pop-grpc.md §1.2, §4.5) with the generated Swift client: what a
/// SimpleConsumer receives, its receipt handles acking through the broker's POP, and the refusals' statuses.
@Suite struct GrpcReceiveTests {
    static let group = "recv-g"

    static func simpleConsumerSettings(_ group: String, topics: [String]) -> Apache_Rocketmq_V2_Settings {
        var settings = clientSettings(pushConsumer: group, topics: topics)
        settings.clientType = .simpleConsumer
        return settings
    }

    static func receiveRequest(
        _ topic: String, group: String = Self.group, batch: Int32 = 32, invisibleMillis: Int64 = 15_000,
        pollMillis: Int64 = 5_000
    ) -> Apache_Rocketmq_V2_ReceiveMessageRequest {
        var r = Apache_Rocketmq_V2_ReceiveMessageRequest()
        r.group = topicResource(group)
        r.messageQueue.topic = topicResource(topic)
        // The Python client names one queue of the route; the broker pops them all (as Apache's proxy).
        r.messageQueue.id = 0
        r.filterExpression.type = .tag
        r.filterExpression.expression = "*"
        r.batchSize = batch
        r.invisibleDuration = Google_Protobuf_Duration(millis: invisibleMillis)
        r.autoRenew = false
        r.longPollingTimeout = Google_Protobuf_Duration(millis: pollMillis)
        return r
    }

    static func ackRequest(
        _ topic: String, _ handles: [(id: String, handle: String)], group: String = Self.group
    ) -> Apache_Rocketmq_V2_AckMessageRequest {
        var r = Apache_Rocketmq_V2_AckMessageRequest()
        r.group = topicResource(group)
        r.topic = topicResource(topic)
        r.entries = handles.map { h in
            var e = Apache_Rocketmq_V2_AckMessageEntry()
            e.messageID = h.id
            e.receiptHandle = h.handle
            return e
        }
        return r
    }

    /// Every item of one ReceiveMessage stream.
    static func receive(
        _ client: V2Client, _ request: Apache_Rocketmq_V2_ReceiveMessageRequest
    ) async throws -> [Apache_Rocketmq_V2_ReceiveMessageResponse] {
        try await client.receiveMessage(request, metadata: clientMetadata()) { response in
            var items: [Apache_Rocketmq_V2_ReceiveMessageResponse] = []
            for try await item in response.messages { items.append(item) }
            return items
        }
    }

    /// The messages of a stream (its other items: the status, the delivery timestamp).
    static func messages(_ items: [Apache_Rocketmq_V2_ReceiveMessageResponse]) -> [Apache_Rocketmq_V2_Message] {
        items.compactMap { item in
            if case .message(let m) = item.content { m } else { nil }
        }
    }

    /// A simple consumer of `topic` (settings sent) and `count` messages sent to it over gRPC.
    static func setUp(_ broker: GrpcBroker, _ client: V2Client, topic: String, count: Int) async throws -> [String] {
        try broker.createTopic(topic)
        let reply = try await client.exchangeSettings(
            simpleConsumerSettings(group, topics: [topic]), metadata: clientMetadata())
        #expect(reply?.status.code == .ok)
        var ids: [String] = []
        for i in 0..<count {
            let id = String(format: "01AABBCCDDEEFF00000000%08d", i)
            let sent = try await client.sendMessage(
                GrpcSendTests.request(GrpcSendTests.message(topic, body: "\(topic)-\(i)", id: id, tag: "TagA")),
                metadata: clientMetadata())
            #expect(sent.status.code == .ok)
            ids.append(id)
        }
        return ids
    }

    @Test func receivedMessagesCarryHandlesThatAck() async throws {
        try await GrpcBroker.with { broker in
            try await broker.withClient { client in
                let ids = try await Self.setUp(broker, client, topic: "R_ACK", count: 3)
                let items = try await Self.receive(client, Self.receiveRequest("R_ACK"))
                // Apache's proxy order: the status first, then one item per message.
                #expect(items.first?.status.code == .ok)
                let messages = Self.messages(items)
                #expect(items.count == 5 && messages.count == 3)
                // The last item: the delivery time, as Apache's proxy ends the stream.
                #expect(items.last?.deliveryTimestamp.seconds ?? 0 > 0)
                #expect(messages.map(\.systemProperties.messageID).sorted() == ids)
                #expect(messages.map { String(decoding: $0.body, as: UTF8.self) }.sorted()
                    == ["R_ACK-0", "R_ACK-1", "R_ACK-2"])
                for m in messages {
                    let s = m.systemProperties
                    #expect(m.topic.name == "R_ACK" && s.tag == "TagA")
                    #expect(s.deliveryAttempt == 1)
                    #expect(s.invisibleDuration.seconds == 15)
                    #expect(s.bodyEncoding == .identity)
                    let handle = try #require(PopExtraInfo(parsing: s.receiptHandle))
                    #expect(handle.queueId == s.queueID && handle.queueOffset == s.queueOffset)
                    #expect(handle.invisibleTime == 15_000 && handle.topicFlag == .normal)
                    #expect(handle.commitLogOffset != nil)
                    #expect(m.userProperties[MessageConst.popCK] == nil)
                }
                #expect(broker.core.popState.withLockedValue { $0.count } == 3)

                let handles = messages.map { m in
                    (id: m.systemProperties.messageID, handle: m.systemProperties.receiptHandle)
                }
                let acked = try await client.ackMessage(Self.ackRequest("R_ACK", handles), metadata: clientMetadata())
                #expect(acked.status.code == .ok)
                #expect(acked.entries.count == 3 && acked.entries.allSatisfy { $0.status.code == .ok })
                #expect(Set(acked.entries.map(\.messageID)) == Set(ids))
                #expect(broker.core.popState.withLockedValue { $0.count } == 0)
            }
        }
    }

    /// Nothing to receive: the broker parks the POP for the polling time (at least Apache's 5 s), then the
    /// stream is a single MESSAGE_NOT_FOUND, which the client reads as an empty receive.
    @Test(.timeLimit(.minutes(1))) func emptyReceiveAnswersMessageNotFoundAfterThePoll() async throws {
        try await GrpcBroker.with { broker in
            try await broker.withClient { client in
                _ = try await Self.setUp(broker, client, topic: "R_EMPTY", count: 0)
                let started = ContinuousClock.now
                let items = try await Self.receive(client, Self.receiveRequest("R_EMPTY", pollMillis: 1_000))
                #expect(items.count == 1)
                #expect(items.first?.status.code == .messageNotFound)
                // The requested 1 s is raised to Apache's minimum of 5 s (the poll is held, not answered at once).
                #expect(ContinuousClock.now - started >= .milliseconds(4_500))
            }
        }
    }

    @Test func refusalsCarryApachesCodes() async throws {
        try await GrpcBroker.with { broker in
            try await broker.withClient { client in
                try broker.createTopic("R_BAD")
                // No settings from this client yet.
                var items = try await Self.receive(client, Self.receiveRequest("R_BAD"))
                #expect(items.map(\.status.code) == [.unrecognizedClientType])
                _ = try await Self.setUp(broker, client, topic: "R_BAD", count: 1)
                items = try await Self.receive(client, Self.receiveRequest("R_BAD", invisibleMillis: 1_000))
                #expect(items.map(\.status.code) == [.illegalInvisibleTime])
                items = try await Self.receive(client, Self.receiveRequest("R_BAD", batch: 0))
                #expect(items.map(\.status.code) == [.badRequest])
                items = try await Self.receive(client, Self.receiveRequest("R_BAD", group: ""))
                #expect(items.map(\.status.code) == [.illegalConsumerGroup])

                let garbage = try await client.ackMessage(
                    Self.ackRequest("R_BAD", [("id", "not a handle")]), metadata: clientMetadata())
                #expect(garbage.status.code == .invalidReceiptHandle)
                #expect(garbage.entries.map(\.status.code) == [.invalidReceiptHandle])
                // A handle whose invisible time has passed: the message is visible again, acking is refused.
                let expired = PopExtraInfo(
                    ckQueueOffset: 0, popTime: 1_000, invisibleTime: 15_000, reviveQueueId: 0, topicFlag: .normal,
                    brokerName: broker.core.config.brokerName, queueId: 0, queueOffset: 0, commitLogOffset: 0)
                let old = try await client.ackMessage(
                    Self.ackRequest("R_BAD", [("id", expired.description)]), metadata: clientMetadata())
                #expect(old.status.code == .invalidReceiptHandle)
                #expect(old.status.message.contains("expired"))
                let none = try await client.ackMessage(Self.ackRequest("R_BAD", []), metadata: clientMetadata())
                #expect(none.status.code == .badRequest)
            }
        }
    }

    static func lowerMinimum(_ config: inout BrokerConfig) { config.pop.minInvisibleTimeMillis = 100 }

    static func changeRequest(
        _ topic: String, _ message: Apache_Rocketmq_V2_Message, handle: String? = nil, invisibleMillis: Int64
    ) -> Apache_Rocketmq_V2_ChangeInvisibleDurationRequest {
        var r = Apache_Rocketmq_V2_ChangeInvisibleDurationRequest()
        r.group = topicResource(group)
        r.topic = topicResource(topic)
        r.messageID = message.systemProperties.messageID
        r.receiptHandle = handle ?? message.systemProperties.receiptHandle
        r.invisibleDuration = Google_Protobuf_Duration(millis: invisibleMillis)
        return r
    }

    @Test func changeInvisibleDurationReturnsTheHandleThatAcks() async throws {
        try await GrpcBroker.with { broker in
            try await broker.withClient { client in
                _ = try await Self.setUp(broker, client, topic: "R_CHANGE", count: 1)
                let items = try await Self.receive(client, Self.receiveRequest("R_CHANGE"))
                let message = try #require(Self.messages(items).first)
                let old = message.systemProperties.receiptHandle
                let changed = try await client.changeInvisibleDuration(
                    Self.changeRequest("R_CHANGE", message, invisibleMillis: 60_000), metadata: clientMetadata())
                #expect(changed.status.code == .ok)
                let new = try #require(PopExtraInfo(parsing: changed.receiptHandle))
                let before = try #require(PopExtraInfo(parsing: old))
                #expect(new.popTime > before.popTime && new.invisibleTime == 60_000)
                #expect(new.queueOffset == before.queueOffset && new.commitLogOffset == before.commitLogOffset)
                // The old handle no longer names the message: changing it again is refused.
                let again = try await client.changeInvisibleDuration(
                    Self.changeRequest("R_CHANGE", message, invisibleMillis: 60_000), metadata: clientMetadata())
                #expect(again.status.code == .invalidReceiptHandle)
                let short = try await client.changeInvisibleDuration(
                    Self.changeRequest("R_CHANGE", message, handle: changed.receiptHandle, invisibleMillis: 1_000),
                    metadata: clientMetadata())
                #expect(short.status.code == .illegalInvisibleTime)
                let acked = try await client.ackMessage(
                    Self.ackRequest("R_CHANGE", [(message.systemProperties.messageID, changed.receiptHandle)]),
                    metadata: clientMetadata())
                #expect(acked.status.code == .ok)
                #expect(broker.core.popState.withLockedValue { $0.count } == 0)
            }
        }
    }

    /// Not acked within its invisible time, a message comes back (through the POP retry topic) under its own topic
    /// and id, with delivery attempt 2.
    @Test(.timeLimit(.minutes(1))) func unackedMessageComesBackWithDeliveryAttemptTwo() async throws {
        try await GrpcBroker.with(configure: Self.lowerMinimum) { broker in
            try await broker.withClient { client in
                let ids = try await Self.setUp(broker, client, topic: "R_AGAIN", count: 1)
                let first = try await Self.receive(client, Self.receiveRequest("R_AGAIN", invisibleMillis: 500))
                #expect(Self.messages(first).map(\.systemProperties.deliveryAttempt) == [1])
                var again: [Apache_Rocketmq_V2_Message] = []
                try await waitUntil("the unacked message to come back", timeout: .seconds(30)) {
                    let items = try await Self.receive(client, Self.receiveRequest("R_AGAIN"))
                    again = Self.messages(items)
                    return !again.isEmpty
                }
                let back = try #require(again.first)
                #expect(again.count == 1)
                #expect(back.systemProperties.messageID == ids[0])
                #expect(back.topic.name == "R_AGAIN")
                #expect(back.systemProperties.deliveryAttempt == 2)
                #expect(String(decoding: back.body, as: UTF8.self) == "R_AGAIN-0")
                let handle = try #require(PopExtraInfo(parsing: back.systemProperties.receiptHandle))
                #expect(handle.topicFlag == .retry)
                let acked = try await client.ackMessage(
                    Self.ackRequest("R_AGAIN", [(ids[0], back.systemProperties.receiptHandle)]),
                    metadata: clientMetadata())
                #expect(acked.status.code == .ok)
                #expect(broker.core.popState.withLockedValue { $0.count } == 0)
            }
        }
    }

    /// An orderly group: the unacked message is popped again in order (same queue offset, not from a retry topic),
    /// with delivery attempt 2 from the broker's order count.
    @Test(.timeLimit(.minutes(1))) func orderlyMessagePoppedAgainCarriesItsDeliveryAttempt() async throws {
        try await GrpcBroker.with(configure: Self.lowerMinimum) { broker in
            var config = SubscriptionGroupConfig(groupName: Self.group)
            config.consumeMessageOrderly = true
            try broker.core.groups.update(config)
            try await broker.withClient { client in
                let ids = try await Self.setUp(broker, client, topic: "R_FIFO", count: 1)
                let first = Self.messages(
                    try await Self.receive(client, Self.receiveRequest("R_FIFO", invisibleMillis: 500)))
                #expect(first.map(\.systemProperties.deliveryAttempt) == [1])
                var again: [Apache_Rocketmq_V2_Message] = []
                try await waitUntil("the unacked message popped again", timeout: .seconds(30)) {
                    again = Self.messages(try await Self.receive(client, Self.receiveRequest("R_FIFO")))
                    return !again.isEmpty
                }
                #expect(again.map(\.systemProperties.messageID) == ids)
                #expect(again.map(\.systemProperties.queueOffset) == first.map(\.systemProperties.queueOffset))
                #expect(again.map(\.systemProperties.deliveryAttempt) == [2])
                let handle = try #require(again.first?.systemProperties.receiptHandle)
                let acked = try await client.ackMessage(
                    Self.ackRequest("R_FIFO", [(ids[0], handle)]), metadata: clientMetadata())
                #expect(acked.status.code == .ok)
            }
        }
    }

    /// The call's deadline (grpc-timeout) bounds the long poll: 7 s left and 20 s asked → the broker polls what is
    /// left (less 1 s for the answer) and the empty answer arrives before the deadline; 3 s left, less than the 5 s
    /// minimum → ILLEGAL_POLLING_TIME (as Apache's proxy, for clients from 5.0.3).
    @Test(.timeLimit(.minutes(1))) func theCallsDeadlineBoundsTheLongPoll() async throws {
        try await GrpcBroker.with { broker in
            try await broker.withClient { client in
                _ = try await Self.setUp(broker, client, topic: "R_DEADLINE", count: 0)
                func receive(deadline: Duration) async throws -> [Apache_Rocketmq_V2_ReceiveMessageResponse] {
                    var options = CallOptions.defaults
                    options.timeout = deadline
                    return try await client.receiveMessage(
                        Self.receiveRequest("R_DEADLINE", pollMillis: 20_000), metadata: clientMetadata(),
                        options: options
                    ) { response in
                        var items: [Apache_Rocketmq_V2_ReceiveMessageResponse] = []
                        for try await item in response.messages { items.append(item) }
                        return items
                    }
                }
                let empty = try await receive(deadline: .seconds(7))
                #expect(empty.map(\.status.code) == [.messageNotFound])
                let short = try await receive(deadline: .seconds(3))
                #expect(short.map(\.status.code) == [.illegalPollingTime])
            }
        }
    }

    /// A receive parked in the broker whose client gave up (call cancelled): the message the pop then finds cannot
    /// be written, and comes back at once (1 s) instead of after the 60 s invisible time it was popped with.
    @Test(.timeLimit(.minutes(1))) func messagesAClientWhoLeftCouldNotGetComeBackPromptly() async throws {
        try await GrpcBroker.with(configure: Self.lowerMinimum) { broker in
            try await broker.withClient { client in
                _ = try await Self.setUp(broker, client, topic: "R_LEFT", count: 0)
                let request = Self.receiveRequest("R_LEFT", invisibleMillis: 60_000, pollMillis: 20_000)
                let parked = Task { try await Self.receive(client, request) }
                try await waitUntil("the receive parked in the broker") {
                    broker.core.popHolds.count(topic: "R_LEFT", group: Self.group, queueId: -1) == 1
                }
                parked.cancel()
                _ = await parked.result
                let id = "01AABBCCDDEEFF0000000000LEFT"
                let sent = try await client.sendMessage(
                    GrpcSendTests.request(GrpcSendTests.message("R_LEFT", body: "left", id: id, tag: "TagA")),
                    metadata: clientMetadata())
                #expect(sent.status.code == .ok)
                var again: [Apache_Rocketmq_V2_Message] = []
                try await waitUntil("the message back for another receive", timeout: .seconds(20)) {
                    again = Self.messages(try await Self.receive(client, Self.receiveRequest("R_LEFT")))
                    return !again.isEmpty
                }
                #expect(again.map(\.systemProperties.messageID) == [id])
                #expect(again.map(\.systemProperties.deliveryAttempt) == [2])
            }
        }
    }

    /// The renewal scan gives back the handles of a client no longer alive (here: one whose Telemetry stream ended,
    /// as the test client's does after its settings; the same test as heartbeat expiry): the message, popped with
    /// 60 s, comes back at once for another receive.
    @Test(.timeLimit(.minutes(1))) func theRenewalScanReleasesTheHandlesOfAClientGone() async throws {
        try await GrpcBroker.with(configure: Self.lowerMinimum) { broker in
            try await broker.withClient { client in
                let ids = try await Self.setUp(broker, client, topic: "R_SCAN", count: 1)
                let first = Self.messages(
                    try await Self.receive(client, Self.receiveRequest("R_SCAN", invisibleMillis: 60_000)))
                let message = try #require(first.first)
                let handle = try #require(PopExtraInfo(parsing: message.systemProperties.receiptHandle))
                // Tracked as an auto-renewed delivery of this client would be.
                let state = broker.endpoint.state
                let call = try #require(state.clients.client("test-host@1@0@grpc")?.call)
                #expect(!state.clients.isAlive(call.clientId, now: MQProtocol.nowMillis()))
                let key = GrpcReceiptHandles.key(
                    clientId: call.clientId, group: Self.group, messageId: ids[0], handle: handle)
                let delivered = MQProtocol.nowMillis()
                state.handles.add(
                    key, .init(topic: "R_SCAN", call: call, handle: handle, delivered: delivered, reconsumeTimes: 0))
                await GrpcRenewer(state: state).scan(now: MQProtocol.nowMillis())
                #expect(state.handles.count == 0)
                var again: [Apache_Rocketmq_V2_Message] = []
                try await waitUntil("the released message back", timeout: .seconds(20)) {
                    again = Self.messages(try await Self.receive(client, Self.receiveRequest("R_SCAN")))
                    return !again.isEmpty
                }
                #expect(again.map(\.systemProperties.messageID) == ids)
                #expect(again.map(\.systemProperties.deliveryAttempt) == [2])
            }
        }
    }

    /// Never acked, with the group's retryMaxTimes 1: delivered twice, then the revive moves it to `%DLQ%group`.
    @Test(.timeLimit(.minutes(1))) func neverAckedMessageEndsInTheDeadLetterTopic() async throws {
        try await GrpcBroker.with(configure: Self.lowerMinimum) { broker in
            var config = SubscriptionGroupConfig(groupName: Self.group)
            config.retryMaxTimes = 1
            try broker.core.groups.update(config)
            try await broker.withClient { client in
                let ids = try await Self.setUp(broker, client, topic: "R_DLQ", count: 1)
                var attempts: [Int32] = []
                try await waitUntil("two deliveries", timeout: .seconds(30)) {
                    let items = try await Self.receive(client, Self.receiveRequest("R_DLQ", invisibleMillis: 300))
                    attempts += Self.messages(items).map(\.systemProperties.deliveryAttempt)
                    return attempts.count >= 2
                }
                #expect(attempts == [1, 2])
                let dlq = SystemTopics.dlqTopic(Self.group)
                try await waitUntil("the message in \(dlq)", timeout: .seconds(30), poll: .milliseconds(100)) {
                    guard broker.core.topics.topic(dlq) != nil else { return false }
                    return try !broker.stored(dlq).isEmpty
                }
                let dead = try broker.stored(dlq)
                #expect(dead.map(\.properties.uniqueKey) == [ids[0]])
                #expect(broker.core.popState.withLockedValue { $0.count } == 0)
            }
        }
    }

    static func assignmentRequest(_ topic: String, group: String = Self.group)
        -> Apache_Rocketmq_V2_QueryAssignmentRequest
    {
        var r = Apache_Rocketmq_V2_QueryAssignmentRequest()
        r.topic = topicResource(topic)
        r.group = topicResource(group)
        return r
    }

    /// A concurrent group gets one assignment (queue -1: each receive pops every queue), an orderly one every
    /// readable queue, as Apache's proxy in POP mode.
    @Test func queryAssignmentIsOneQueueOrEveryQueueOfAnOrderlyGroup() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("R_ASSIGN", read: 3, write: 3)
            var orderly = SubscriptionGroupConfig(groupName: "recv-orderly-g")
            orderly.consumeMessageOrderly = true
            try broker.core.groups.update(orderly)
            try await broker.withClient { client in
                let plain = try await client.queryAssignment(
                    Self.assignmentRequest("R_ASSIGN"), metadata: clientMetadata())
                #expect(plain.status.code == .ok)
                #expect(plain.assignments.map(\.messageQueue.id) == [-1])
                let queue = try #require(plain.assignments.first?.messageQueue)
                #expect(queue.topic.name == "R_ASSIGN" && queue.broker.id == 0)
                #expect(queue.broker.endpoints.addresses.first?.port == Int32(broker.grpcPort))
                let fifo = try await client.queryAssignment(
                    Self.assignmentRequest("R_ASSIGN", group: "recv-orderly-g"), metadata: clientMetadata())
                #expect(fifo.assignments.map(\.messageQueue.id) == [0, 1, 2])
                let unknown = try await client.queryAssignment(
                    Self.assignmentRequest("R_NO_SUCH"), metadata: clientMetadata())
                #expect(unknown.status.code == .topicNotFound)
            }
        }
    }

    /// Forwarding stores the message in `%DLQ%group` and acks its handle (the FIFO PushConsumer does not ack).
    @Test func forwardToDeadLetterQueueStoresAndAcks() async throws {
        try await GrpcBroker.with { broker in
            try await broker.withClient { client in
                let ids = try await Self.setUp(broker, client, topic: "R_FORWARD", count: 1)
                let items = try await Self.receive(client, Self.receiveRequest("R_FORWARD"))
                let message = try #require(Self.messages(items).first)
                var r = Apache_Rocketmq_V2_ForwardMessageToDeadLetterQueueRequest()
                r.group = topicResource(Self.group)
                r.topic = topicResource("R_FORWARD")
                r.receiptHandle = message.systemProperties.receiptHandle
                r.messageID = message.systemProperties.messageID
                r.deliveryAttempt = 1
                r.maxDeliveryAttempts = 1
                let forwarded = try await client.forwardMessageToDeadLetterQueue(r, metadata: clientMetadata())
                #expect(forwarded.status.code == .ok)
                let dead = try broker.stored(SystemTopics.dlqTopic(Self.group))
                #expect(dead.map(\.properties.uniqueKey) == [ids[0]])
                #expect(dead.map { String(buffer: $0.body) } == ["R_FORWARD-0"])
                #expect(broker.core.popState.withLockedValue { $0.count } == 0)
                r.receiptHandle = "garbage"
                let bad = try await client.forwardMessageToDeadLetterQueue(r, metadata: clientMetadata())
                #expect(bad.status.code == .invalidReceiptHandle)
            }
        }
    }
}

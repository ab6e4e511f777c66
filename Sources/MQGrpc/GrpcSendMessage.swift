import MQBroker
import MQProtocol
import NIOCore
import Synchronization
import SwiftProtobuf

/// SendMessage (design pop-grpc.md §1.1, §4.5): each message is checked as Apache's proxy checks it
/// (`SendMessageActivity`), turned into the SEND_MESSAGE request a remoting producer would send, and stored by the
/// broker's own SEND_MESSAGE handler on the send thread (topic checks, timer, half messages: one code path).
struct GrpcSendMessage {
    let state: GrpcEndpointState
    let core: BrokerCore
    let call: GrpcCall

    /// A message refused before it reaches the broker.
    struct Refusal: Error {
        var status: V2Status
        init(_ code: V2Code, _ message: String) { status = V2Status(code, message) }
        init(status: V2Status) { self.status = status }
    }

    func answer(_ request: Apache_Rocketmq_V2_SendMessageRequest) async -> Apache_Rocketmq_V2_SendMessageResponse {
        var response = Apache_Rocketmq_V2_SendMessageResponse()
        guard !request.messages.isEmpty else {
            response.status = V2Status(.badRequest, "no message to send")
            return response
        }
        for message in request.messages { response.entries.append(await send(message)) }
        let codes = Set(response.entries.map(\.status.code))
        // One message (what v5 clients send): its status; several with different outcomes: MULTIPLE_RESULTS.
        response.status = codes.count == 1 ? response.entries[0].status : V2Status(.multipleResults, "multiple results")
        return response
    }

    func send(_ message: Apache_Rocketmq_V2_Message) async -> Apache_Rocketmq_V2_SendResultEntry {
        var entry = Apache_Rocketmq_V2_SendResultEntry()
        entry.messageID = message.systemProperties.messageID
        do {
            let request = try remotingRequest(for: message)
            // The born host is the client's peer's address.
            let response = try await state.call(request, core: core, from: call)
            guard response.code == ResponseCode.success.rawValue else {
                entry.status = GrpcRemotingStatus.status(of: response)
                return entry
            }
            let header = try response.decodeHeader(SendMessageResponseHeader.self)
            entry.offset = header.queueOffset
            if message.systemProperties.messageType == .transaction {
                entry.transactionID = GrpcTransactionId(offsetMsgId: header.msgId, queueOffset: header.queueOffset)
                    .encoded
            }
            if let handle = header.recallHandle { entry.recallHandle = handle }
            entry.status = .ok
        } catch let refusal as Refusal {
            entry.status = refusal.status
        } catch {
            entry.status = V2Status(.internalError, "sending failed: \(error)")
        }
        return entry
    }

    /// The SEND_MESSAGE request for `message`, or the refusal Apache's proxy answers it with.
    func remotingRequest(for message: Apache_Rocketmq_V2_Message) throws(Refusal) -> RemotingCommand {
        let topicName = message.topic.name
        if let why = SystemTopics.validate(topic: topicName) { throw Refusal(.illegalTopic, why) }
        guard let topic = core.topics.topic(topicName) else {
            throw Refusal(.topicNotFound, "topic \(topicName) does not exist on broker \(core.config.brokerName)")
        }
        guard !message.body.isEmpty else { throw Refusal(.messageBodyEmpty, "message body cannot be empty") }
        let maxBody = core.config.store.maxMessageSize
        guard message.body.count <= maxBody else {
            throw Refusal(.messageBodyTooLarge, "message body cannot exceed the max \(maxBody)")
        }
        let properties = try GrpcMessageProperties.build(message, producerGroup: topicName, call: call)
        try Self.validateType(of: properties, topic: topic)
        let system = message.systemProperties
        var header = SendMessageRequestHeader(
            producerGroup: topicName, topic: topicName, queueId: queueId(for: system.messageGroup, topic: topic),
            properties: properties.encoded())
        header.sysFlag = system.messageType == .transaction ? MessageSysFlag.transactionPreparedType : 0
        if system.bodyEncoding == .gzip { header.sysFlag |= MessageSysFlag.compressed }
        header.bornTimestamp = system.hasBornTimestamp ? Self.millis(system.bornTimestamp) : nowMillis()
        header.reconsumeTimes = 0
        header.defaultTopicQueueNums = topic.writeQueueNums
        var request = call.remotingRequest(.sendMessage, header: header)
        request.body = ByteBuffer(bytes: message.body)
        return request
    }

    /// Apache's `DefaultTopicMessageTypeValidator`: the message's type (from its properties) must be the topic's,
    /// unless the topic is MIXED.
    static func validateType(of properties: MessageProperties, topic: TopicConfig) throws(Refusal) {
        let actual = TopicMessageType.of(properties)
        let expected = TopicMessageType(rawValue: topic.messageType.uppercased()) ?? .unspecified
        guard actual != .unspecified, actual == expected || expected == .mixed else {
            throw Refusal(
                .messagePropertyConflictWithType,
                "TopicMessageType validate failed, the expected type is \(expected.rawValue), "
                    + "but actual type is \(actual.rawValue)")
        }
    }

    /// The queue (v5 requests name none): a message group always maps to the same writable queue (Guava's
    /// consistent hash of the group's Java hash code, as Apache's proxy), anything else goes round robin.
    func queueId(for messageGroup: String, topic: TopicConfig) -> Int32 {
        let writable = max(1, topic.writeQueueNums)
        if !messageGroup.isEmpty {
            return Self.consistentHash(Int64(JavaHash.hashCode(messageGroup)), buckets: writable)
        }
        return Int32(truncatingIfNeeded: state.nextSendQueue() % UInt64(writable))
    }

    /// Guava's `Hashing.consistentHash(long, int)` (its linear congruential generator, Java's saturating cast).
    static func consistentHash(_ input: Int64, buckets: Int32) -> Int32 {
        var state = input
        var candidate: Int32 = 0
        while true {
            state = state &* 2_862_933_555_777_941_757 &+ 1
            let double = Double(Int32(truncatingIfNeeded: Int64(bitPattern: UInt64(bitPattern: state) >> 33)) + 1)
                / 2_147_483_648.0
            let next = Double(candidate + 1) / double
            guard next >= 0, next < Double(buckets) else { return candidate }
            candidate = Int32(next)
        }
    }

    static func millis(_ t: Google_Protobuf_Timestamp) -> Int64 {
        t.seconds * 1000 + Int64(t.nanos) / 1_000_000
    }
}

extension TopicMessageType {
    /// Apache's `TopicMessageType.parseFromMessageProperty`.
    static func of(_ properties: MessageProperties) -> TopicMessageType {
        if properties[MessageConst.transactionPrepared] == "true" { return .transaction }
        let delayNames = [
            MessageConst.delayTimeLevel, MessageConst.timerDeliverMS, MessageConst.timerDelaySec,
            MessageConst.timerDelayMS,
        ]
        if delayNames.contains(where: { properties[$0] != nil }) { return .delay }
        if properties[MessageConst.shardingKey] != nil { return .fifo }
        return .normal
    }
}

extension GrpcEndpointState {
    /// The next round-robin position for a send without a message group.
    func nextSendQueue() -> UInt64 { sendCounter.add(1, ordering: .relaxed).oldValue }
}

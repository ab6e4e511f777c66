import MQProtocol
import NIOConcurrencyHelpers
import NIOCore

/// Sends messages the way Apache's Java producer does: SEND_MESSAGE_V2, round-robin over the
/// route's writable queues, a client message id (UNIQ_KEY) per message, zlib above 4 KiB,
/// and a retry on another broker when one cannot be reached.
public final class Producer: Sendable {
    public let group: String
    public let client: MQClientInstance
    /// Bodies larger than this are sent zlib-compressed.
    public let compressOver: Int
    /// Further attempts on other brokers when one cannot be reached.
    public let retryTimes: Int
    private let counter = NIOLockedValueBox(Int.random(in: 0..<1024))
    /// Queues a topic gets when the first send creates it (Apache's producer default).
    public let defaultTopicQueueNums: Int32 = 4

    public init(group: String, client: MQClientInstance, compressOver: Int = 4 * 1024, retryTimes: Int = 2) {
        self.group = group
        self.client = client
        self.compressOver = compressOver
        self.retryTimes = retryTimes
    }

    /// Sends one message to a queue picked round-robin; `queue` pins it (orderly sends).
    public func send(_ message: Message, to queue: MessageQueue? = nil, timeout: Duration? = nil) async throws
        -> SendResult
    {
        try validate(message)
        var lastError: (any Error)?
        var avoid: Set<String> = []
        for attempt in 0...(queue == nil ? retryTimes : 0) {
            let target: MessageQueue
            if let queue {
                target = queue
            } else {
                target = try await pickQueue(topic: message.topic, avoiding: avoid, refresh: attempt > 0)
            }
            do {
                return try await sendTo(target, messages: [message], batch: false, timeout: timeout)
            } catch let error as ClientError where error.isConnectivity {
                avoid.insert(target.brokerName)
                lastError = error
            }
        }
        throw lastError ?? ClientError.invalidArgument("send failed")
    }

    /// Sends messages of one topic as a single batch to one queue.
    public func sendBatch(_ messages: [Message], to queue: MessageQueue? = nil, timeout: Duration? = nil) async throws
        -> SendResult
    {
        guard let first = messages.first else { throw ClientError.invalidArgument("the batch is empty") }
        for m in messages {
            try validate(m)
            guard m.topic == first.topic else { throw ClientError.invalidArgument("a batch must target a single topic") }
            guard m.delayTimeLevel == nil else { throw ClientError.invalidArgument("batch messages cannot be delayed") }
        }
        let target: MessageQueue
        if let queue {
            target = queue
        } else {
            target = try await pickQueue(topic: first.topic, avoiding: [], refresh: false)
        }
        return try await sendTo(target, messages: messages, batch: true, timeout: timeout)
    }

    /// Writable queues of the topic, in route order.
    public func writableQueues(topic: String, refresh: Bool = false) async throws -> [MessageQueue] {
        let route: TopicRouteData
        var limit = Int32.max
        do {
            route = try await client.route(topic: topic, refresh: refresh)
        } catch ClientError.topicNotFound {
            // Apache's producer falls back to the auto-create template's route; the broker creates the
            // topic on the first send (when its auto-creation is enabled).
            route = try await client.route(topic: SystemTopics.autoCreateTemplate, refresh: refresh)
            limit = defaultTopicQueueNums
        }
        var queues: [MessageQueue] = []
        // Sized once: growing from empty reallocated the array three times on every send (callgrind).
        queues.reserveCapacity(route.queueDatas.reduce(0) { $0 + Int(max(0, min($1.writeQueueNums, limit))) })
        for q in route.queueDatas where PermName.isWriteable(q.perm) {
            guard route.brokerDatas.contains(where: { $0.brokerName == q.brokerName && $0.masterAddress != nil }) else {
                continue
            }
            for id in 0..<min(q.writeQueueNums, limit) {
                queues.append(MessageQueue(topic: topic, brokerName: q.brokerName, queueId: id))
            }
        }
        return queues
    }

    func pickQueue(topic: String, avoiding: Set<String>, refresh: Bool) async throws -> MessageQueue {
        let all = try await writableQueues(topic: topic, refresh: refresh)
        // The first attempt avoids no broker: no filtered copy of the list then.
        let usable = avoiding.isEmpty ? all : all.filter { !avoiding.contains($0.brokerName) }
        let pool = usable.isEmpty ? all : usable
        guard !pool.isEmpty else { throw ClientError.brokerError(code: 16, remark: "no writable queue for \(topic)", address: "") }
        let n = counter.withLockedValue { c -> Int in
            c &+= 1
            return c
        }
        return pool[abs(n) % pool.count]
    }

    func validate(_ message: Message) throws {
        guard !message.topic.isEmpty else { throw ClientError.invalidArgument("the message has no topic") }
        guard message.body.readableBytes > 0 else { throw ClientError.invalidArgument("the message body is empty") }
    }

    /// Sends one message without waiting for the broker's answer (Apache's sendOneway: SEND_MESSAGE_V2 with the
    /// oneway flag). Returns once the request is written; whether the broker stored it is never known.
    public func sendOneway(_ message: Message, to queue: MessageQueue? = nil) async throws {
        try validate(message)
        let target: MessageQueue
        if let queue {
            target = queue
        } else {
            target = try await pickQueue(topic: message.topic, avoiding: [], refresh: false)
        }
        let addr = try await client.masterAddress(brokerName: target.brokerName)
        let (request, _) = try sendRequest(target, messages: [message], batch: false)
        try await client.invokeOneway(addr, request)
    }

    private func sendTo(_ queue: MessageQueue, messages: [Message], batch: Bool, timeout: Duration?) async throws
        -> SendResult
    {
        let addr = try await client.masterAddress(brokerName: queue.brokerName)
        let (request, uniqueKeys) = try sendRequest(queue, messages: messages, batch: batch)
        let response = try await client.invoke(addr, request, timeout: timeout)
        let status: SendStatus
        switch ResponseCode(rawValue: response.code) {
        case .success: status = .sendOK
        case .flushDiskTimeout: status = .flushDiskTimeout
        case .flushSlaveTimeout: status = .flushSlaveTimeout
        case .slaveNotAvailable: status = .slaveNotAvailable
        default: throw ClientError.brokerError(code: response.code, remark: response.remark ?? "", address: addr)
        }
        let rh = try response.decodeHeader(SendMessageResponseHeader.self)
        return SendResult(
            status: status, msgId: uniqueKeys.joined(separator: ","), offsetMsgId: rh.msgId,
            queue: MessageQueue(topic: queue.topic, brokerName: queue.brokerName, queueId: rh.queueId),
            queueOffset: rh.queueOffset, regionId: rh.regionId, traceOn: rh.traceOn ?? true,  // Java: missing is on
            recallHandle: rh.recallHandle)
    }

    /// The SEND_MESSAGE_V2 (or SEND_BATCH_MESSAGE) request for `messages` to `queue`, and their unique keys.
    private func sendRequest(_ queue: MessageQueue, messages: [Message], batch: Bool) throws
        -> (RemotingCommand, [String])
    {
        var uniqueKeys: [String] = []
        var sysFlag: Int32 = 0
        var body: ByteBuffer
        var properties: MessageProperties
        if batch {
            var items: [BatchItem] = []
            for m in messages {
                var p = m.properties
                let key = p.uniqueKey ?? UniqueKeyGenerator.shared.next()
                p[MessageConst.uniqueKey] = key
                p[MessageConst.waitStoreMsgOK] = p[MessageConst.waitStoreMsgOK] ?? "true"
                uniqueKeys.append(key)
                items.append(BatchItem(flag: m.flag, body: m.body, properties: p))
            }
            body = try BatchBody.encode(items)
            properties = MessageProperties()
            properties[MessageConst.waitStoreMsgOK] = "true"
        } else {
            let m = messages[0]
            properties = m.properties
            let key = properties.uniqueKey ?? UniqueKeyGenerator.shared.next()
            properties[MessageConst.uniqueKey] = key
            properties[MessageConst.waitStoreMsgOK] = properties[MessageConst.waitStoreMsgOK] ?? "true"
            uniqueKeys.append(key)
            body = m.body
            if isTransactionPrepared(properties, reconsumeTimes: 0) { sysFlag |= MessageSysFlag.transactionPreparedType }
            if body.readableBytes > compressOver {
                body = try BodyCompression.compress(body)
                sysFlag |= MessageSysFlag.compressed | MessageSysFlag.compressionZLIB
            }
        }
        var h = SendMessageRequestHeader(
            producerGroup: group, topic: queue.topic, queueId: queue.queueId, properties: properties.encoded())
        h.sysFlag = sysFlag
        h.bornTimestamp = nowMillis()
        h.flag = batch ? 0 : messages[0].flag
        h.defaultTopicQueueNums = 4
        h.reconsumeTimes = 0
        h.unitMode = false
        h.batch = batch
        h.brokerName = queue.brokerName
        let request = RemotingCommand.request(
            batch ? .sendBatchMessage : .sendMessageV2, header: SendMessageRequestHeaderV2(h), body: body)
        return (request, uniqueKeys)
    }
}

#if canImport(Glibc)
    import Glibc
#endif

import MQProtocol

/// Messages found on the brokers a lookup asked, and the brokers that did not answer.
public struct MessageLookupResult: Sendable {
    public var messages: [MessageExt]
    public var failures: [BacklogFailure]

    public init(messages: [MessageExt] = [], failures: [BacklogFailure] = []) {
        self.messages = messages
        self.failures = failures
    }
}

extension MQClientInstance {
    /// The group Apache's tools pull with (`MixAll.TOOLS_CONSUMER_GROUP`).
    public static let toolsConsumerGroup = "TOOLS_CONSUMER"

    /// QUERY_MESSAGE on every master of the topic's route, concurrently, keeping only messages of the
    /// topic whose KEYS contain `key` (or whose UNIQ_KEY is `key` with `unique`), oldest first.
    /// Unreachable brokers are reported in `failures`, not thrown; an unknown topic throws.
    public func lookupMessages(
        topic: String, key: String, begin: Int64 = 0, end: Int64 = .max, maxNum: Int32 = 64, unique: Bool = false
    ) async throws -> MessageLookupResult {
        let route = try await route(topic: topic)
        let brokers = route.brokerDatas.compactMap { b in b.masterAddress.map { (b.brokerName, $0) } }
        let parts = await withTaskGroup(of: MessageLookupResult.self) { tasks in
            for (name, addr) in brokers {
                tasks.addTask {
                    await self.lookupOnBroker(
                        name: name, address: addr, topic: topic, key: key, begin: begin, end: end, maxNum: maxNum,
                        unique: unique)
                }
            }
            var out: [MessageLookupResult] = []
            for await part in tasks { out.append(part) }
            return out
        }
        var result = MessageLookupResult()
        for part in parts {
            result.messages += part.messages
            result.failures += part.failures
        }
        result.messages.sort { ($0.storeTimestamp, $0.commitLogOffset) < ($1.storeTimestamp, $1.commitLogOffset) }
        result.failures.sort { $0.broker < $1.broker }
        return result
    }

    private func lookupOnBroker(
        name: String, address: String, topic: String, key: String, begin: Int64, end: Int64, maxNum: Int32, unique: Bool
    ) async -> MessageLookupResult {
        var h = QueryMessageRequestHeader(
            topic: topic, key: key, maxNum: maxNum, beginTimestamp: begin, endTimestamp: end)
        h.uniqueKeyQuery = unique
        do {
            let response = try await invoke(address, .request(.queryMessage, header: h))
            if response.code == ResponseCode.queryNotFound.rawValue { return MessageLookupResult() }
            try response.expect(from: address)
            guard let body = response.body else { return MessageLookupResult() }
            let all: [MessageExt]
            do {
                all = try MessageDecoder.decodeAll(body, readBody: true, decompress: false)
            } catch {
                throw ClientError.malformedResponse("messages from \(address): \(error)")
            }
            // The index matches hashes only; check the key and topic as Apache's client does.
            let matching = all.filter { m in
                m.topic == topic && (unique ? m.properties.uniqueKey == key : m.properties.keys.contains(key))
            }
            return MessageLookupResult(messages: matching)
        } catch let error as ClientError {
            let failure = BacklogFailure(
                broker: name, address: address, error: error.description, unreachable: error.isConnectivity)
            return MessageLookupResult(failures: [failure])
        } catch {
            return MessageLookupResult(
                failures: [BacklogFailure(broker: name, address: address, error: "\(error)", unreachable: false)])
        }
    }

    /// One message by its offset message id (VIEW_MESSAGE_BY_ID to the store host it names), body as
    /// stored (compressed bodies stay compressed; see `StoredMessage`).
    public func storedMessage(offsetMsgId: String) async throws -> MessageExt {
        let id: (storeHost: HostAddress, offset: Int64)
        do {
            id = try MessageId.decode(offsetMsgId)
        } catch {
            throw ClientError.invalidArgument("\"\(offsetMsgId)\" is not an offset message id: \(error)")
        }
        let addr = id.storeHost.description
        let response = try await invoke(
            addr, .request(.viewMessageById, header: ViewMessageRequestHeader(offset: id.offset)))
        try response.expect(from: addr)
        guard let body = response.body else { throw ClientError.malformedResponse("empty VIEW_MESSAGE_BY_ID body") }
        do {
            return try MessageDecoder.decode(body, at: body.readerIndex, options: .init(readBody: true))
        } catch {
            throw ClientError.malformedResponse("message from \(addr): \(error)")
        }
    }

    /// The message at `offset` of a queue (a one-message pull as TOOLS_CONSUMER, like Apache's
    /// queryMsgByOffset). nil when the offset is outside the queue's stored range; the range is
    /// returned to say why.
    public func storedMessage(
        queue: MessageQueue, offset: Int64
    ) async throws
        -> (message: MessageExt?, minOffset: Int64, maxOffset: Int64)
    {
        let addr = try await masterAddress(brokerName: queue.brokerName)
        let h = PullMessageRequestHeader(
            consumerGroup: Self.toolsConsumerGroup, topic: queue.topic, queueId: queue.queueId, queueOffset: offset,
            maxMsgNums: 1, sysFlag: PullSysFlag.subscription, commitOffset: 0, suspendTimeoutMillis: 0,
            subscription: "*", subVersion: 0)
        let response = try await invoke(addr, .request(.pullMessage, header: h))
        switch ResponseCode(rawValue: response.code) {
        case .success, .pullNotFound, .pullRetryImmediately, .pullOffsetMoved: break
        default: throw ClientError.brokerError(code: response.code, remark: response.remark ?? "", address: addr)
        }
        let rh = try response.decodeHeader(PullMessageResponseHeader.self)
        guard response.code == ResponseCode.success.rawValue, let body = response.body else {
            return (nil, rh.minOffset, rh.maxOffset)
        }
        let messages: [MessageExt]
        do {
            messages = try MessageDecoder.decodeAll(body, readBody: true)
        } catch {
            throw ClientError.malformedResponse("pulled message: \(error)")
        }
        return (messages.first { $0.queueOffset == offset }, rh.minOffset, rh.maxOffset)
    }

    /// The name of the broker whose master stores at `host` (nil when none is registered there).
    public func brokerName(of host: HostAddress) async -> String? {
        try? await brokerName(storeHost: host)
    }
}

import MQProtocol
import NIOCore

/// Typed calls to brokers: offsets, pulls, queries, heartbeats.
extension MQClientInstance {
    public func maxOffset(_ queue: MessageQueue) async throws -> Int64 {
        try await offsetCall(.getMaxOffset, queue)
    }

    public func minOffset(_ queue: MessageQueue) async throws -> Int64 {
        try await offsetCall(.getMinOffset, queue)
    }

    private func offsetCall(_ code: RequestCode, _ queue: MessageQueue) async throws -> Int64 {
        let addr = try await masterAddress(brokerName: queue.brokerName)
        let response = try await invoke(addr, .request(code, header: TopicQueueHeader(topic: queue.topic, queueId: queue.queueId)))
        try response.expect(from: addr)
        return try response.decodeHeader(OffsetResponseHeader.self).offset
    }

    public func searchOffset(_ queue: MessageQueue, timestamp: Int64, upper: Bool = false) async throws -> Int64 {
        let addr = try await masterAddress(brokerName: queue.brokerName)
        let h = SearchOffsetRequestHeader(
            topic: queue.topic, queueId: queue.queueId, timestamp: timestamp, boundaryType: upper ? "upper" : "lower")
        let response = try await invoke(addr, .request(.searchOffsetByTimestamp, header: h))
        try response.expect(from: addr)
        return try response.decodeHeader(OffsetResponseHeader.self).offset
    }

    /// Store time of the queue's first message, nil when the queue is empty.
    public func earliestStoreTime(_ queue: MessageQueue) async throws -> Int64? {
        let addr = try await masterAddress(brokerName: queue.brokerName)
        let response = try await invoke(
            addr, .request(.getEarliestMsgStoreTime, header: TopicQueueHeader(topic: queue.topic, queueId: queue.queueId)))
        try response.expect(from: addr)
        let t = try response.decodeHeader(TimestampResponseHeader.self).timestamp
        return t > 0 ? t : nil
    }

    /// The group's committed offset for a queue, nil when it never committed.
    public func queryConsumerOffset(group: String, queue: MessageQueue, setZeroIfNotFound: Bool = false) async throws
        -> Int64?
    {
        let addr = try await masterAddress(brokerName: queue.brokerName)
        var h = QueryConsumerOffsetRequestHeader(consumerGroup: group, topic: queue.topic, queueId: queue.queueId)
        h.setZeroIfNotFound = setZeroIfNotFound
        let response = try await invoke(addr, .request(.queryConsumerOffset, header: h))
        if response.code == ResponseCode.queryNotFound.rawValue { return nil }
        try response.expect(from: addr)
        return try response.decodeHeader(OffsetResponseHeader.self).offset
    }

    public func updateConsumerOffset(group: String, queue: MessageQueue, offset: Int64) async throws {
        let addr = try await masterAddress(brokerName: queue.brokerName)
        let h = UpdateConsumerOffsetRequestHeader(
            consumerGroup: group, topic: queue.topic, queueId: queue.queueId, commitOffset: offset)
        try await invoke(addr, .request(.updateConsumerOffset, header: h)).expect(from: addr)
    }

    /// Pulls from a queue. With `suspendMillis` > 0 the broker holds the request until a message arrives.
    /// `expression` is read as `expressionType` says: tags (`*`, `TagA || TagB`) or a SQL92 property filter, which
    /// only the broker applies.
    public func pull(
        group: String, queue: MessageQueue, offset: Int64, maxNums: Int32 = 32, expression: String = "*",
        expressionType: String = ExpressionType.tag, suspendMillis: Int64 = 0, commitOffset: Int64? = nil
    ) async throws -> PullResult {
        let addr = try await masterAddress(brokerName: queue.brokerName)
        var flag = PullSysFlag.subscription
        if suspendMillis > 0 { flag |= PullSysFlag.suspend }
        if commitOffset != nil { flag |= PullSysFlag.commitOffset }
        var h = PullMessageRequestHeader(
            consumerGroup: group, topic: queue.topic, queueId: queue.queueId, queueOffset: offset, maxMsgNums: maxNums,
            sysFlag: flag, commitOffset: commitOffset ?? 0, suspendTimeoutMillis: suspendMillis,
            subscription: expression, subVersion: 0)
        h.expressionType = expressionType
        let wait = suspendMillis > 0 ? timeout + .milliseconds(suspendMillis) + .seconds(5) : timeout
        let response = try await invoke(addr, .request(.pullMessage, header: h), timeout: wait)
        let status: PullStatus
        switch ResponseCode(rawValue: response.code) {
        case .success: status = .found
        case .pullNotFound: status = .noNewMessage
        case .pullRetryImmediately: status = .noMatchedMessage
        case .pullOffsetMoved: status = .offsetIllegal
        default: throw ClientError.brokerError(code: response.code, remark: response.remark ?? "", address: addr)
        }
        let rh = try response.decodeHeader(PullMessageResponseHeader.self)
        var messages: [MessageExt] = []
        if status == .found, let body = response.body {
            do {
                messages = try MessageDecoder.decodeAll(body, readBody: true, decompress: true)
            } catch {
                throw ClientError.malformedResponse("pulled messages: \(error)")
            }
            // Tags are checked again by string (codes can collide), as Apache's clients do; SQL92 only by the broker.
            if ExpressionType.isTag(expressionType) {
                let filter = SubscriptionFilter(expression: expression)
                messages = messages.filter { filter.matches(tags: $0.tags) }
            }
        }
        return PullResult(
            status: status, nextBeginOffset: rh.nextBeginOffset, minOffset: rh.minOffset, maxOffset: rh.maxOffset,
            messages: messages)
    }

    /// Sends a heartbeat to every master broker in `brokerNames`' routes (or all known masters).
    public func heartbeat(_ data: HeartbeatData, to addresses: [String]) async {
        for addr in Set(addresses) {
            var request = RemotingCommand.request(.heartBeat)
            request.setJSONBody(data)
            do {
                try await invoke(addr, request).expect(from: addr)
            } catch {
                logger.warning("heartbeat to \(addr) failed: \(error)")
            }
        }
    }

    /// CHECK_CLIENT_CONFIG: whether the broker at `address` can serve `subscription` (Java clients ask before they
    /// start with a SQL92 one); throws ClientError.brokerError with the broker's remark when it cannot.
    public func checkClientConfig(group: String, subscription: SubscriptionData, broker address: String) async throws {
        var request = RemotingCommand.request(.checkClientConfig)
        request.setJSONBody(CheckClientRequestBody(clientId: clientId, group: group, subscriptionData: subscription))
        try await invoke(address, request).expect(from: address)
    }

    public func consumerIds(group: String, broker address: String) async throws -> [String] {
        let response = try await invoke(address, .request(.getConsumerListByGroup, header: ConsumerGroupHeader(consumerGroup: group)))
        guard response.code == ResponseCode.success.rawValue else { return [] }
        return try decode(ConsumerListBody.self, response).consumerIdList
    }

    /// Hands a failed message back to the broker for a later retry.
    public func sendBack(group: String, message: MessageExt, delayLevel: Int32 = 0, maxReconsumeTimes: Int32? = nil) async throws {
        let addr = try await masterAddress(brokerName: try brokerName(storeHost: message.storeHost))
        var h = ConsumerSendMsgBackRequestHeader(offset: message.commitLogOffset, group: group, delayLevel: delayLevel)
        h.originMsgId = message.msgId
        h.originTopic = message.topic
        h.maxReconsumeTimes = maxReconsumeTimes
        try await invoke(addr, .request(.consumerSendMsgBack, header: h)).expect(from: addr)
    }

    /// The broker name whose master stores at `host`.
    func brokerName(storeHost host: HostAddress) async throws -> String {
        let info = try await clusterInfo()
        for (name, b) in info.brokerAddrTable where b.brokerAddrs.values.contains(where: { HostAddress($0) == host }) {
            return name
        }
        throw ClientError.invalidArgument("no broker is registered at \(host)")
    }

    /// Messages of a topic whose KEYS (or UNIQ_KEY with `unique`) contain `key`, from every broker of the route.
    public func queryMessages(
        topic: String, key: String, begin: Int64 = 0, end: Int64 = Int64.max, maxNum: Int32 = 64, unique: Bool = false
    ) async throws -> [MessageExt] {
        let route = try await route(topic: topic)
        var found: [MessageExt] = []
        for broker in route.brokerDatas {
            guard let addr = broker.masterAddress else { continue }
            var h = QueryMessageRequestHeader(topic: topic, key: key, maxNum: maxNum, beginTimestamp: begin, endTimestamp: end)
            h.uniqueKeyQuery = unique
            let response = try await invoke(addr, .request(.queryMessage, header: h))
            if response.code == ResponseCode.queryNotFound.rawValue { continue }
            try response.expect(from: addr)
            guard let body = response.body else { continue }
            let messages = try MessageDecoder.decodeAll(body, readBody: true, decompress: true)
            found += messages.filter { m in
                m.topic == topic && (unique ? m.properties.uniqueKey == key : m.properties.keys.contains(key))
            }
        }
        return found.sorted { $0.storeTimestamp < $1.storeTimestamp }
    }

    /// One message by its offset message id (store host + commit-log offset).
    public func viewMessage(offsetMsgId: String) async throws -> MessageExt {
        let id: (storeHost: HostAddress, offset: Int64)
        do {
            id = try MessageId.decode(offsetMsgId)
        } catch {
            throw ClientError.invalidArgument("\"\(offsetMsgId)\" is not an offset message id: \(error)")
        }
        let addr = id.storeHost.description
        let response = try await invoke(addr, .request(.viewMessageById, header: ViewMessageRequestHeader(offset: id.offset)))
        try response.expect(from: addr)
        guard var body = response.body else { throw ClientError.malformedResponse("empty VIEW_MESSAGE_BY_ID body") }
        return try MessageDecoder.decode(&body, readBody: true, decompress: true)
    }
}

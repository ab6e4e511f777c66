import MQProtocol
import MQRemoting
import MQStore
import NIOCore

extension BrokerCore {
    /// SEND_MESSAGE / SEND_MESSAGE_V2 / SEND_BATCH_MESSAGE (wire.md §3.1). Batches are recognised by the
    /// `batch` field, not the code: the C++ client sends them as code 10.
    func handleSend(_ request: RemotingCommand, peer: any RemotingPeer) -> ProcessResult {
        let header: SendMessageRequestHeader
        do {
            header = try SendMessageRequestHeader.decode(request)
        } catch {
            return .response(request.response(.systemError, remark: "\(error)"))
        }
        switch prepareSend(request, header: header) {
        case .rejected(let response):
            stats.recordPutFailure()
            return .response(response)
        case .target(let target):
            let bornHost = peer.remoteHost ?? storeHost
            let result: PutResult
            let messages: [MessageToStore]
            let started = ContinuousClock.now
            do {
                if header.batch == true || request.requestCode == .sendBatchMessage {
                    messages = try batchMessages(request, header: header, target: target, bornHost: bornHost)
                    result = store.putBatch(messages)
                } else {
                    messages = [try singleMessage(request, header: header, target: target, bornHost: bornHost)]
                    result = store.put(messages[0])
                }
                stats.recordPutTime(since: started)
            } catch let error as SendRejection {
                stats.recordPutFailure()
                return .response(request.response(error.code, remark: error.remark))
            } catch {
                stats.recordPutFailure()
                return .response(request.response(.messageIllegal, remark: "\(error)"))
            }
            return sendResponse(request, header: header, result: result, messages: messages, peer: peer)
        }
    }

    struct SendTarget {
        var topic: String
        var queueId: Int32
        var topicConfig: TopicConfig
        /// Set when a retry-topic send was redirected to the DLQ.
        var toDLQ = false
    }

    struct SendRejection: Error {
        var code: ResponseCode
        var remark: String
    }

    /// Checks permissions, resolves (or auto-creates) the topic and picks the queue.
    enum PreparedSend {
        case target(SendTarget)
        case rejected(RemotingCommand)
    }

    func prepareSend(_ request: RemotingCommand, header: SendMessageRequestHeader) -> PreparedSend {
        func fail(_ code: ResponseCode, _ remark: String) -> PreparedSend {
            .rejected(request.response(code, remark: remark))
        }
        guard liveSettings.isWritable else {
            return fail(.noPermission, "the broker[\(config.brokerName)] sending message is forbidden")
        }
        if let why = SystemTopics.validate(topic: header.topic) { return fail(.messageIllegal, why) }
        if SystemTopics.isSendForbidden(header.topic) {
            return fail(.noPermission, "Sending message to topic[\(header.topic)] is forbidden.")
        }
        var topic = header.topic
        var toDLQ = false
        var topicConfig: TopicConfig?
        do {
            if topic.hasPrefix(SystemTopics.retryPrefix) {
                let groupName = String(topic.dropFirst(SystemTopics.retryPrefix.count))
                guard let group = groups.findOrCreate(groupName) else {
                    return fail(.subscriptionGroupNotExist, "subscription group [\(groupName)] does not exist")
                }
                var maxTimes = group.retryMaxTimes
                if request.version >= MQVersion.v3_4_9, let m = header.maxReconsumeTimes { maxTimes = m }
                if (header.reconsumeTimes ?? 0) > maxTimes {
                    topic = SystemTopics.dlqTopic(groupName)
                    toDLQ = true
                    topicConfig = try topics.createSystemGroupTopic(topic, queueNums: 1, durable: true)
                } else {
                    topicConfig = try topics.createSystemGroupTopic(topic, queueNums: max(1, group.retryQueueNums), durable: true)
                }
            } else {
                topicConfig = try topics.createInSendMessage(
                    topic: topic, defaultTopic: header.defaultTopic, queueNums: header.defaultTopicQueueNums)
            }
        } catch {
            return fail(.systemError, "cannot create topic \(topic): \(error)")
        }
        guard let tc = topicConfig else {
            return fail(.topicNotExist, "topic[\(topic)] not exist, apply first please!")
        }
        guard PermName.isWriteable(tc.perm) else {
            return fail(.noPermission, "the topic[\(topic)] sending message is forbidden")
        }
        var queueId = toDLQ ? 0 : header.queueId
        if queueId >= tc.queueCount {
            return fail(
                .systemError,
                "request queueId[\(queueId)] is illegal, topic: \(topic) writeQueueNums: \(tc.writeQueueNums) readQueueNums: \(tc.readQueueNums)"
            )
        }
        if queueId < 0 { queueId = Int32.random(in: 0..<max(1, tc.writeQueueNums)) }
        return .target(SendTarget(topic: topic, queueId: queueId, topicConfig: tc, toDLQ: toDLQ))
    }

    func singleMessage(
        _ request: RemotingCommand, header: SendMessageRequestHeader, target: SendTarget, bornHost: HostAddress
    ) throws(SendRejection) -> MessageToStore {
        var properties = MessageProperties(decoding: header.properties ?? "")
        if target.toDLQ { properties[MessageConst.delayTimeLevel] = "-1" }
        let prepared = isTransactionPrepared(properties, reconsumeTimes: header.reconsumeTimes ?? 0)
        var message = prepareMessage(
            topic: target.topic, queueId: target.queueId, flag: header.flag,
            body: request.body ?? ByteBuffer(), properties: properties, sysFlag: header.sysFlag,
            bornTimestamp: header.bornTimestamp, bornHost: bornHost, reconsumeTimes: header.reconsumeTimes ?? 0,
            topicConfig: target.topicConfig, allowDelay: !prepared)
        // A transaction's prepared message waits in the half topic until END_TRANSACTION (BrokerCore+EndTransaction).
        if prepared { return transactions.halfMessage(of: message) }
        try applyTimer(&message)
        return message
    }

    func batchMessages(
        _ request: RemotingCommand, header: SendMessageRequestHeader, target: SendTarget, bornHost: HostAddress
    ) throws -> [MessageToStore] {
        guard !target.topic.hasPrefix(SystemTopics.retryPrefix) else {
            throw SendRejection(code: .messageIllegal, remark: "batch request does not support retry group \(target.topic)")
        }
        var body = request.body ?? ByteBuffer()
        var sysFlag = header.sysFlag
        if sysFlag & MessageSysFlag.compressed != 0 {
            // The official C++ client compresses a batch's body as a whole once it passes its threshold. Apache
            // stores such a batch as one message; the bundled broker stores each message as the sender meant it
            // (docs/compatibility.md). The inflated batch may not exceed what one send may carry, several times.
            let limit = Self.compressedBatchExpansion * config.store.maxMessageSize
            do {
                body = try BodyCompression.decompress(body, maxSize: limit)
            } catch {
                throw SendRejection(
                    code: .messageIllegal,
                    remark: "the compressed batch body cannot be inflated (\(error)); at most \(limit) bytes are accepted")
            }
            sysFlag &= ~MessageSysFlag.compressed
        }
        let items: [BatchItem]
        do {
            items = try BatchBody.decode(body)
        } catch {
            throw SendRejection(code: .messageIllegal, remark: "malformed batch body: \(error)")
        }
        guard !items.isEmpty else { throw SendRejection(code: .messageIllegal, remark: "the batch is empty") }
        return try items.map { item in
            if let level = item.properties[MessageConst.delayTimeLevel], (Int(level) ?? 0) > 0 {
                throw SendRejection(code: .messageIllegal, remark: "batch messages cannot carry a delay level")
            }
            return prepareMessage(
                topic: target.topic, queueId: target.queueId, flag: item.flag, body: item.body,
                properties: item.properties, sysFlag: sysFlag, bornTimestamp: header.bornTimestamp,
                bornHost: bornHost, reconsumeTimes: 0, topicConfig: target.topicConfig, allowDelay: false)
        }
    }

    /// How many times `maxMessageSize` a compressed batch may inflate to (a bound against zip bombs).
    static let compressedBatchExpansion = 4

    /// Fills in what the broker adds to every message (UNIQ_KEY, CLUSTER, tag code) and applies delay levels.
    func prepareMessage(
        topic: String, queueId: Int32, flag: Int32, body: ByteBuffer, properties: MessageProperties, sysFlag: Int32,
        bornTimestamp: Int64, bornHost: HostAddress, reconsumeTimes: Int32, topicConfig: TopicConfig?,
        allowDelay: Bool = true
    ) -> MessageToStore {
        var props = properties
        if props[MessageConst.uniqueKey] == nil { props[MessageConst.uniqueKey] = UniqueKeyGenerator.shared.next() }
        props[MessageConst.cluster] = config.clusterName
        // Apache adds these to every stored message; tracing consumers need MSG_REGION to record Sub traces.
        props[MessageConst.msgRegion] = config.regionId
        props[MessageConst.traceSwitch] = String(liveSettings.traceOn)
        var flags = sysFlag
        if topicConfig?.topicFilterType == "MULTI_TAG" { flags |= MessageSysFlag.multiTags }
        var message = MessageToStore(
            topic: topic, queueId: queueId, flag: flag, body: body, properties: props, sysFlag: flags,
            bornTimestamp: bornTimestamp, bornHost: bornHost, reconsumeTimes: reconsumeTimes,
            preparedTransactionOffset: 0, tagsCode: tagsCode(props[MessageConst.tags]), storeTimestamp: nil)
        if allowDelay, let text = props[MessageConst.delayTimeLevel], let level = Int(text), level > 0 {
            applyDelay(&message, level: level)
        }
        return message
    }

    func tagsCode(_ tags: String?) -> Int64 {
        guard let tags, !tags.isEmpty else { return 0 }
        return Int64(JavaHash.hashCode(tags))
    }

    /// Redirects a delayed message to SCHEDULE_TOPIC_XXXX, queue `level - 1`; the schedule service moves it back.
    func applyDelay(_ message: inout MessageToStore, level requested: Int) {
        let level = min(requested, delayLevels.count)
        message.properties[MessageConst.delayTimeLevel] = String(level)
        message.properties[MessageConst.realTopic] = message.topic
        message.properties[MessageConst.realQueueId] = String(message.queueId)
        message.topic = SystemTopics.schedule
        message.queueId = Int32(level - 1)
        // The consume-queue tag code of a delayed message is its delivery time.
        message.tagsCode = nowMillis() + delayLevels.delay(ofLevel: level)
    }

    func sendResponse(
        _ request: RemotingCommand, header: SendMessageRequestHeader, result: PutResult, messages: [MessageToStore],
        peer: any RemotingPeer
    ) -> ProcessResult {
        switch result.status {
        case .ok: break
        case .messageIllegal(let why):
            stats.recordPutFailure()
            return .response(request.response(.messageIllegal, remark: why))
        case .serviceUnavailable(let why):
            stats.recordPutFailure()
            return .response(request.response(.serviceNotAvailable, remark: why))
        }
        stats.recordPut(
            topic: messages.first?.topic ?? header.topic, messages: messages.count,
            bytes: messages.reduce(0) { $0 + $1.body.readableBytes })
        // A delayed or timer message answers with the queue it was sent to, as Apache does, not its waiting queue.
        let sentTo = messages.first?.properties[MessageConst.realQueueId].flatMap { Int32($0) }
        var rh = SendMessageResponseHeader(
            msgId: result.offsetMsgIds.joined(separator: ","), queueId: sentTo ?? result.queueId,
            queueOffset: result.queueOffset, transactionId: result.uniqueKeys.first ?? nil)
        rh.regionId = config.regionId
        rh.traceOn = liveSettings.traceOn
        rh.recallHandle = messages.count == 1 ? recallHandle(for: request, stored: messages[0]) : nil
        let h = rh
        let response = request.response(header: h)
        let waitStore = messages.first?.properties[MessageConst.waitStoreMsgOK] != "false"
        guard config.store.flushMode == .sync, waitStore else { return .response(response) }
        // Group commit: answer once the bytes are on disk (or FLUSH_DISK_TIMEOUT, as Apache does: the deadline is
        // kept in `flushWaits`, which the broker's 200 ms timer sweeps, not in a timer per send).
        let promise = peer.eventLoop.makePromise(of: RemotingCommand?.self)
        let once = CompleteOnce(promise)
        let ticket = flushWaits.add(
            deadline: .now() + .milliseconds(config.syncFlushTimeoutMillis), answer: once, request: request, header: h)
        store.whenFlushed(upTo: result.endOffset) { [flushWaits] ok in
            flushWaits.remove(ticket)
            once.succeed(
                ok ? response : request.response(.serviceNotAvailable, remark: "the store failed to flush to disk"))
        }
        return .deferred(promise.futureResult)
    }
}

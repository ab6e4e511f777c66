import MQProtocol
import MQRemoting

extension BrokerCore {
    /// HEART_BEAT (wire.md §7.2): registers consumers and producers, creates retry topics, notifies groups.
    func handleHeartbeat(_ request: RemotingCommand, peer: any RemotingPeer) throws -> RemotingCommand {
        let data = try request.decodeBody(HeartbeatData.self)
        let now = nowMillis()
        let channel = ClientChannel(
            clientId: data.clientID, language: request.language, version: request.version, peer: peer, lastUpdate: now)
        var anySubscriptionChange = false
        for consumer in data.consumerDataSet {
            guard let group = groups.findOrCreate(consumer.groupName) else {
                logger.warning("heartbeat from \(data.clientID) for unknown group \(consumer.groupName) ignored")
                continue
            }
            let retryTopic = SystemTopics.retryTopic(consumer.groupName)
            if group.retryQueueNums > 0, topics.topic(retryTopic) == nil {
                let orderly = consumer.subscriptionDataSet.contains { topics.topic($0.topic)?.order ?? false }
                _ = try topics.createSystemGroupTopic(
                    retryTopic, queueNums: group.retryQueueNums, order: orderly, durable: false)
            }
            let subs = consumer.subscriptionDataSet.map(SubscriptionFilter.normalized)
            let (channelsChanged, subsChanged) = consumers.register(consumer, channel: channel, subscriptions: subs)
            for refused in filters.register(group: consumer.groupName, subscriptions: subs) {
                // Apache answers the heartbeat SUCCESS all the same; the group's pulls then say the filter is missing.
                logger.warning(
                    """
                    consumer \(data.clientID) of group \(consumer.groupName) subscribes to \(refused.topic) with an \
                    expression that does not compile: \(refused.why)
                    """)
            }
            anySubscriptionChange = anySubscriptionChange || subsChanged
            if channelsChanged {
                logger.info("consumer \(data.clientID) (\(peer.remoteAddress)) joined group \(consumer.groupName)")
            }
            if channelsChanged || subsChanged, let info = consumers.group(consumer.groupName) {
                notifyIdsChanged(group: consumer.groupName, channels: Array(info.channels.values))
            }
        }
        for producer in data.producerDataSet {
            producers.register(group: producer.groupName, channel: channel)
        }
        var response = request.response()
        response.extFields["IS_SUPPORT_HEART_BEAT_V2"] = "true"
        response.extFields["IS_SUB_CHANGE"] = String(anySubscriptionChange)
        return response
    }

    /// UNREGISTER_CLIENT: a client shutting down leaves its groups at once (no 120 s wait).
    func handleUnregister(_ request: RemotingCommand, peer: any RemotingPeer) throws -> RemotingCommand {
        let h = try request.decodeHeader(UnregisterClientRequestHeader.self)
        if let group = h.consumerGroup, let remaining = consumers.unregister(group: group, peerId: peer.id) {
            logger.info("consumer \(h.clientID) left group \(group)")
            if remaining.isEmpty { filters.unregister(group: group) }
            notifyIdsChanged(group: group, channels: remaining)
        }
        if let group = h.producerGroup { producers.unregister(group: group, peerId: peer.id) }
        return request.response()
    }

    /// GET_CONSUMER_LIST_BY_GROUP: the client ids a consumer rebalances against.
    func handleConsumerList(_ request: RemotingCommand) throws -> RemotingCommand {
        let group = try request.decodeHeader(ConsumerGroupHeader.self).consumerGroup
        guard let info = consumers.group(group), !info.channels.isEmpty else {
            return request.response(.systemError, remark: "no consumer for this group, \(group)")
        }
        return request.response().withJSONBody(ConsumerListBody(consumerIdList: info.clientIds))
    }

    /// LOCK_BATCH_MQ / UNLOCK_BATCH_MQ for orderly consumers.
    func handleLock(_ request: RemotingCommand) throws -> RemotingCommand {
        let body = try request.decodeBody(LockBatchRequestBody.self)
        if request.requestCode == .unlockBatchMQ {
            locks.unlock(group: body.consumerGroup, queues: body.mqSet, clientId: body.clientId)
            return request.response()
        }
        let granted = locks.tryLock(
            group: body.consumerGroup, queues: body.mqSet, clientId: body.clientId, now: nowMillis())
        return request.response().withJSONBody(LockBatchResponseBody(lockOKMQSet: granted))
    }

    /// QUERY_CONSUMER_OFFSET (wire.md §3.2), including Apache's rule for a group's first start.
    func handleQueryConsumerOffset(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(QueryConsumerOffsetRequestHeader.self)
        let stored = offsets.offset(group: h.consumerGroup, topic: h.topic, queueId: h.queueId)
        if stored >= 0 { return request.response(header: OffsetResponseHeader(offset: stored)) }
        // No commit yet. Apache answers 0 when the queue still starts at 0 and its head is "in memory"
        // (recent); a missing setZeroIfNotFound counts as true. A young queue here is always recent.
        if h.setZeroIfNotFound ?? true, store.minOffset(topic: h.topic, queueId: h.queueId) <= 0 {
            return request.response(header: OffsetResponseHeader(offset: 0))
        }
        return request.response(.queryNotFound, remark: "Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first")
    }

    /// UPDATE_CONSUMER_OFFSET.
    func handleUpdateConsumerOffset(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(UpdateConsumerOffsetRequestHeader.self)
        guard groups.group(h.consumerGroup) != nil else {
            return request.response(.subscriptionGroupNotExist, remark: "subscription group [\(h.consumerGroup)] does not exist")
        }
        guard topics.topic(h.topic) != nil else {
            return request.response(.topicNotExist, remark: "topic[\(h.topic)] not exist")
        }
        // A commit made before the consumer pulled a pending admin reset would undo it (Apache ignores it too).
        if pendingReset(group: h.consumerGroup, topic: h.topic, queueId: h.queueId) != nil {
            return request.response(remark: "Offset has been previously reset")
        }
        offsets.commit(group: h.consumerGroup, topic: h.topic, queueId: h.queueId, offset: h.commitOffset)
        return request.response()
    }
}

extension BrokerCore {
    /// CHECK_CLIENT_CONFIG: whether this broker can serve a consumer's subscription (Apache's
    /// ClientManageProcessor#checkClientConfig). Java clients ask before they start with a SQL92 subscription, so
    /// a malformed expression is refused at subscribe time, with the problem and its position in the remark.
    func handleCheckClientConfig(_ request: RemotingCommand) throws -> RemotingCommand {
        // No body, or no subscription in it: nothing to check (Apache answers SUCCESS).
        let body = request.body == nil ? nil : try request.decodeBody(CheckClientRequestBody.self)
        guard let body, let sub = body.subscriptionData, !ExpressionType.isTag(sub.expressionType) else {
            return request.response()
        }
        if !liveSettings.enablePropertyFilter { return propertyFilterOff(sub.expressionType).response(to: request) }
        if case .failure(let why) = filters.compiled(type: sub.expressionType, expression: sub.subString) {
            logger.info(
                """
                client \(body.clientId ?? "?") of group \(body.group ?? "?") subscribes to \(sub.topic) with an \
                \(sub.expressionType) expression that does not compile: \(why)
                """)
            return request.response(.subscriptionParseFailed, remark: "\(why)")
        }
        return request.response()
    }
}

import MQProtocol
import MQRemoting
import MQStore

extension BrokerCore {
    /// UPDATE_AND_CREATE_SUBSCRIPTIONGROUP (200).
    func handleUpdateGroup(_ request: RemotingCommand) throws -> RemotingCommand {
        let g = try request.decodeBody(SubscriptionGroupConfig.self)
        if let why = SystemTopics.validate(group: g.groupName) {
            return request.response(.invalidParameter, remark: why)
        }
        try groups.update(g)
        return request.response()
    }

    /// DELETE_SUBSCRIPTIONGROUP (207), with its offsets when `cleanOffset` is set.
    func handleDeleteGroup(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(DeleteSubscriptionGroupRequestHeader.self)
        try groups.delete(h.groupName)
        if h.cleanOffset { offsets.removeGroup(h.groupName) }
        return request.response()
    }

    /// GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201).
    func handleGetAllGroupConfig(_ request: RemotingCommand) throws -> RemotingCommand {
        let wrapper = groups.snapshot
        return request.response().withJSONBody(wrapper)
    }

    /// GET_SUBSCRIPTIONGROUP_CONFIG (352).
    func handleGetGroupConfig(_ request: RemotingCommand) throws -> RemotingCommand {
        let name = try request.decodeHeader(GroupHeader.self).group
        guard let g = groups.group(name) else {
            return request.response(.subscriptionGroupNotExist, remark: "No group in this broker. group: \(name)")
        }
        return request.response().withJSONBody(g)
    }

    /// GET_ALL_CONSUMER_OFFSET (43).
    func handleGetAllConsumerOffset(_ request: RemotingCommand) throws -> RemotingCommand {
        request.response().withJSONBody(offsets.snapshot)
    }

    /// GET_CONSUME_STATS (208): one topic, a list of topics, or every topic the group consumes.
    func handleGetConsumeStats(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(GetConsumeStatsRequestHeader.self)
        let topics = h.topics ?? h.topic.map { [$0] }
        if let topic = h.topic, h.topics == nil, self.topics.topic(topic) == nil {
            return request.response(.topicNotExist, remark: "topic[\(topic)] not exist")
        }
        return request.response().withJSONBody(consumeStats(group: h.consumerGroup, topics: topics))
    }

    /// GET_CONSUMER_CONNECTION_LIST (203): the group's online members and subscriptions.
    func handleGetConsumerConnections(_ request: RemotingCommand) throws -> RemotingCommand {
        let group = try request.decodeHeader(ConsumerGroupHeader.self).consumerGroup
        guard let info = consumers.group(group), !info.channels.isEmpty else {
            return request.response(.consumerNotOnline, remark: "the consumer group[\(group)] not online")
        }
        let sendBacks = consumers.sendBacks.tallies(group: group)
        let connections = info.channels.map { peerId, channel in
            var c = Connection(channel)
            if let t = sendBacks[peerId] {
                c.sendBackCount = t.count
                c.sendBackMessageIds = t.recentIds
            }
            return c
        }.sorted { $0.clientId < $1.clientId }
        let body = ConsumerConnection(
            connectionSet: connections, subscriptionTable: info.subscriptions, consumeType: info.consumeType,
            messageModel: info.messageModel, consumeFromWhere: info.consumeFromWhere)
        return request.response().withJSONBody(body)
    }

    /// Apache 5.x's server-side reset (`AdminBrokerProcessor#resetOffsetInner`): one queue to an explicit
    /// offset, or each queue (all read queues when queueId < 0) to the first offset stored at or after
    /// `timestamp` (the max offset when it is −1). Answers the offsets set, as ResetOffsetBody.
    func handleResetOffset(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(ResetOffsetRequestHeader.self)
        guard config.brokerId == 0 else {
            return request.response(.systemError, remark: "Can not reset offset in slave broker")
        }
        guard let topicConfig = topics.topic(h.topic) else {
            return request.response(.topicNotExist, remark: "Topic \(h.topic) does not exist")
        }
        guard groups.group(h.group) != nil else {
            return request.response(.subscriptionGroupNotExist, remark: "Group \(h.group) does not exist")
        }
        var targets: [(queueId: Int32, offset: Int64)] = []
        if h.queueId >= 0 {
            guard h.queueId < topicConfig.readQueueNums else {
                return request.response(
                    .invalidParameter,
                    remark:
                        "queue \(h.queueId) does not exist; topic \(h.topic) has "
                        + "\(topicConfig.readQueueNums) read queues"
                )
            }
            if let offset = h.offset, offset != -1 {
                let (min, max) = (
                    store.minOffset(topic: h.topic, queueId: h.queueId),
                    store.maxOffset(topic: h.topic, queueId: h.queueId)
                )
                guard offset >= min, offset <= max else {
                    return request.response(
                        .invalidParameter, remark: "Target offset \(offset) not in consume queue range [\(min)-\(max)]")
                }
                targets.append((h.queueId, offset))
            } else {
                targets.append((h.queueId, offsetAt(topic: h.topic, queueId: h.queueId, timestamp: h.timestamp)))
            }
        } else {
            for q in 0..<topicConfig.readQueueNums {
                targets.append((q, offsetAt(topic: h.topic, queueId: q, timestamp: h.timestamp)))
            }
        }
        guard !targets.isEmpty else { return request.response(.systemError, remark: "No queues to reset.") }
        var body = ResetOffsetBody(offsetTable: MessageQueueMap())
        for t in targets {
            assignOffset(group: h.group, topic: h.topic, queueId: t.queueId, offset: t.offset)
            body.offsetTable.entries.append(
                (MessageQueue(topic: h.topic, brokerName: config.brokerName, queueId: t.queueId), t.offset))
        }
        offsetsAssigned(topic: h.topic, queueIds: Set(targets.map(\.queueId)))
        logger.info("offsets of \(h.group) on \(h.topic) reset: \(targets.map { "\($0.queueId)=\($0.offset)" })")
        return request.response().withJSONBody(body)
    }

    /// The first offset stored at or after `timestamp`; −1 means the max offset.
    func offsetAt(topic: String, queueId: Int32, timestamp: Int64) -> Int64 {
        if timestamp < 0 { return store.maxOffset(topic: topic, queueId: queueId) }
        return store.searchOffset(topic: topic, queueId: queueId, timestamp: timestamp, boundary: .lower)
    }

    /// CLONE_GROUP_OFFSET: copies the source group's committed offsets of a topic (or of all its
    /// topics) to the destination group, as admin assignments (online members are moved).
    func handleCloneGroupOffset(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(CloneGroupOffsetRequestHeader.self)
        if let why = SystemTopics.validate(group: h.destGroup) {
            return request.response(.invalidParameter, remark: why)
        }
        guard groups.findOrCreate(h.destGroup) != nil else {
            return request.response(.subscriptionGroupNotExist, remark: "Group \(h.destGroup) does not exist")
        }
        let source = offsets.offsets(group: h.srcGroup)
        let topicNames = h.topic.map { [$0] } ?? Array(source.keys)
        let online = consumers.group(h.srcGroup)
        for topic in topicNames.sorted() {
            guard topics.topic(topic) != nil, let queues = source[topic] else { continue }
            // Apache skips topics an online source group no longer subscribes to, unless "offline".
            if !h.offline, let online, !online.subscriptions.isEmpty, online.subscriptions[topic] == nil { continue }
            for (q, offset) in queues where offset >= 0 {
                assignOffset(group: h.destGroup, topic: topic, queueId: Int32(q), offset: offset)
            }
            offsetsAssigned(topic: topic, queueIds: Set(queues.keys.map { Int32($0) }))
        }
        return request.response()
    }
}

import MQProtocol
import MQRemoting

extension BrokerCore {
    /// GET_TOPIC_STATS_INFO (202): per-queue offsets and the topic's put TPS.
    func handleGetTopicStats(_ request: RemotingCommand) throws -> RemotingCommand {
        let topic = try request.decodeHeader(TopicHeader.self).topic
        guard let stats = topicStats(topic: topic) else {
            return request.response(.topicNotExist, remark: "topic[\(topic)] not exist")
        }
        return request.response().withJSONBody(stats)
    }

    /// QUERY_TOPIC_CONSUME_BY_WHO (300).
    func handleQueryTopicConsumeByWho(_ request: RemotingCommand) throws -> RemotingCommand {
        let topic = try request.decodeHeader(TopicHeader.self).topic
        return request.response().withJSONBody(GroupList(groupList: groupsConsuming(topic: topic)))
    }

    /// DELETE_TOPIC_IN_BROKER (215): the topic's config, queues and offsets.
    func handleDeleteTopic(_ request: RemotingCommand) throws -> RemotingCommand {
        let topic = try request.decodeHeader(TopicHeader.self).topic
        if topic.allSatisfy({ $0 == " " }) {
            return request.response(.invalidParameter, remark: "The specified topic is blank.")
        }
        if SystemTopics.isSystem(topic) {
            return request.response(.invalidParameter, remark: "The topic[\(topic)] is conflict with system topic.")
        }
        try topics.delete(topic)
        store.deleteTopic(topic)
        offsets.removeTopic(topic)
        return request.response()
    }

    /// GET_ALL_TOPIC_CONFIG (21), in Apache 5.x's wrapper (with empty static-topic mapping tables).
    func handleGetAllTopicConfig(_ request: RemotingCommand) throws -> RemotingCommand {
        var response = request.response()
        response.body = topics.answerBody()
        return response
    }

    /// GET_TOPIC_CONFIG (351).
    func handleGetTopicConfig(_ request: RemotingCommand) throws -> RemotingCommand {
        let topic = try request.decodeHeader(TopicHeader.self).topic
        guard let tc = topics.topic(topic) else {
            return request.response(.topicNotExist, remark: "No topic in this broker. topic: \(topic)")
        }
        return request.response().withJSONBody(tc)
    }

    /// GET_TOPIC_NAME_LIST (23).
    func handleGetTopicNameList(_ request: RemotingCommand) throws -> RemotingCommand {
        request.response().withJSONBody(TopicList(topicList: topics.all.keys.sorted()))
    }

    /// GET_SYSTEM_TOPIC_LIST_FROM_BROKER (305): system topics by name, and — as in Apache's list — the topics
    /// named after the cluster and the broker, the reply topic and the trace topic, so that tools leave them out
    /// of exported metadata.
    func handleGetSystemTopicList(_ request: RemotingCommand) throws -> RemotingCommand {
        let own: Set = [config.clusterName, config.brokerName, config.clusterName + "_REPLY_TOPIC", config.traceTopic]
        let names = topics.all.keys.filter { SystemTopics.isSystem($0) || own.contains($0) }.sorted()
        return request.response().withJSONBody(TopicList(topicList: names))
    }

    /// Apache's TopicStatsTable of a topic on this broker (wire.md §4.7): one entry per queue id
    /// `0 ..< max(read, write)`, offsets clamped at 0, the store time of each queue's last message
    /// (0 when empty or no longer readable) and the topic's put TPS over the last minute.
    /// Nil when the broker does not have the topic.
    public func topicStats(topic: String) -> TopicStatsTable? {
        guard let config = topics.topic(topic) else { return nil }
        var table = TopicStatsTable(offsetTable: MessageQueueMap())
        for q in 0..<config.queueCount {
            let minOffset = max(store.minOffset(topic: topic, queueId: q), 0)
            let maxOffset = max(store.maxOffset(topic: topic, queueId: q), 0)
            var last: Int64 = 0
            if maxOffset > 0, let t = store.storeTime(topic: topic, queueId: q, offset: maxOffset - 1) { last = t }
            let mq = MessageQueue(topic: topic, brokerName: self.config.brokerName, queueId: q)
            table.offsetTable.entries.append(
                (mq, TopicOffset(minOffset: minOffset, maxOffset: maxOffset, lastUpdateTimestamp: last)))
        }
        table.topicPutTps = stats.putTps(topic: topic)
        return table
    }

    /// Groups consuming a topic here: online groups subscribing to it, and groups with stored offsets
    /// for it (Apache's queryTopicConsumeByWho), sorted.
    public func groupsConsuming(topic: String) -> [String] {
        Set(consumers.groups(subscribing: topic)).union(offsets.groups(topic: topic)).sorted()
    }

    /// UPDATE_AND_CREATE_TOPIC (17) as Apache's broker serves it: name and system-topic checks,
    /// positive queue counts, a valid permission, attributes applied by Apache's rules (creation only
    /// adds; known keys and values only; MIXED refused), and no change when the config is identical.
    /// Answered once the name servers have the change, as Apache's broker registers before it answers: a route
    /// lookup right after `topic create` finds the topic.
    func handleUpdateAndCreateTopic(_ request: RemotingCommand, peer: any RemotingPeer) throws -> ProcessResult {
        let response = try createOrUpdateTopic(request)
        guard response.code == ResponseCode.success.rawValue else { return .response(response) }
        return answerAfterRegistration(response, peer: peer)
    }

    /// UPDATE_AND_CREATE_TOPIC's checks and change, without the wait for the name servers.
    func createOrUpdateTopic(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(CreateTopicRequestHeader.self)
        switch checkedTopicChange(h.topicConfig, modification: TopicAttributes.parse(h.attributes ?? "")) {
        case .refused(let remark): return request.response(.invalidParameter, remark: remark)
        case .accepted(let config): try topics.update(config)
        }
        return request.response()
    }

    /// `response`, written once a registration round that started now has ended (at once without name servers).
    func answerAfterRegistration(_ response: RemotingCommand, peer: any RemotingPeer) -> ProcessResult {
        guard let registered = registration.withLockedValue({ $0 }) else { return .response(response) }
        let promise = peer.eventLoop.makePromise(of: RemotingCommand?.self)
        promise.completeWithTask {
            await registered()
            return response
        }
        return .deferred(promise.futureResult)
    }

    /// A requested topic config checked as UPDATE_AND_CREATE_TOPIC checks it, with its attributes applied to
    /// the topic's current ones: the config to store, or why it is refused (INVALID_PARAMETER's remark).
    func checkedTopicChange(
        _ requested: TopicConfig, modification parsed: Result<[String: String], TopicAttributes.AttributeError>
    ) -> TopicCheck {
        let topic = requested.topicName
        if let why = SystemTopics.validate(topic: topic) { return .refused(why) }
        if SystemTopics.isSystem(topic) {
            return .refused("The topic[\(topic)] is conflict with system topic.")
        }
        guard requested.readQueueNums > 0, requested.writeQueueNums > 0 else {
            return .refused("queue numbers must be positive")
        }
        guard PermName.isValid(requested.perm) else {
            return .refused("invalid permission \(requested.perm); use 2 (W), 4 (R) or 6 (RW)")
        }
        let modification: [String: String]
        switch parsed {
        case .failure(let error): return .refused(error.description)
        case .success(let m): modification = m
        }
        if modification["+message.type"] == "MIXED" {
            return .refused("MIXED message type is not supported.")
        }
        let existing = topics.topic(topic)
        var config = requested
        switch TopicAttributes.apply(modification, to: existing?.attributes ?? [:], creating: existing == nil) {
        case .failure(let error): return .refused(error.description)
        case .success(let attributes): config.attributes = attributes
        }
        return .accepted(config)
    }
}

/// A requested topic change as the broker checked it: the config to store, or the remark of its
/// INVALID_PARAMETER answer.
enum TopicCheck {
    case accepted(TopicConfig)
    case refused(String)
}

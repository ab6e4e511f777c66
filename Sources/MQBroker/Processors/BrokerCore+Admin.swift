import MQProtocol
import MQRemoting
import NIOCore

extension BrokerCore {
    /// Admin request codes (wire.md §3.3, §3.4).
    func handleAdmin(_ request: RemotingCommand, peer: any RemotingPeer) throws -> RemotingCommand {
        switch request.requestCode {
        case .updateAndCreateTopic:
            return try handleUpdateAndCreateTopic(request)

        case .deleteTopicInBroker:
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

        case .updateAndCreateSubscriptionGroup:
            let g = try request.decodeBody(SubscriptionGroupConfig.self)
            if let why = SystemTopics.validate(group: g.groupName) { return request.response(.invalidParameter, remark: why) }
            try groups.update(g)
            return request.response()

        case .deleteSubscriptionGroup:
            let h = try request.decodeHeader(DeleteSubscriptionGroupRequestHeader.self)
            try groups.delete(h.groupName)
            if h.cleanOffset { offsets.removeGroup(h.groupName) }
            return request.response()

        case .getAllTopicConfig:
            var wrapper = topics.snapshot
            wrapper.mappingDataVersion = DataVersion()
            wrapper.topicQueueMappingDetailMap = .object([])
            wrapper.topicQueueMappingInfoMap = .object([])
            var response = request.response().withJSONBody(wrapper)
            response.extFields["totalTopicNum"] = String(wrapper.topicConfigTable.count)
            return response

        case .getTopicConfig:
            let topic = try request.decodeHeader(TopicHeader.self).topic
            guard let tc = topics.topic(topic) else {
                return request.response(.topicNotExist, remark: "No topic in this broker. topic: \(topic)")
            }
            return request.response().withJSONBody(tc)

        case .getAllSubscriptionGroupConfig:
            let wrapper = groups.snapshot
            var response = request.response().withJSONBody(wrapper)
            response.extFields["totalGroupNum"] = String(wrapper.subscriptionGroupTable.count)
            return response

        case .getSubscriptionGroupConfig:
            let name = try request.decodeHeader(GroupHeader.self).group
            guard let g = groups.group(name) else {
                return request.response(.subscriptionGroupNotExist, remark: "No group in this broker. group: \(name)")
            }
            return request.response().withJSONBody(g)

        case .getAllConsumerOffset:
            return request.response().withJSONBody(offsets.snapshot)

        case .getBrokerRuntimeInfo:
            return request.response().withJSONBody(KVTable(table: clusterRuntimeInfo()))

        case .getTopicNameList:
            return request.response().withJSONBody(TopicList(topicList: topics.all.keys.sorted()))

        case .getSystemTopicListFromBroker:
            let names = topics.all.keys.filter(SystemTopics.isSystem).sorted()
            return request.response().withJSONBody(TopicList(topicList: names))

        default:
            // Each admin area answers its own codes (topics/cluster, groups/offsets, messages/backlog).
            if let r = try handleSharedAdmin(request) ?? handleTopicAdmin(request, peer: peer)
                ?? handleGroupAdmin(request, peer: peer)
                ?? handleMessageAdmin(request, peer: peer)
            {
                return r
            }
            return request.response(.requestCodeNotSupported, remark: " request type \(request.code) not supported")
        }
    }

    func runtimeInfo() -> [String: String] {
        [
            "brokerVersionDesc": MQVersion.describe(MQVersion.current),
            "brokerActive": "true",
            "bootTimestamp": String(bootTimestamp),
            "runtime": "[ \((nowMillis() - bootTimestamp) / 1000) seconds ]",
            "msgPutTotalTodayNow": String(stats.putMessages),
            "msgGetTotalTodayNow": String(stats.getMessages),
            "msgPutTotalTodayMorning": "0",
            "msgGetTotalTodayMorning": "0",
            "msgPutTotalYesterdayMorning": "0",
            "msgGetTotalYesterdayMorning": "0",
            "putMessageFailedTimes": String(stats.putFailures),
            "putMessageSizeTotal": String(stats.putBytes),
            "commitLogMinOffset": String(store.commitLogMinOffset),
            "commitLogMaxOffset": String(store.commitLogMaxOffset),
            "earliestMessageTimeStamp": "0",
            "dispatchBehindBytes": "0",
            "pageCacheLockTimeMills": "0",
            "flushDiskType": config.store.flushMode == .sync ? "SYNC_FLUSH" : "ASYNC_FLUSH",
        ]
    }
}

import MQProtocol
import MQRemoting
import NIOCore

extension NameServerProcessor {
    /// GET_ROUTEINFO_BY_TOPIC (105).
    func handleGetRoute(_ request: RemotingCommand) throws -> RemotingCommand {
        let topic = try request.decodeHeader(TopicHeader.self).topic
        guard var route = routes.route(topic: topic) else {
            return request.response(
                .topicNotExist, remark: "No topic route info in name server for the topic: \(topic)")
        }
        if settings.withLockedValue({ $0.orderMessageEnable }) {
            route.orderTopicConf = kv.withLockedValue { $0[Self.orderTopicNamespace]?[topic] }
        }
        // Apache answers standard JSON to clients from V4_9_4 on, fastjson's form to older ones.
        let standard = request.version >= MQVersion.v4_9_4 || request.extFields["acceptStandardJsonOnly"] == "true"
        return request.response().withJSONBody(route, style: standard ? .standard : .fastjson)
    }

    /// REGISTER_BROKER (103): the broker, its address and its topics.
    func handleRegisterBroker(_ request: RemotingCommand, peer: any RemotingPeer) throws -> RemotingCommand {
        let h = try request.decodeHeader(RegisterBrokerRequestHeader.self)
        var topics: TopicConfigSerializeWrapper?
        if let body = request.body, body.readableBytes > 0 {
            if h.compressed {
                return request.response(.systemError, remark: "compressed REGISTER_BROKER bodies are not supported")
            }
            topics = try request.decodeBody(RegisterBrokerBody.self).topicConfigSerializeWrapper
        }
        let registered = routes.register(
            cluster: h.clusterName, brokerName: h.brokerName, brokerAddr: h.brokerAddr, brokerId: h.brokerId,
            topics: topics, peerId: peer.id, now: nowMillis(),
            dropMissingTopics: settings.withLockedValue { $0.deleteTopicWithBrokerRegistration })
        guard registered else { return request.response(.systemError, remark: "register broker failed") }
        return request.response(header: RegisterBrokerResponseHeader())
    }

    /// UNREGISTER_BROKER (104).
    func handleUnregisterBroker(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(RegisterBrokerRequestHeader.self)
        routes.unregister(
            brokerName: h.brokerName, brokerAddr: h.brokerAddr, cluster: h.clusterName, brokerId: h.brokerId)
        return request.response()
    }

    /// QUERY_DATA_VERSION (322): whether the broker's topics changed since it last registered; refreshes it.
    func handleQueryDataVersion(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(RegisterBrokerRequestHeader.self)
        let theirs = try? request.decodeBody(DataVersion.self)
        let ours = routes.dataVersion(brokerAddr: h.brokerAddr)
        routes.touch(brokerAddr: h.brokerAddr, now: nowMillis())
        var response = request.response()
        response.extFields["changed"] = String(ours == nil || ours != theirs)
        return response
    }

    /// GET_BROKER_CLUSTER_INFO (106).
    func handleGetClusterInfo(_ request: RemotingCommand) throws -> RemotingCommand {
        request.response().withJSONBody(routes.clusterInfo)
    }

    /// GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206), unless `enableAllTopicList` is off.
    func handleGetAllTopics(_ request: RemotingCommand) throws -> RemotingCommand {
        guard settings.withLockedValue({ $0.enableAllTopicList }) else {
            return request.response(.systemError, remark: "disable")
        }
        return request.response().withJSONBody(TopicList(topicList: routes.allTopics))
    }

    /// GET_TOPICS_BY_CLUSTER (224), unless `enableTopicList` is off.
    func handleGetTopicsByCluster(_ request: RemotingCommand) throws -> RemotingCommand {
        guard settings.withLockedValue({ $0.enableTopicList }) else {
            return request.response(.systemError, remark: "disable")
        }
        let cluster = try request.decodeHeader(ClusterHeader.self).cluster
        return request.response().withJSONBody(TopicList(topicList: routes.topics(cluster: cluster)))
    }

    /// GET_SYSTEM_TOPIC_LIST_FROM_NS (304): system topics plus every cluster and broker name (as Apache).
    func handleGetSystemTopics(_ request: RemotingCommand) throws -> RemotingCommand {
        var topics = Set(routes.allTopics.filter(SystemTopics.isSystem))
        for (cluster, brokers) in routes.clusterInfo.clusterAddrTable {
            topics.insert(cluster)
            topics.formUnion(brokers)
        }
        return request.response().withJSONBody(TopicList(topicList: topics.sorted()))
    }

    /// DELETE_TOPIC_IN_NAMESRV (216).
    func handleDeleteTopic(_ request: RemotingCommand) throws -> RemotingCommand {
        let h = try request.decodeHeader(DeleteTopicFromNamesrvRequestHeader.self)
        routes.deleteTopic(h.topic, cluster: h.clusterName)
        return request.response()
    }

    /// WIPE_WRITE_PERM_OF_BROKER (205) and ADD_WRITE_PERM_OF_BROKER (327): answers the topics changed.
    func handleSetWritePermission(_ request: RemotingCommand) throws -> RemotingCommand {
        guard let name = request.extFields["brokerName"] else { throw ProtocolError.missingField("brokerName") }
        let writable = request.requestCode == .addWritePermOfBroker
        let count = routes.setWritePermission(brokerName: name, writable: writable)
        var response = request.response()
        response.extFields[writable ? "addTopicCount" : "wipeTopicCount"] = String(count)
        return response
    }

    /// The KV namespace of order-topic configurations routes carry when `orderMessageEnable` is on.
    static let orderTopicNamespace = "ORDER_TOPIC_CONFIG"

    /// GET_NAMESRV_CONFIG (319): the settings as properties text.
    func handleGetConfig(_ request: RemotingCommand) throws -> RemotingCommand {
        let text = JavaProperties.render(settings.withLockedValue { $0.properties })
        return request.response(body: ByteBuffer(string: text))
    }

    /// UPDATE_NAMESRV_CONFIG (318): settings that can change while running, all or nothing; black-listed keys
    /// are refused as Apache refuses them, other refusals name the key and what to do.
    func handleUpdateConfig(_ request: RemotingCommand) throws -> RemotingCommand {
        guard let body = request.body, body.readableBytes > 0 else { return request.response() }
        let changes = JavaProperties.parse(String(decoding: request.bodyBytes, as: UTF8.self))
        let outcome = settings.withLockedValue { current -> Result<NameServerSettings, NameServerSettings.Refusal> in
            let next = current.applying(changes)
            if case .success(let applied) = next { current = applied }
            return next
        }
        switch outcome {
        case .success:
            logger.info("name server settings updated: \(changes.keys.sorted().joined(separator: ", "))")
            return request.response()
        case .failure(let refusal):
            return request.response(refusal.code, remark: refusal.remark)
        }
    }
}

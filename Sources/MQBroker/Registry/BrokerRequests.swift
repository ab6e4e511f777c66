import MQProtocol
import MQRemoting

/// The broker's request codes: the one place that says which codes the broker serves, who may send
/// each, and where its handler runs. `BrokerCore.process` dispatches through it, `BrokerAuth` derives
/// authorization from it, and docs/request-codes.md is generated from it (a test keeps them in sync).
///
/// Adding a code: a row here (code, kind, access rule, thread, handler), the handler in the
/// `BrokerCore+<Area>.swift` file of its area, and its tests.
public enum BrokerRequests {
    typealias Route = RequestRoute<BrokerCore>

    public static let table = RequestTable<BrokerCore>(clientRoutes + consumerRoutes + adminRoutes + aclRoutes)

    // MARK: Producers

    static let clientRoutes: [Route] = [
        .process(.sendMessage, .client, sendAccess, on: .sendThread) { $0.handleSend($1, peer: $2) },
        .process(.sendMessageV2, .client, sendAccess, on: .sendThread) { $0.handleSend($1, peer: $2) },
        .process(.sendBatchMessage, .client, sendAccess, on: .sendThread) { $0.handleSend($1, peer: $2) },
        .process(.recallMessage, .client, .topic("topic", [.pub]), on: .sendThread) { $0.handleRecall($1, peer: $2) },
        .answer(.heartBeat, .client, heartbeatAccess) { try $0.handleHeartbeat($1, peer: $2) },
        .answer(.unregisterClient, .client, .group("consumerGroup", [.sub], missing: .allow)) {
            try $0.handleUnregister($1, peer: $2)
        },
        // Appends (the committed message, the op record) in order with the sends, as the half messages were.
        .process(.endTransaction, .client, .topic("topic", [.pub], missing: .allow), on: .sendThread) {
            try $0.handleEndTransaction($1, peer: $2)
        },
        .answer(
            .checkClientConfig, .client,
            .authenticated(why: "it only parses an expression and no header names a resource; Apache checks nothing")
        ) { try $0.handleCheckClientConfig($1) },
    ]

    // MARK: Consumers

    static let consumerRoutes: [Route] = [
        .process(.pullMessage, .client, pullAccess) { $0.handlePull($1, peer: $2, allowSuspend: true) },
        .process(.litePullMessage, .client, pullAccess) { $0.handlePull($1, peer: $2, allowSuspend: true) },
        .answer(.getConsumerListByGroup, .client, .group("consumerGroup", [.sub, .get])) {
            try $0.handleConsumerList($1)
        },
        .answer(.queryConsumerOffset, .client, offsetAccess([.sub, .get])) { try $0.handleQueryConsumerOffset($1) },
        .process(.updateConsumerOffset, .client, offsetAccess([.sub, .update])) { core, request, peer in
            core.afterOffsetCommit(request, try core.handleUpdateConsumerOffset(request), peer: peer)
        },
        .answer(.consumerSendMsgBack, .client, .group("group", [.sub]), on: .sendThread) {
            try $0.handleSendBack($1, peer: $2)
        },
        .answer(.lockBatchMQ, .client, lockAccess) { try $0.handleLock($1) },
        .answer(.unlockBatchMQ, .client, lockAccess) { try $0.handleLock($1) },
        .answer(.getMaxOffset, .client, .topic("topic", [.get])) { try $0.handleGetMaxOffset($1) },
        .answer(.getMinOffset, .client, .topic("topic", [.get])) { try $0.handleGetMinOffset($1) },
        .answer(.getEarliestMsgStoreTime, .client, .topic("topic", [.get])) { try $0.handleGetEarliestStoreTime($1) },
        .answer(.searchOffsetByTimestamp, .client, .topic("topic", [.get])) { try $0.handleSearchOffset($1) },
        // POP (non-orderly): every change of the in-flight table on the one pop thread (BrokerCore+Pop*.swift).
        .process(.popMessage, .client, pullAccess, on: .popThread) { $0.handlePop($1, peer: $2) },
        .answer(.ackMessage, .client, pullAccess, on: .popThread) { try $0.handleAck($1) },
        .answer(.batchAckMessage, .client, batchAckAccess, on: .popThread) { try $0.handleBatchAck($1) },
        .answer(.changeMessageInvisibleTime, .client, pullAccess, on: .popThread) {
            try $0.handleChangeInvisibleTime($1)
        },
        .process(.notification, .client, pullAccess) { try $0.handleNotification($1, peer: $2) },
        .answer(.pollingInfo, .client, pullAccess) { try $0.handlePollingInfo($1) },
        .answer(.queryAssignment, .client, assignmentAccess) { try $0.handleQueryAssignment($1) },
    ]

    // MARK: Admin

    static let adminRoutes: [Route] = [
        // Topics.
        .process(.updateAndCreateTopic, .admin, .topic("topic", [.create]), on: .adminThread) {
            try $0.handleUpdateAndCreateTopic($1, peer: $2)
        },
        .answer(.deleteTopicInBroker, .admin, .topic("topic", [.delete]), on: .adminThread) {
            try $0.handleDeleteTopic($1)
        },
        // Batches (Apache 5.x): every item checked first, then all stored (BrokerCore+MetadataLists.swift).
        .process(.updateAndCreateTopicList, .admin, topicListAccess, on: .adminThread) {
            try $0.handleUpdateAndCreateTopicList($1, peer: $2)
        },
        .answer(.updateAndCreateSubscriptionGroupList, .admin, groupListAccess, on: .adminThread) {
            try $0.handleUpdateAndCreateGroupList($1)
        },
        .answer(.getAllTopicConfig, .admin, .every(.topic, .list)) { try $0.handleGetAllTopicConfig($1) },
        .answer(.getTopicConfig, .admin, .topic("topic", [.get])) { try $0.handleGetTopicConfig($1) },
        .answer(.getTopicNameList, .admin, .every(.topic, .list)) { try $0.handleGetTopicNameList($1) },
        .answer(.getSystemTopicListFromBroker, .admin, .every(.topic, .list)) { try $0.handleGetSystemTopicList($1) },
        .answer(.getTopicStatsInfo, .admin, .topic("topic", [.get])) { try $0.handleGetTopicStats($1) },
        .answer(.queryTopicConsumeByWho, .admin, .topic("topic", [.get])) { try $0.handleQueryTopicConsumeByWho($1) },
        // Groups and offsets.
        .answer(.updateAndCreateSubscriptionGroup, .admin, groupBodyAccess, on: .adminThread) {
            try $0.handleUpdateGroup($1)
        },
        .answer(.deleteSubscriptionGroup, .admin, .group("groupName", [.delete]), on: .adminThread) {
            try $0.handleDeleteGroup($1)
        },
        .answer(.getAllSubscriptionGroupConfig, .admin, .every(.group, .list)) { try $0.handleGetAllGroupConfig($1) },
        .answer(.getSubscriptionGroupConfig, .admin, .group("group", [.get])) { try $0.handleGetGroupConfig($1) },
        // Request modes (BrokerCore+RequestMode.swift); written before the answer, on the admin thread.
        .answer(.setMessageRequestMode, .admin, requestModeAccess, on: .adminThread) {
            try $0.handleSetMessageRequestMode($1)
        },
        .answer(.getAllMessageRequestMode, .admin, .every(.group, .list)) {
            try $0.handleGetAllMessageRequestMode($1)
        },
        .answer(.getAllConsumerOffset, .admin, .every(.group, .list)) { try $0.handleGetAllConsumerOffset($1) },
        .answer(.getConsumeStats, .admin, consumeStatsAccess) { try $0.handleGetConsumeStats($1) },
        .answer(.getConsumerConnectionList, .admin, .group("consumerGroup", [.get])) {
            try $0.handleGetConsumerConnections($1)
        },
        .answer(.invokeBrokerToResetOffset, .admin, resetAccess("group"), on: .adminThread) {
            try $0.handleResetOffset($1)
        },
        .answer(.cloneGroupOffset, .admin, resetAccess("destGroup"), on: .adminThread) {
            try $0.handleCloneGroupOffset($1)
        },
        // Messages and backlog.
        .answer(.queryMessage, .admin, .topic("topic", [.sub, .get], retry: .asTopic)) {
            try $0.handleQueryMessage($1)
        },
        .answer(.viewMessageById, .admin, .topic("topic", [.get], missing: .checkEvery)) {
            try $0.handleViewMessage($1)
        },
        .answer(.getBrokerConsumeStats, .admin, .cluster(.get)) { try $0.handleGetBrokerConsumeStats($1) },
        .answer(.queryConsumeQueue, .admin, .all([.topic("topic", [.get]), .group("consumerGroup", [.get], missing: .allow)]))
        {
            try $0.handleQueryConsumeQueue($1)
        },
        .answer(.queryConsumeTimeSpan, .admin, .all([.topic("topic", [.get]), .group("group", [.get])])) {
            try $0.handleQueryConsumeTimeSpan($1)
        },
        // The broker itself.
        .answer(.getBrokerRuntimeInfo, .admin, .cluster(.get)) { try $0.handleGetRuntimeInfo($1) },
        .answer(.getBrokerConfig, .admin, .cluster(.get)) { try $0.handleGetBrokerConfig($1) },
        .process(.updateBrokerConfig, .admin, .cluster(.update), on: .adminThread) {
            $0.handleUpdateBrokerConfig($1, peer: $2)
        },
        .answer(.getProducerConnectionList, .admin, .cluster(.get)) { try $0.handleGetProducerConnections($1) },
        // Answered by one client over its own connection (BrokerCore+ClientCalls.swift).
        .process(.getConsumerRunningInfo, .admin, .group("consumerGroup", [.get])) { core, request, _ in
            try core.handleGetConsumerRunningInfo(request)
        },
        .process(
            .consumeMessageDirectly, .admin,
            .all([.group("consumerGroup", [.sub]), .topic("topic", [.sub], missing: .allow)])
        ) { core, request, _ in try core.handleConsumeMessageDirectly(request) },
        .answer(.getAllProducerInfo, .admin, .cluster(.get)) { try $0.handleGetAllProducerInfo($1) },
        .answer(.viewBrokerStatsData, .admin, .cluster(.get)) { try $0.handleViewBrokerStatsData($1) },
        // Clean-up now instead of at the next retention run: file deletions, on the admin thread.
        .answer(.deleteExpiredCommitLog, .admin, .cluster(.update), on: .adminThread) {
            try $0.handleDeleteExpiredCommitLog($1)
        },
        .answer(.cleanExpiredConsumeQueue, .admin, .cluster(.update), on: .adminThread) {
            try $0.handleCleanExpiredConsumeQueue($1)
        },
        .answer(.cleanUnusedTopic, .admin, .cluster(.update), on: .adminThread) { try $0.handleCleanUnusedTopic($1) },
        // mqadmin's own (29000–29999).
        .answer(.mqadminTimerList, .admin, .topic("topic", [.get], missing: .checkEvery)) {
            try $0.handleTimerList($1)
        },
    ]

    // MARK: ACL 2.0 (3001–3010)

    static let aclRoutes: [Route] = [
        (RequestCode.authCreateUser, AuthAction.update), (.authUpdateUser, .update), (.authDeleteUser, .update),
        (.authGetUser, .get), (.authListUser, .get), (.authCreateAcl, .update), (.authUpdateAcl, .update),
        (.authDeleteAcl, .update), (.authGetAcl, .get), (.authListAcl, .get),
    ].map { code, action in
        .answer(code, .admin, .cluster(action), on: action == .get ? .eventLoop : .adminThread) { core, request, _ in
            AuthAdmin(store: core.auth.store, logger: core.logger).handle(request)
        }
    }
}

// MARK: Access rules read from bodies, and the shared shapes

extension BrokerRequests {
    /// Pub on the topic; a retry-topic send (a consumer's send-back as SEND_MESSAGE) needs Sub on its group.
    static let sendAccess = RequestAccess.derived(summary: "Pub on Topic:{topic}; a retry topic: Sub on its Group") {
        request in
        let f = request.extFields
        let v1 = request.requestCode == .sendMessage
        let topic = f[v1 ? "topic" : "b"] ?? ""
        if topic.hasPrefix(SystemTopics.retryPrefix) {
            let group = f[v1 ? "group" : "a"].flatMap { $0.isEmpty ? nil : $0 } ?? topic
            return [AuthorizationCheck(.group(group), [.sub])]
        }
        return [AuthorizationCheck(.topic(topic), [.pub])]
    }

    /// Sub on every consumer group and each topic it subscribes to; a producer-only heartbeat needs nothing.
    static let heartbeatAccess = RequestAccess.derived(
        summary: "Sub on each consumer Group of the body and each Topic it subscribes to (producers: nothing)"
    ) { request in
        guard let data = try? request.decodeBody(HeartbeatData.self) else { throw RequestAccess.Unparsable() }
        return data.consumerDataSet.flatMap { consumer in
            [AuthorizationCheck(.group(consumer.groupName), [.sub])]
                + consumer.subscriptionDataSet.compactMap { subscribedTopic($0.topic) }
        }
    }

    static let lockAccess = RequestAccess.derived(summary: "Sub on the body's Group and on each of its Topics") {
        request in
        guard let body = try? request.decodeBody(LockBatchRequestBody.self) else { throw RequestAccess.Unparsable() }
        let topics = body.mqSet.compactMap { subscribedTopic($0.topic) }
        return [AuthorizationCheck(.group(body.consumerGroup), [.sub])] + topics
    }

    static let groupBodyAccess = RequestAccess.derived(summary: "Create on the body's Group") { request in
        guard let body = try? request.decodeBody(SubscriptionGroupConfig.self) else {
            throw RequestAccess.Unparsable()
        }
        return [AuthorizationCheck(.group(body.groupName), [.create])]
    }

    /// Apache's header names no resource (so it checks nothing); here each topic of the body needs Create.
    static let assignmentAccess = RequestAccess.derived(summary: "Sub on the body's Group and Topic") { request in
        guard let body = try? request.decodeBody(QueryAssignmentRequestBody.self) else {
            throw RequestAccess.Unparsable()
        }
        let topic = subscribedTopic(body.topic).map { [$0] } ?? []
        return [AuthorizationCheck(.group(body.consumerGroup), [.sub])] + topic
    }

    static let requestModeAccess = RequestAccess.derived(summary: "Update on the body's Group") { request in
        guard let body = try? request.decodeBody(SetMessageRequestModeBody.self) else {
            throw RequestAccess.Unparsable()
        }
        return [AuthorizationCheck(.group(body.consumerGroup), [.update])]
    }

    static let topicListAccess = RequestAccess.derived(summary: "Create on each Topic of the body's list") {
        request in
        guard let body = try? request.decodeBody(CreateTopicListRequestBody.self) else {
            throw RequestAccess.Unparsable()
        }
        return body.topicConfigList.map { AuthorizationCheck(.topic($0.topicName), [.create]) }
    }

    /// As `topicListAccess`: Create on each group of the body.
    static let groupListAccess = RequestAccess.derived(summary: "Create on each Group of the body's list") {
        request in
        guard let body = try? request.decodeBody(SubscriptionGroupList.self) else { throw RequestAccess.Unparsable() }
        return body.groupConfigList.map { AuthorizationCheck(.group($0.groupName), [.create]) }
    }

    static let pullAccess = RequestAccess.all([
        .topic("topic", [.sub], retry: .skip), .group("consumerGroup", [.sub]),
    ])

    /// Sub on each ack's group and (non-retry) topic; Apache's header names nothing.
    static let batchAckAccess = RequestAccess.derived(summary: "Sub on each ack's Group and Topic") { request in
        guard let body = try? request.decodeBody(BatchAckMessageRequestBody.self) else {
            throw RequestAccess.Unparsable()
        }
        return body.acks.flatMap { ack in
            [AuthorizationCheck(.group(ack.consumerGroup), [.sub])] + [subscribedTopic(ack.topic)].compactMap { $0 }
        }
    }

    static func offsetAccess(_ actions: [AuthAction]) -> RequestAccess {
        .all([.topic("topic", actions, retry: .skip), .group("consumerGroup", actions)])
    }

    static let consumeStatsAccess = RequestAccess.all([
        .group("consumerGroup", [.get]), .topic("topic", [.get], missing: .allow), .topicList("topicList", [.get]),
    ])

    static func resetAccess(_ groupField: String) -> RequestAccess {
        .all([.group(groupField, [.update]), .topic("topic", [.update], missing: .checkEvery)])
    }

    /// A subscribed topic's check; retry topics are covered by the group's.
    private static func subscribedTopic(_ topic: String) -> AuthorizationCheck? {
        guard !topic.isEmpty, !topic.hasPrefix(SystemTopics.retryPrefix) else { return nil }
        return AuthorizationCheck(.topic(topic), [.sub])
    }
}

/// One thing a request must be allowed to do: any one of `actions` on `resource`.
public struct AuthorizationCheck: Sendable, Hashable, CustomStringConvertible {
    public var resource: Resource
    public var actions: [AuthAction]

    public init(_ resource: Resource, _ actions: [AuthAction]) {
        self.resource = resource
        self.actions = actions
    }

    public var description: String { "\(actions.map(\.rawValue).joined(separator: "|")) on \(resource.key)" }
}

/// The checks each request code needs, as Apache's `DefaultAuthorizationContextBuilder` derives them (its
/// hard-coded producer/consumer codes and the `@RocketMQAction`/`@RocketMQResource` annotations of the request
/// headers). Where Apache derives nothing for an admin code the broker serves (list-all reads, broker config
/// and runtime info, subscription-group writes), mqadmin requires the evident action on `Type:*` or
/// `Cluster:NAME` instead of letting any authenticated user through (docs/acl.md lists every code).
/// Codes not listed need authentication only, as in Apache.
public enum RequestAuthorization {
    public struct Unparsable: Error, CustomStringConvertible {
        public var description: String { "parse authorization context error." }
    }

    public static func checks(for request: RemotingCommand, cluster: String) throws -> [AuthorizationCheck] {
        let f = request.extFields
        func topicOrRetryGroup(_ name: String?, _ actions: [AuthAction]) -> [AuthorizationCheck] {
            guard let name, !name.isEmpty else { return [] }
            if name.hasPrefix(SystemTopics.retryPrefix) { return [AuthorizationCheck(.group(name), actions)] }
            return [AuthorizationCheck(.topic(name), actions)]
        }
        func topic(_ name: String?, _ actions: [AuthAction]) -> [AuthorizationCheck] {
            guard let name, !name.isEmpty, !name.hasPrefix(SystemTopics.retryPrefix) else { return [] }
            return [AuthorizationCheck(.topic(name), actions)]
        }
        func group(_ name: String?, _ actions: [AuthAction]) -> [AuthorizationCheck] {
            guard let name, !name.isEmpty else { return [] }
            return [AuthorizationCheck(.group(name), actions)]
        }
        let clusterCheck = { (a: AuthAction) in [AuthorizationCheck(.cluster(cluster), [a])] }
        switch request.requestCode {
        // Producers and consumers (Apache's hard-coded mappings).
        case .getRouteInfoByTopic:
            guard let t = f["topic"] else { return [] }
            if t.hasPrefix(SystemTopics.retryPrefix) { return [AuthorizationCheck(.group(t), [.sub, .get])] }
            return [AuthorizationCheck(.topic(t), [.pub, .sub, .get])]
        case .sendMessage, .sendMessageV2, .sendBatchMessage:
            let v1 = request.requestCode == .sendMessage
            let t = f[v1 ? "topic" : "b"] ?? ""
            if t.hasPrefix(SystemTopics.retryPrefix) {
                let g = f[v1 ? "group" : "a"].flatMap { $0.isEmpty ? nil : $0 } ?? t
                return [AuthorizationCheck(.group(g), [.sub])]
            }
            return [AuthorizationCheck(.topic(t), [.pub])]
        case .endTransaction: return topic(f["topic"], [.pub])
        case .consumerSendMsgBack: return [AuthorizationCheck(.group(f["group"] ?? ""), [.sub])]
        case .pullMessage, .litePullMessage:
            return topic(f["topic"], [.sub]) + [AuthorizationCheck(.group(f["consumerGroup"] ?? ""), [.sub])]
        case .queryMessage: return [AuthorizationCheck(.topic(f["topic"] ?? ""), [.sub, .get])]
        case .heartBeat:
            guard let data = try? request.decodeBody(HeartbeatData.self) else { throw Unparsable() }
            return data.consumerDataSet.flatMap { c in
                [AuthorizationCheck(.group(c.groupName), [.sub])]
                    + c.subscriptionDataSet.flatMap { topic($0.topic, [.sub]) }
            }
        case .unregisterClient: return group(f["consumerGroup"], [.sub])
        case .getConsumerListByGroup: return [AuthorizationCheck(.group(f["consumerGroup"] ?? ""), [.sub, .get])]
        case .queryConsumerOffset:
            return topic(f["topic"], [.sub, .get]) + [AuthorizationCheck(.group(f["consumerGroup"] ?? ""), [.sub, .get])]
        case .updateConsumerOffset:
            return topic(f["topic"], [.sub, .update])
                + [AuthorizationCheck(.group(f["consumerGroup"] ?? ""), [.sub, .update])]
        case .lockBatchMQ, .unlockBatchMQ:
            guard let body = try? request.decodeBody(LockBatchRequestBody.self) else { throw Unparsable() }
            return [AuthorizationCheck(.group(body.consumerGroup), [.sub])]
                + body.mqSet.flatMap { topic($0.topic, [.sub]) }

        // Annotated request headers.
        case .getMaxOffset, .getMinOffset, .getEarliestMsgStoreTime, .searchOffsetByTimestamp, .viewMessageById,
            .getTopicStatsInfo, .queryTopicConsumeByWho, .getTopicConfig:
            return topicOrRetryGroup(f["topic"], [.get])
        case .updateAndCreateTopic: return topicOrRetryGroup(f["topic"], [.create])
        case .deleteTopicInBroker: return topicOrRetryGroup(f["topic"], [.delete])
        case .deleteSubscriptionGroup: return group(f["groupName"], [.delete])
        case .getSubscriptionGroupConfig: return group(f["group"], [.get])
        case .getConsumerConnectionList, .queryTopicsByConsumer: return group(f["consumerGroup"], [.get])
        case .getConsumeStats:
            let listed = (f["topicList"] ?? "").split(separator: ";").flatMap { topicOrRetryGroup(String($0), [.get]) }
            return group(f["consumerGroup"], [.get]) + topicOrRetryGroup(f["topic"], [.get]) + listed
        case .queryConsumeTimeSpan: return topicOrRetryGroup(f["topic"], [.get]) + group(f["group"], [.get])
        case .invokeBrokerToResetOffset: return group(f["group"], [.update]) + topicOrRetryGroup(f["topic"], [.update])
        case .cloneGroupOffset: return group(f["destGroup"], [.update]) + topicOrRetryGroup(f["topic"], [.update])
        case .getProducerConnectionList, .getBrokerConsumeStats, .viewBrokerStatsData, .getKVConfig,
            .getKVListByNamespace, .queryDataVersion:
            return clusterCheck(.get)
        case .putKVConfig, .deleteKVConfig, .registerBroker, .unregisterBroker, .brokerHeartbeat,
            .registerTopicInNamesrv, .wipeWritePermOfBroker, .addWritePermOfBroker, .updateBrokerConfig:
            return clusterCheck(.update)
        case let code where (RequestCode.authCreateUser.rawValue...RequestCode.authListAcl.rawValue).contains(code.rawValue):
            let reads: Set<RequestCode> = [.authGetUser, .authListUser, .authGetAcl, .authListAcl]
            return clusterCheck(reads.contains(code) ? .get : .update)

        // Admin codes Apache leaves unchecked: mqadmin's additions.
        case .updateAndCreateSubscriptionGroup:
            guard let body = try? request.decodeBody(SubscriptionGroupConfig.self) else { throw Unparsable() }
            return group(body.groupName, [.create])
        case .deleteTopicInNamesrv: return topicOrRetryGroup(f["topic"], [.delete])
        case .getAllTopicConfig, .getTopicNameList, .getSystemTopicListFromBroker, .getAllTopicListFromNameServer,
            .getTopicsByCluster, .getSystemTopicListFromNS:
            return [AuthorizationCheck(.all(.topic), [.list])]
        case .getAllSubscriptionGroupConfig, .getAllConsumerOffset:
            return [AuthorizationCheck(.all(.group), [.list])]
        case .getBrokerConfig, .getBrokerRuntimeInfo: return clusterCheck(.get)
        default:
            return []
        }
    }
}

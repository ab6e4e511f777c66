import MQProtocol
import MQRemoting

/// The name server's request codes: which it serves, who may send each (checked only by a bundled
/// name server beside an auth-on broker; Apache's name server checks nothing) and the handler.
/// Handlers run on the event loop (the tables are in memory), except KV changes, which write kvConfig.json on
/// the name server's KV thread.
public enum NameServerRequests {
    typealias Route = RequestRoute<NameServerProcessor>

    public static let table = RequestTable<NameServerProcessor>([
        // Discovery: what every client and tool asks first.
        .answer(.getRouteInfoByTopic, .discovery, routeAccess) { try $0.handleGetRoute($1) },
        .answer(
            .getBrokerClusterInfo, .discovery,
            .authenticated(why: "every client and admin command reads the cluster layout; Apache checks nothing")
        ) { try $0.handleGetClusterInfo($1) },
        // Brokers registering.
        .answer(.registerBroker, .cluster, .cluster(.update)) { try $0.handleRegisterBroker($1, peer: $2) },
        .answer(.unregisterBroker, .cluster, .cluster(.update)) { try $0.handleUnregisterBroker($1) },
        .answer(.queryDataVersion, .cluster, .cluster(.get)) { try $0.handleQueryDataVersion($1) },
        // Admin.
        .answer(.getAllTopicListFromNameServer, .admin, .every(.topic, .list)) { try $0.handleGetAllTopics($1) },
        .answer(.getTopicsByCluster, .admin, .every(.topic, .list)) { try $0.handleGetTopicsByCluster($1) },
        .answer(.getSystemTopicListFromNS, .admin, .every(.topic, .list)) { try $0.handleGetSystemTopics($1) },
        .answer(.deleteTopicInNamesrv, .admin, .topic("topic", [.delete])) { try $0.handleDeleteTopic($1) },
        .answer(.wipeWritePermOfBroker, .admin, .cluster(.update)) { try $0.handleSetWritePermission($1) },
        .answer(.addWritePermOfBroker, .admin, .cluster(.update)) { try $0.handleSetWritePermission($1) },
        .answer(.putKVConfig, .admin, .cluster(.update), on: .adminThread) { try $0.handlePutKV($1) },
        .answer(.getKVConfig, .admin, .cluster(.get)) { try $0.handleGetKV($1) },
        .answer(.deleteKVConfig, .admin, .cluster(.update), on: .adminThread) { try $0.handleDeleteKV($1) },
        .answer(.getKVListByNamespace, .admin, .cluster(.get)) { try $0.handleGetKVList($1) },
        .answer(.getNamesrvConfig, .admin, .cluster(.get)) { try $0.handleGetConfig($1) },
        .answer(.updateNamesrvConfig, .admin, .cluster(.update)) { try $0.handleUpdateConfig($1) },
    ])

    /// Any of Pub/Sub/Get on the topic; a retry topic: Sub/Get on its group.
    static let routeAccess = RequestAccess.derived(
        summary: "Pub/Sub/Get on Topic:{topic}; a retry topic: Sub/Get on its Group"
    ) { request in
        guard let topic = request.extFields["topic"] else { return [] }
        if topic.hasPrefix(SystemTopics.retryPrefix) { return [AuthorizationCheck(.group(topic), [.sub, .get])] }
        return [AuthorizationCheck(.topic(topic), [.pub, .sub, .get])]
    }
}

import MQClient
import MQProtocol
import MQRemoting
import MQTestSupport
import Testing

/// WIPE_WRITE_PERM_OF_BROKER (205) and ADD_WRITE_PERM_OF_BROKER (327) on the bundled name server, and what a
/// broker's later registration does to them (Apache's rule: only a changed topic table rewrites the routes).
@Suite struct WritePermissionTests {
    /// Registers master broker-z (a dead address) with `topics` at data version `counter`, as its heartbeat would.
    func register(_ client: MQClientInstance, counter: Int64, _ topics: [TopicConfig]) async throws {
        let wrapper = TopicConfigSerializeWrapper(
            dataVersion: DataVersion(counter: counter),
            topicConfigTable: Dictionary(uniqueKeysWithValues: topics.map { ($0.topicName, $0) }), withMapping: true)
        var body = RemotingCommand(code: 0)
        body.setJSONBody(RegisterBrokerBody(topicConfigSerializeWrapper: wrapper))
        let header = RegisterBrokerRequestHeader(
            brokerName: "broker-z", brokerAddr: "127.0.0.1:1", clusterName: "DefaultCluster", brokerId: 0)
        let answer = try await client.invokeNameServer(.request(.registerBroker, header: header, body: body.body))
        #expect(answer.code == 0)
    }

    func perms(_ client: MQClientInstance, _ topics: [String]) async throws -> [Int32] {
        var result: [Int32] = []
        for topic in topics {
            let route = try await client.route(topic: topic, refresh: true)
            result.append(try #require(route.queueDatas.first { $0.brokerName == "broker-z" }).perm)
        }
        return result
    }

    @Test func wipeAndAddAsApacheAndHeartbeatsKeepTheWipe() async throws {
        try await withCluster(brokers: 1) { cluster in
            let client = cluster.client()
            let ns = cluster.nameServerAddress
            var inherit = TopicConfig(topicName: "WpInherit")
            inherit.perm = PermName.read | PermName.write | PermName.inherit
            let topics = [TopicConfig(topicName: "WpPlain"), inherit]
            let names = topics.map(\.topicName)
            try await register(client, counter: 1, topics)
            #expect(try await perms(client, names) == [6, 7])

            let wiped = try await client.setWritePermission(brokerName: "broker-z", writable: false, nameServer: ns)
            #expect(wiped == WritePermissionChange(nameServer: ns, topicCount: 2))
            #expect(try await perms(client, names) == [4, 5])

            // A heartbeat with the same data version leaves the wipe in place.
            try await register(client, counter: 1, topics)
            #expect(try await perms(client, names) == [4, 5])

            // Adding sets exactly read+write, as Apache does (the inherit bit goes).
            let added = await client.setWritePermissionEverywhere(brokerName: "broker-z", writable: true)
            #expect(added.map(\.value) == [WritePermissionChange(nameServer: ns, topicCount: 2)])
            #expect(try await perms(client, names) == [6, 6])

            // A changed topic table rewrites the routes from the broker's own permissions.
            _ = try await client.setWritePermission(brokerName: "broker-z", writable: false, nameServer: ns)
            try await register(client, counter: 2, topics)
            #expect(try await perms(client, names) == [6, 7])

            // A broker nobody knows: nothing changes, count 0; the real broker's topics all lose write.
            let unknown = try await client.setWritePermission(brokerName: "nope", writable: false, nameServer: ns)
            #expect(unknown.topicCount == 0)
            let real = try await client.setWritePermission(brokerName: "broker-a", writable: false, nameServer: ns)
            #expect(real.topicCount > 0)
            let route = try await client.route(topic: "TBW102", refresh: true)
            let a = try #require(route.queueDatas.first { $0.brokerName == "broker-a" })
            #expect(a.perm & PermName.write == 0)
        }
    }
}

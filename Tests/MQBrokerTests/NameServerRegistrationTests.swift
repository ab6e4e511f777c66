import MQClient
import MQProtocol
import MQRemoting
import MQTestSupport
import Testing

/// How the bundled name server takes a master's registration, as Apache's does: an Apache broker registers a created
/// topic alone (`registerIncrementBrokerData`), so a registration adds and updates the topics it carries and drops
/// none unless `deleteTopicWithBrokerRegistration` is on; a one-topic registration before the broker's first full
/// one is refused.
@Suite struct NameServerRegistrationTests {
    /// Registers master `broker` (a dead address) with `topics` at data version `counter`; the answer's code.
    func register(
        _ client: MQClientInstance, _ broker: String, counter: Int64, _ topics: [String]
    ) async throws -> RemotingCommand {
        let wrapper = TopicConfigSerializeWrapper(
            dataVersion: DataVersion(counter: counter),
            topicConfigTable: Dictionary(uniqueKeysWithValues: topics.map { ($0, TopicConfig(topicName: $0)) }),
            withMapping: true)
        var body = RemotingCommand(code: 0)
        body.setJSONBody(RegisterBrokerBody(topicConfigSerializeWrapper: wrapper))
        let header = RegisterBrokerRequestHeader(
            brokerName: broker, brokerAddr: "127.0.0.1:\(broker == "broker-z" ? 1 : 2)", clusterName: "DefaultCluster",
            brokerId: 0)
        return try await client.invokeNameServer(.request(.registerBroker, header: header, body: body.body))
    }

    /// The topics routed to `broker`, among `topics`.
    func routed(_ client: MQClientInstance, _ broker: String, _ topics: [String]) async -> [String] {
        var found: [String] = []
        for topic in topics {
            let route = try? await client.route(topic: topic, refresh: true)
            if route?.queueDatas.contains(where: { $0.brokerName == broker }) == true { found.append(topic) }
        }
        return found
    }

    @Test func registrationsAddTopicsAndDropNoneUnlessAskedTo() async throws {
        try await withCluster(brokers: 1) { cluster in
            let client = cluster.client()
            let all = ["RegA", "RegB", "RegC", "RegD"]
            #expect(try await register(client, "broker-z", counter: 1, ["RegA", "RegB"]).responseCode == .success)
            // An Apache broker's registration of one created topic: the others stay routed.
            #expect(try await register(client, "broker-z", counter: 2, ["RegC"]).responseCode == .success)
            #expect(await routed(client, "broker-z", all) == ["RegA", "RegB", "RegC"])

            // A one-topic registration from a broker that never registered: refused, nothing changes.
            let early = try await register(client, "broker-y", counter: 1, ["RegD"])
            #expect(early.responseCode == .systemError && early.remark == "register broker failed")
            #expect(await routed(client, "broker-y", all).isEmpty)
            #expect(try await client.clusterInfo().brokerAddrTable["broker-y"] == nil)

            // Apache's deleteTopicWithBrokerRegistration: the registration is the broker's whole table.
            try await client.updateNameServerConfig(
                at: cluster.nameServerAddress, ["deleteTopicWithBrokerRegistration": "true"])
            #expect(try await register(client, "broker-z", counter: 3, ["RegC", "RegD"]).responseCode == .success)
            #expect(await routed(client, "broker-z", all) == ["RegC", "RegD"])
            await client.shutdown()
        }
    }

    /// Every name server is asked at once: four that never answer cost one timeout, not one each, and the one that
    /// answers has the topic as soon as it is asked. A create is still answered only when the round has ended.
    @Test func silentNameServersCostOneTimeoutNotOneEach() async throws {
        let silent = try (0..<4).map { _ in try SilentListener(listening: true) }
        defer { for s in silent { s.close() } }
        let timeout: Int64 = 1_500
        try await withCluster(configure: {
            $0.nameServerAddresses = silent.map(\.address) + $0.nameServerAddresses
            $0.registerTimeoutMillis = timeout
        }) { cluster in
            let client = cluster.client()
            let broker = cluster.brokers[0].brokerAddress!
            // A first create: any round the broker's start left running (its system topics) is over after it.
            try await client.createTopic(TopicConfig(topicName: "WarmUp"), broker: broker)
            let start = ContinuousClock.now
            try await client.createTopic(
                TopicConfig(topicName: "ThroughSilence", readQueueNums: 1, writeQueueNums: 1), broker: broker)
            let took = ContinuousClock.now - start
            // Asked one after another, the answer would take four timeouts (6 s); at once, one. The bound leaves
            // two timeouts of slack for a loaded CI machine (one run under load took just over two).
            #expect(took >= .milliseconds(timeout) && took < .milliseconds(3 * timeout), "\(took)")
            #expect(try await client.route(topic: "ThroughSilence", refresh: true).queueDatas.count == 1)
            await client.shutdown()
        }
    }
}

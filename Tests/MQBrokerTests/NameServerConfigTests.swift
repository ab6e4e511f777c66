import Logging
import MQBroker
import MQProtocol
import MQRemoting
import MQTestSupport
import NIOCore
import Testing

/// GET/UPDATE_NAMESRV_CONFIG (319/318) on the bundled name server, and the settings taking effect.
@Suite struct NameServerConfigTests {
    func config(_ client: RemotingClient, _ address: String) async throws -> [String: String] {
        let answer = try await client.invoke(address, .request(.getNamesrvConfig), timeout: .seconds(5))
        #expect(answer.code == 0)
        return JavaProperties.parse(String(decoding: answer.bodyBytes, as: UTF8.self))
    }

    func update(_ client: RemotingClient, _ address: String, _ text: String) async throws -> RemotingCommand {
        var request = RemotingCommand.request(.updateNamesrvConfig)
        request.body = ByteBuffer(string: text)
        return try await client.invoke(address, request, timeout: .seconds(5))
    }

    @Test func readsChangesAndRefusesAsApache() async throws {
        try await withCluster(brokers: 1) { cluster in
            let client = RemotingClient(group: cluster.group, logger: cluster.logger)
            try await withTeardown {
                let ns = cluster.nameServerAddress
                let before = try await config(client, ns)
                #expect(before["listenPort"] == ns.split(separator: ":").last.map(String.init))
                #expect(before["enableAllTopicList"] == "true" && before["orderMessageEnable"] == "false")

                // Black-listed keys: Apache's code and remark; unknown and start-only keys: refused by name; all or
                // nothing.
                let black = try await update(client, ns, "kvConfigPath=/tmp/x\norderMessageEnable=true\n")
                #expect(
                    black.code == ResponseCode.noPermission.rawValue
                        && black.remark == "Can not update config in black list.")
                let unknown = try await update(client, ns, "orderMessageEnable=true\nserverWorkerThreads=16\n")
                #expect(unknown.code == ResponseCode.invalidParameter.rawValue)
                #expect(unknown.remark?.contains("no setting serverWorkerThreads") == true)
                let fixed = try await update(client, ns, "listenPort=1\n")
                #expect(fixed.remark?.contains("listenPort is fixed at start") == true)
                #expect(try await config(client, ns) == before)

                // Hot keys take effect at once: the topic list is refused, routes carry the order configuration.
                let ok = try await update(client, ns, "enableAllTopicList = false\norderMessageEnable:true\n")
                #expect(ok.code == 0)
                let after = try await config(client, ns)
                #expect(after["enableAllTopicList"] == "false" && after["orderMessageEnable"] == "true")
                let list = try await client.invoke(ns, .request(.getAllTopicListFromNameServer), timeout: .seconds(5))
                #expect(list.code == ResponseCode.systemError.rawValue && list.remark == "disable")

                let admin = cluster.client()
                let broker = try #require(cluster.brokers[0].brokerAddress)
                try await admin.createTopic(
                    TopicConfig(topicName: "Ordered", readQueueNums: 2, writeQueueNums: 2), broker: broker)
                var put = RemotingCommand.request(.putKVConfig)
                put.extFields = ["namespace": "ORDER_TOPIC_CONFIG", "key": "Ordered", "value": "broker-a:2"]
                #expect(try await client.invoke(ns, put, timeout: .seconds(5)).code == 0)
                // The broker registers the new topic with the name server right after creating it.
                try await waitUntil("the route of Ordered") {
                    (try? await admin.route(topic: "Ordered", refresh: true)) != nil
                }
                var ask = RemotingCommand.request(.getRouteInfoByTopic)
                ask.extFields = ["topic": "Ordered"]
                let route = try await client.invoke(ns, ask, timeout: .seconds(5)).decodeBody(TopicRouteData.self)
                #expect(route.orderTopicConf == "broker-a:2")
            } teardown: {
                await client.close()
            }
        }
    }

    @Test func javaPropertiesReadsWhatPropertiesLoadReads() {
        let text = "# comment\n! other\n  a=1\nb : two words\nc\\:d=e\\u00e9\nlong=x\\\n   y\nempty=\nspaced key\n"
        #expect(JavaProperties.parse(text) == [
            "a": "1", "b": "two words", "c:d": "eé", "long": "xy", "empty": "", "spaced": "key",
        ])
        #expect(JavaProperties.render(["b": "2", "a": "1"]) == "a=1\nb=2\n")
    }
}

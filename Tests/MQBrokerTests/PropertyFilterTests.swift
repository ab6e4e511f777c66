import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

@testable import MQBroker

/// SQL92 property filters in the broker, over TCP (Apache's ConsumerFilterManager, ExpressionMessageFilter and
/// ClientManageProcessor#checkClientConfig): only messages the expression makes TRUE are delivered.
@Suite(.serialized) struct PropertyFilterTests {
    static let topic = "Filtered"
    static let queue = MessageQueue(topic: topic, brokerName: "broker-a", queueId: 0)

    /// 30 messages: `a` = 0...9 (missing for every tenth), `region` cycling eu, us and missing; key `m<i>`.
    typealias Sent = (key: String, a: Int?, region: String?)

    static func sendSample(_ client: MQClientInstance, broker: String) async throws -> [Sent] {
        try await client.createTopic(TopicConfig(topicName: topic, readQueueNums: 1, writeQueueNums: 1), broker: broker)
        let producer = Producer(group: "pg-filter", client: client)
        var sent: [Sent] = []
        for i in 0..<30 {
            var m = Message(topic: topic, body: "body \(i)", tags: i % 2 == 0 ? "even" : "odd", keys: ["m\(i)"])
            let a: Int? = i % 10 == 9 ? nil : i % 10
            let region = (["eu", "us", nil] as [String?])[i % 3]
            m.properties["a"] = a.map(String.init)
            m.properties["region"] = region
            _ = try await producer.send(m, to: queue)
            sent.append(("m\(i)", a, region))
        }
        return sent
    }

    static func pullAll(
        _ client: MQClientInstance, _ expression: String, type: String = ExpressionType.sql92
    ) async throws -> [String] {
        var keys: [String] = []
        var offset: Int64 = 0
        while true {
            let r = try await client.pull(
                group: "cg-filter", queue: queue, offset: offset, maxNums: 4, expression: expression,
                expressionType: type)
            keys += r.messages.flatMap(\.keys)
            if r.status == .noNewMessage { return keys }
            offset = r.nextBeginOffset
        }
    }

    @Test func aPullDeliversExactlyTheMessagesTheExpressionMakesTrue() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let sent = try await Self.sendSample(client, broker: try #require(cluster.brokers[0].brokerAddress))
            func expect(_ expression: String, _ rule: ((a: Int?, region: String?)) -> Bool) async throws {
                let want = sent.filter { rule(($0.a, $0.region)) }.map(\.key)
                #expect(try await Self.pullAll(client, expression) == want, "\(expression)")
            }
            try await expect("a > 5 AND region = 'eu'") { ($0.a ?? 0) > 5 && $0.region == "eu" }
            // A missing property is NULL: a comparison with it is never TRUE, and neither is its negation.
            try await expect("region <> 'eu'") { $0.region == "us" }
            try await expect("NOT (region = 'eu')") { $0.region == "us" }
            try await expect("region IS NULL") { $0.region == nil }
            try await expect("a IS NOT NULL AND a BETWEEN 2 AND 3") { $0.a == 2 || $0.a == 3 }
            try await expect("region IN ('us') OR a = 9") { $0.region == "us" }
            // The tags are the TAGS property.
            try await expect("TAGS = 'even' AND a >= 8") { ($0.a ?? 0) >= 8 }  // 8 is even, 9 is missing
            // Tags still work as before beside SQL92.
            #expect(try await Self.pullAll(client, "odd", type: ExpressionType.tag).count == 15)
            await client.shutdown()
        }
    }

    @Test func aMalformedExpressionIsRefusedWithWhatIsWrong() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            _ = try await Self.sendSample(client, broker: try #require(cluster.brokers[0].brokerAddress))
            let error = await #expect(throws: ClientError.self) {
                _ = try await client.pull(
                    group: "g", queue: Self.queue, offset: 0, expression: "a > 5 AN region = 'eu'",
                    expressionType: ExpressionType.sql92)
            }
            guard case .brokerError(let code, let remark, _)? = error else { return }
            #expect(code == ResponseCode.subscriptionParseFailed.rawValue)
            #expect(remark.hasPrefix("parse the consumer's subscription failed"), "\(remark)")
            #expect(remark.contains("position 7"), "\(remark)")
            await client.shutdown()
        }
    }

    @Test func checkClientConfigJudgesTheExpression() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let broker = try #require(cluster.brokers[0].brokerAddress)
            func check(_ type: String, _ expression: String) async throws -> RemotingCommand {
                var sub = SubscriptionData(topic: Self.topic, subString: expression, subVersion: 1)
                sub.expressionType = type
                var request = RemotingCommand.request(.checkClientConfig)
                request.setJSONBody(CheckClientRequestBody(clientId: "c1", group: "g", subscriptionData: sub))
                return try await client.invoke(broker, request)
            }
            #expect(try await check(ExpressionType.sql92, "a > 5 AND region = 'eu'").code == 0)
            #expect(try await check(ExpressionType.tag, "not even parsed").code == 0)
            let malformed = try await check(ExpressionType.sql92, "a = NULL")
            #expect(malformed.code == ResponseCode.subscriptionParseFailed.rawValue)
            #expect(malformed.remark == "NULL cannot be compared with '='; write IS NULL or IS NOT NULL at position 5")
            let unknown = try await check("XPATH", "/a")
            #expect(unknown.code == ResponseCode.subscriptionParseFailed.rawValue)
            #expect(unknown.remark?.contains("XPATH") == true)
            // A request without a subscription is answered SUCCESS, as Apache does.
            var empty = RemotingCommand.request(.checkClientConfig)
            empty.setJSONBody(CheckClientRequestBody(clientId: "c1", group: "g", subscriptionData: nil))
            #expect(try await client.invoke(broker, empty).code == 0)
            #expect(try await client.brokerConfig(broker: broker)["enablePropertyFilter"] == "true")
            await client.shutdown()
        }
    }

    @Test func withPropertyFiltersOffTheBrokerSaysSoAsApacheDoes() async throws {
        try await withCluster(configure: { $0.enablePropertyFilter = false }) { cluster in
            let client = cluster.client()
            let broker = try #require(cluster.brokers[0].brokerAddress)
            _ = try await Self.sendSample(client, broker: broker)
            let remark = "The broker does not support consumer to filter message by SQL92"
            var sub = SubscriptionData(topic: Self.topic, subString: "a > 5", subVersion: 1)
            sub.expressionType = ExpressionType.sql92
            var request = RemotingCommand.request(.checkClientConfig)
            request.setJSONBody(CheckClientRequestBody(clientId: "c1", group: "g", subscriptionData: sub))
            let checked = try await client.invoke(broker, request)
            #expect(checked.code == ResponseCode.systemError.rawValue && checked.remark == remark)
            let error = await #expect(throws: ClientError.self) { _ = try await Self.pullAll(client, "a > 5") }
            guard case .brokerError(let code, let text, _)? = error else { return }
            #expect(code == ResponseCode.systemError.rawValue && text == remark)
            #expect(try await client.brokerConfig(broker: broker)["enablePropertyFilter"] == "false")
            // Tags are not affected.
            #expect(try await Self.pullAll(client, "*", type: ExpressionType.tag).count == 30)
            await client.shutdown()
        }
    }
}

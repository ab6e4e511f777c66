import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

@testable import MQBroker

/// SQL92 subscriptions registered by heartbeats (what Java push consumers rely on: their pulls carry no
/// subscription), the Swift push consumer, and long polls that wait for a matching message.
@Suite(.serialized) struct PropertyFilterSubscriptionTests {
    static let queue = PropertyFilterTests.queue

    static func heartbeat(
        _ client: MQClientInstance, broker: String, group: String, expression: String, version: Int64
    ) async throws {
        var sub = SubscriptionData(topic: PropertyFilterTests.topic, subString: expression, subVersion: version)
        sub.expressionType = ExpressionType.sql92
        let data = HeartbeatData(clientID: client.clientId, consumerDataSet: [
            ConsumerData(groupName: group, subscriptionDataSet: [sub])
        ])
        var request = RemotingCommand.request(.heartBeat)
        request.setJSONBody(data)
        #expect(try await client.invoke(broker, request).code == 0)
    }

    /// A pull as Java's push consumer sends it: no FLAG_SUBSCRIPTION, the subscription's version.
    static func pullRegistered(
        _ client: MQClientInstance, broker: String, group: String, version: Int64, offset: Int64 = 0,
        suspendMillis: Int64 = 0
    ) async throws -> RemotingCommand {
        var h = PullMessageRequestHeader(
            consumerGroup: group, topic: PropertyFilterTests.topic, queueId: 0, queueOffset: offset, maxMsgNums: 32,
            sysFlag: suspendMillis > 0 ? PullSysFlag.suspend : 0, suspendTimeoutMillis: suspendMillis,
            subscription: nil, subVersion: version)
        h.expressionType = ExpressionType.sql92
        let wait = Duration.milliseconds(suspendMillis) + .seconds(5)
        return try await client.invoke(broker, .request(.pullMessage, header: h), timeout: wait)
    }

    static func keys(_ response: RemotingCommand) throws -> [String] {
        guard let body = response.body else { return [] }
        return try MessageDecoder.decodeAll(body).flatMap(\.keys)
    }

    @Test func heartbeatsRegisterTheFilterThatPullsWithoutASubscriptionUse() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let broker = try #require(cluster.brokers[0].brokerAddress)
            let sent = try await PropertyFilterTests.sendSample(client, broker: broker)
            try await Self.heartbeat(
                client, broker: broker, group: "cg-hb", expression: "a > 5 AND region = 'eu'", version: 10)
            let first = try await Self.pullRegistered(client, broker: broker, group: "cg-hb", version: 10)
            #expect(first.code == 0)
            let want = sent.filter { ($0.a ?? 0) > 5 && $0.region == "eu" }.map(\.key)
            #expect(try Self.keys(first) == want)

            // A newer subscription replaces it; an older heartbeat does not bring the old one back.
            try await Self.heartbeat(client, broker: broker, group: "cg-hb", expression: "region = 'us'", version: 20)
            try await Self.heartbeat(client, broker: broker, group: "cg-hb", expression: "a > 5", version: 15)
            let replaced = try await Self.pullRegistered(client, broker: broker, group: "cg-hb", version: 20)
            #expect(try Self.keys(replaced) == sent.filter { $0.region == "us" }.map(\.key))
            // A pull newer than what the broker knows (Apache's SUBSCRIPTION_NOT_LATEST).
            let ahead = try await Self.pullRegistered(client, broker: broker, group: "cg-hb", version: 30)
            #expect(ahead.code == ResponseCode.subscriptionNotLatest.rawValue)

            // A new expression that does not compile removes the filter: Apache's FILTER_DATA_NOT_EXIST.
            try await Self.heartbeat(client, broker: broker, group: "cg-hb", expression: "region = ", version: 40)
            let broken = try await Self.pullRegistered(client, broker: broker, group: "cg-hb", version: 40)
            #expect(broken.code == ResponseCode.filterDataNotExist.rawValue)
            // Apache's remark, then what is wrong.
            #expect(
                broken.remark == "The broker's consumer filter data is not exist!Your expression may be wrong! "
                    + "(expected a value, a property name or '(' but found the end of the expression at position 10)")
            await client.shutdown()
        }
    }

    @Test func theSwiftPushConsumerSubscribesWithSQL92() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let broker = try #require(cluster.brokers[0].brokerAddress)
            let sent = try await PropertyFilterTests.sendSample(client, broker: broker)
            let want = Set(sent.filter { ($0.a ?? 0) > 5 && $0.region == "eu" }.map(\.key))

            let bad = PushConsumer(group: "cg-push-bad", client: client, consumeFromWhere: .firstOffset)
            await bad.subscribe(PropertyFilterTests.topic, selector: .sql92("a > 5 AND (region = 'eu'"))
            let refused = await #expect(throws: ClientError.self) { try await bad.start { _, _ in .success } }
            if case .brokerError(let code, let remark, _)? = refused {
                #expect(code == ResponseCode.subscriptionParseFailed.rawValue)
                #expect(remark.contains("position"), "\(remark)")
            }
            await bad.shutdown()

            let got = ReceivedKeys()
            let consumer = PushConsumer(group: "cg-push", client: client, consumeFromWhere: .firstOffset)
            await consumer.subscribe(PropertyFilterTests.topic, selector: .sql92("a > 5 AND region = 'eu'"))
            try await withTeardown {
                try await consumer.start { messages, _ in
                    await got.add(messages.flatMap(\.keys))
                    return .success
                }
                try await waitUntil("the matching messages") { await got.keys.count >= want.count }
                // One more of each kind: only the matching one arrives, through the held long poll.
                let producer = Producer(group: "pg-push", client: client)
                var miss = Message(topic: PropertyFilterTests.topic, body: "late miss", keys: ["late-miss"])
                miss.properties["a"] = "100"
                miss.properties["region"] = "us"
                _ = try await producer.send(miss, to: Self.queue)
                var hit = Message(topic: PropertyFilterTests.topic, body: "late hit", keys: ["late-hit"])
                hit.properties["a"] = "100"
                hit.properties["region"] = "eu"
                _ = try await producer.send(hit, to: Self.queue)
                try await waitUntil("the late matching message") { await got.keys.contains("late-hit") }
                #expect(await got.keys.sorted() == (want.sorted() + ["late-hit"]).sorted())
            } teardown: {
                await consumer.shutdown()
                await client.shutdown()
            }
        }
    }

    @Test func aHeldPullWakesOnlyForAMatchingMessage() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let broker = try #require(cluster.brokers[0].brokerAddress)
            let core = try #require(cluster.brokers[0].controller?.core)
            try await client.createTopic(
                TopicConfig(topicName: PropertyFilterTests.topic, readQueueNums: 1, writeQueueNums: 1), broker: broker)
            let held = Task {
                try await client.pull(
                    group: "cg-held", queue: Self.queue, offset: 0, expression: "region = 'eu'",
                    expressionType: ExpressionType.sql92, suspendMillis: 15_000)
            }
            try await waitUntil("the pull to be held") { core.holds.count == 1 }
            let producer = Producer(group: "pg-held", client: client)
            var miss = Message(topic: PropertyFilterTests.topic, body: "us", keys: ["us"])
            miss.properties["region"] = "us"
            _ = try await producer.send(miss, to: Self.queue)
            // The miss wakes nothing (PullHoldLockTests); the periodic check sees the queue grow, and the re-run
            // finds no match and waits on, after the miss.
            core.checkHeldPulls()
            try await waitUntil("the pull held again after the miss") {
                core.holds.offsets(topic: PropertyFilterTests.topic, queueId: 0) == [1]
            }
            var hit = Message(topic: PropertyFilterTests.topic, body: "eu", keys: ["eu"])
            hit.properties["region"] = "eu"
            _ = try await producer.send(hit, to: Self.queue)
            let result = try await held.value
            #expect(result.status == .found)
            #expect(result.messages.flatMap(\.keys) == ["eu"])
            #expect(result.nextBeginOffset == 2)
            await client.shutdown()
        }
    }

    @Test func aHeldPullWithTheRegisteredFilterWakesForAMatch() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let broker = try #require(cluster.brokers[0].brokerAddress)
            let core = try #require(cluster.brokers[0].controller?.core)
            let sent = try await PropertyFilterTests.sendSample(client, broker: broker)
            try await Self.heartbeat(client, broker: broker, group: "cg-hold", expression: "region = 'eu'", version: 7)
            // As Java's push consumer long-polls: no subscription in the pull, at the end of the queue.
            let held = Task {
                try await Self.pullRegistered(
                    client, broker: broker, group: "cg-hold", version: 7, offset: Int64(sent.count),
                    suspendMillis: 15_000)
            }
            try await waitUntil("the pull to be held") { core.holds.count == 1 }
            let producer = Producer(group: "pg-hold", client: client)
            for region in ["us", "eu"] {
                var m = Message(topic: PropertyFilterTests.topic, body: region, keys: ["late-\(region)"])
                m.properties["region"] = region
                _ = try await producer.send(m, to: Self.queue)
            }
            let response = try await held.value
            #expect(response.code == 0)
            #expect(try Self.keys(response) == ["late-eu"])
            await client.shutdown()
        }
    }

    @Test func theFilterManagerFollowsApachesVersionRules() {
        let filters = ConsumerFilterManager()
        func sub(_ topic: String, _ expression: String, _ version: Int64, type: String = ExpressionType.sql92)
            -> SubscriptionData
        {
            var s = SubscriptionData(topic: topic, subString: expression, subVersion: version)
            s.expressionType = type
            return s
        }
        filters.register(group: "g", subscriptions: [sub("T", "a > 1", 5), sub("U", "b = 'x'", 5)])
        #expect(filters.get(topic: "T", group: "g")?.expression == "a > 1")
        // Same expression, newer version: only the version moves.
        filters.register(group: "g", subscriptions: [sub("T", "a > 1", 6), sub("U", "b = 'x'", 6)])
        #expect(filters.get(topic: "T", group: "g")?.clientVersion == 6)
        // Older versions are ignored; a topic no longer subscribed with SQL92 is forgotten.
        filters.register(group: "g", subscriptions: [sub("T", "a > 2", 4), sub("U", "*", 7, type: ExpressionType.tag)])
        #expect(filters.get(topic: "T", group: "g")?.expression == "a > 1")
        #expect(filters.get(topic: "U", group: "g") == nil)
        // A new group's malformed expression is never registered.
        filters.register(group: "h", subscriptions: [sub("T", "a >", 1)])
        #expect(filters.get(topic: "T", group: "h") == nil)
        #expect(filters.get(topic: "T", group: "g") != nil)
        filters.unregister(group: "g")
        #expect(filters.get(topic: "T", group: "g") == nil)
    }
}

/// Keys a push consumer's handler received.
actor ReceivedKeys {
    var keys: [String] = []
    func add(_ more: [String]) { keys += more }
}

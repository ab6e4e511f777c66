import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// The bundled broker as users run it (`mqadmin broker start`), with the Swift push consumer over TCP: SQL92
/// subscriptions work by default, and `--no-property-filter` refuses them as Apache does.
@Suite(.serialized) struct PropertyFilterProcessTests {
    @Test func aSQL92ConsumerGetsExactlyTheMatchingMessages() async throws {
        let dir = try TempDirectory("sql92-process")
        defer { dir.remove() }
        try await withBrokerProcess(dataDirectory: dir.sub("data")) { broker in
            let client = Interop.client(broker.nameServer)
            let consumer = PushConsumer(group: "cg-process", client: client, consumeFromWhere: .firstOffset)
            try await withTeardown {
                let sent = try await PropertyFilterTests.sendSample(client, broker: broker.broker)
                let want = sent.filter { ($0.a ?? 0) > 5 && $0.region == "eu" }.map(\.key)
                #expect(want == ["m6", "m18", "m27"])
                let got = ReceivedKeys()
                await consumer.subscribe(PropertyFilterTests.topic, selector: .sql92("a > 5 AND region = 'eu'"))
                try await consumer.start { messages, _ in
                    await got.add(messages.flatMap(\.keys))
                    return .success
                }
                try await waitUntil("the matching messages") { await got.keys.count >= want.count }
                // A miss then a hit on the same queue: once the hit is in, the miss would have been too.
                let producer = Producer(group: "pg-process", client: client)
                for (key, region) in [("late-miss", "us"), ("late-hit", "eu")] {
                    var m = Message(topic: PropertyFilterTests.topic, body: key, keys: [key])
                    m.properties["a"] = "10"
                    m.properties["region"] = region
                    _ = try await producer.send(m, to: PropertyFilterTests.queue)
                }
                try await waitUntil("the late matching message") { await got.keys.contains("late-hit") }
                #expect(await got.keys.sorted() == (want + ["late-hit"]).sorted())
            } teardown: {
                await consumer.shutdown()
                await client.shutdown()
            }
        }
    }

    @Test func withoutPropertyFiltersASQL92SubscriptionIsRefusedAtStart() async throws {
        let dir = try TempDirectory("sql92-off")
        defer { dir.remove() }
        try await withBrokerProcess(dataDirectory: dir.sub("data"), arguments: ["--no-property-filter"]) { broker in
            let client = Interop.client(broker.nameServer)
            let consumer = PushConsumer(group: "cg-off", client: client, consumeFromWhere: .firstOffset)
            try await withTeardown {
                _ = try await PropertyFilterTests.sendSample(client, broker: broker.broker)
                await consumer.subscribe(PropertyFilterTests.topic, selector: .sql92("a > 5"))
                let refused = await #expect(throws: ClientError.self) { try await consumer.start { _, _ in .success } }
                guard case .brokerError(let code, let remark, _)? = refused else { return }
                #expect(code == ResponseCode.systemError.rawValue)
                #expect(remark == "The broker does not support consumer to filter message by SQL92")
            } teardown: {
                await consumer.shutdown()
                await client.shutdown()
            }
        }
    }
}

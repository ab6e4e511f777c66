import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Issue 17 item 1's acceptance with the official C++ client: on a two-broker cluster of `mqadmin broker start`
/// processes, a C++ push consumer answers GET_CONSUMER_RUNNING_INFO (the broker relays it over the consumer's own
/// connection), and `group status` / classic `consumerStatus` show its queues on both brokers. The C++ client sends
/// no stacks (its jstack is commented out), so `--stack` prints that it sent none.
@Suite(.serialized) struct GroupStatusInteropTests {
    static let script = TestPaths.packageRoot + "/Tests/InteropTests/python/cpp_client.py"
    static let topic = "TopicStatus"
    static let group = "CG_STATUS"

    func delivered(_ path: String) -> Int {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    @Test(arguments: CppClient.allCases)
    func cppConsumerAnswersGroupStatusWithItsQueuesOnBothBrokers(client cpp: CppClient) async throws {
        let python = try cpp.python()
        let dir = try TempDirectory("interop-status")
        defer { dir.remove() }
        try await withBrokerProcess(dataDirectory: dir.sub("a")) { a in
            let ns = a.nameServer
            let argsB = ["--role", "broker", "--broker-name", "broker-b", "--namesrv", ns]
            try await withBrokerProcess(dataDirectory: dir.sub("b"), arguments: argsB) { b in
                let admin = Interop.client(ns)
                try await withTeardown {
                    let config = TopicConfig(topicName: Self.topic, readQueueNums: 2, writeQueueNums: 2)
                    for broker in [a.broker, b.broker] { try await admin.createTopic(config, broker: broker) }
                    try await waitUntil("the topic routed to both brokers") {
                        let route = try? await admin.route(topic: Self.topic, refresh: true)
                        return Set(route?.queueDatas.map(\.brokerName) ?? []) == ["broker-a", "broker-b"]
                    }
                    try await check(python: python, ns: ns, brokers: [a.broker, b.broker], admin: admin, dir: dir)
                } teardown: {
                    await admin.shutdown()
                }
            }
        }
    }

    func check(python: String, ns: String, brokers: [String], admin: MQClientInstance, dir: TempDirectory)
        async throws
    {
        let out = dir.sub("consumer.jsonl")
        let consumer = try Interop.startCppConsumer(
            python: python, script: Self.script, nameServer: ns, topic: Self.topic, group: Self.group, out: out)
        try await withTeardown {
            try await waitUntil("the C++ consumer to join on both brokers", timeout: .seconds(30)) {
                var joined = 0
                for b in brokers where (try? await admin.consumerIds(group: Self.group, broker: b).count) == 1 {
                    joined += 1
                }
                return joined == brokers.count
            }
            let producer = Producer(group: "pg-status", client: admin)
            let queues = try await producer.writableQueues(topic: Self.topic, refresh: true)
            for mq in queues { _ = try await producer.send(Message(topic: Self.topic, body: "status \(mq)"), to: mq) }
            try await waitUntil("the C++ consumer to take all 4 messages", timeout: .seconds(60)) {
                delivered(out) >= queues.count
            }

            let cli = MQAdminRunner(nameServer: ns, home: dir.sub("home"))
            let r = try cli.json(["group", "status", Self.group, "--stack"])
            #expect(r.result.status == 0, "\(r.result.stderr)")
            let view = try #require(r.value as? [String: Any], "\(r.result.stdout)")
            let member = try #require((view["members"] as? [[String: Any]])?.first)
            #expect(member["answered"] as? Bool == true, "\(member)")
            #expect(member["language"] as? String == "CPP")
            let status = member["status"] as? [String: Any] ?? [:]
            #expect(status["consumeType"] as? String == "CONSUME_PASSIVELY")
            #expect(status["stack"] as? String == "(the client sent no stack)")
            let rows = (status["queues"] as? [[String: Any]] ?? []).filter { $0["topic"] as? String == Self.topic }
            #expect(Set(rows.compactMap { $0["broker"] as? String }) == ["broker-a", "broker-b"], "\(status)")
            #expect(rows.count == 4)

            let id = try #require(member["clientId"] as? String)
            let classic = try cli.run(["consumerStatus", "-g", Self.group, "-i", id])
            #expect(classic.status == 0, "\(classic.stderr)")
            #expect(classic.stdout.hasPrefix("#Consumer Properties#\n"))
            #expect(classic.stdout.contains("#Consumer MQ Detail#"))
            #expect(classic.stdout.contains("PROP_CONSUME_TYPE                       : CONSUME_PASSIVELY"))
        } teardown: {
            try await Interop.stopConsumers([consumer], outs: [out])
        }
    }
}

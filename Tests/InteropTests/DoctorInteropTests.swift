import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Issue 17's acceptance for `group doctor`, with the official C++ client (1.x, rocketmq==0.4.4): on a two-broker
/// cluster of `mqadmin broker start` processes, a C++ push consumer answers RECONSUME_LATER for the messages keyed
/// `poison` and CONSUME_SUCCESS for the others; `group doctor` names that key and that client as the cause of the
/// growing retry lag, with the evidence (reconsume counts, retry topic growth, the client's send-backs).
@Suite(.serialized) struct DoctorInteropTests {
    static let script = TestPaths.packageRoot + "/Tests/InteropTests/python/cpp_client.py"
    static let topic = "TopicDoctor"
    static let group = "CG_DOCTOR"

    @Test func doctorNamesTheCppClientAndTheKeyBehindGrowingRetryLag() async throws {
        let python = try CppClient.v1.python()
        let dir = try TempDirectory("interop-doctor")
        defer { dir.remove() }
        // Every retry comes back after 1 s, so the poison message is retried many times within the test.
        let fast = ["--message-delay-level", Array(repeating: "1s", count: 18).joined(separator: " ")]
        try await withBrokerProcess(dataDirectory: dir.sub("a"), arguments: fast) { a in
            let ns = a.nameServer
            let argsB = ["--role", "broker", "--broker-name", "broker-b", "--namesrv", ns] + fast
            try await withBrokerProcess(dataDirectory: dir.sub("b"), arguments: argsB) { b in
                let admin = Interop.client(ns)
                try await withTeardown {
                    let config = TopicConfig(topicName: Self.topic, readQueueNums: 2, writeQueueNums: 2)
                    for broker in [a.broker, b.broker] { try await admin.createTopic(config, broker: broker) }
                    try await waitUntil("the topic routed to both brokers") {
                        let route = try? await admin.route(topic: Self.topic, refresh: true)
                        return Set(route?.queueDatas.map(\.brokerName) ?? []) == ["broker-a", "broker-b"]
                    }
                    try await diagnose(python: python, ns: ns, admin: admin, brokers: [a.broker, b.broker], dir: dir)
                } teardown: {
                    await admin.shutdown()
                }
            }
        }
    }

    func diagnose(
        python: String, ns: String, admin: MQClientInstance, brokers: [String], dir: TempDirectory
    ) async throws {
        let out = dir.sub("consumed.jsonl")
        let consumer = try Interop.startCppConsumer(
            python: python, script: Self.script, nameServer: ns, topic: Self.topic, group: Self.group, out: out,
            failTag: "key:poison")
        try await withTeardown {
            try await waitUntil("the C++ consumer on both brokers", timeout: .seconds(30)) {
                var n = 0
                for broker in brokers {
                    n += (try? await admin.consumerIds(group: Self.group, broker: broker).count) ?? 0
                }
                return n == 2
            }
            let clientId = try #require(try await admin.consumerIds(group: Self.group, broker: brokers[0]).first)
            let producer = Producer(group: "pg-doctor", client: admin)
            for i in 0..<20 {
                _ = try await producer.send(Message(topic: Self.topic, body: "ok \(i)", keys: ["k\(i)"]))
            }
            _ = try await producer.send(Message(topic: Self.topic, body: "fails", keys: ["poison"]))
            try await waitUntil(
                "the poison message reconsumed 3 times", timeout: .seconds(60), poll: .milliseconds(250)
            ) {
                let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
                return text.split(separator: "\n").contains {
                    $0.contains("\"poison\"") && $0.contains("\"reconsume\": 3")
                }
            }

            let cli = MQAdminRunner(nameServer: ns)
            let (r, value) = try cli.json(["group", "doctor", Self.group, "--interval", "4s"])
            #expect(r.status == 0, "\(r.stderr)")
            let json = try #require(value as? [String: Any], "\(r.stdout)")
            let verdicts = Dictionary(
                (json["verdicts"] as? [[String: Any]] ?? []).map { ($0["check"] as! String, $0) },
                uniquingKeysWith: { x, _ in x })
            let retry = try #require(verdicts["retry-dlq-growth"])
            let summary = retry["summary"] as? String ?? ""
            #expect(retry["severity"] as? String == "WARN", "\(retry)")
            #expect(summary.contains("failing keys poison") && summary.contains("cause: \(clientId)"), "\(retry)")
            let retryEvidence = (retry["evidence"] as? [String] ?? []).joined(separator: "\n")
            #expect(retryEvidence.contains("%RETRY%\(Self.group): max offset"), "\(retryEvidence)")
            #expect(retryEvidence.contains("\(clientId) sent back"), "\(retryEvidence)")
            let failing = try #require(verdicts["failing-message"])
            let failingEvidence = (failing["evidence"] as? [String] ?? []).joined(separator: "\n")
            #expect(failing["severity"] as? String == "WARN", "\(failing)")
            #expect(failingEvidence.contains("keys poison of \(Self.topic): reconsumed"), "\(failingEvidence)")
            #expect(failingEvidence.contains("sent back by \(clientId)"), "\(failingEvidence)")
            // The good messages were consumed once each: no other key fails.
            #expect(!(failing["summary"] as? String ?? "").contains("k1"))
        } teardown: {
            try await Interop.stopConsumers([consumer], outs: [out])
        }
    }
}

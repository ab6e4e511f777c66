import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// `mqadmin message resend --client` to a consumer of the official C++ client (1.x, rocketmq==0.4.4), whose
/// ClientRemotingProcessor does not handle CONSUME_MESSAGE_DIRECTLY: the broker's 10 s wait runs out
/// (CONSUME_MSG_TIMEOUT) and mqadmin says the client did not answer, exit 4. The one test that waits the 10 s.
@Suite(.serialized) struct ResendInteropTests {
    static let script = TestPaths.packageRoot + "/Tests/InteropTests/python/cpp_client.py"

    @Test func resendToACppConsumerReportsThatItDidNotAnswer() async throws {
        let python = try CppClient.v1.python()
        let dir = try TempDirectory("interop-resend")
        defer { dir.remove() }
        try await Interop.withBrokerWithTopic(data: dir.sub("data"), topic: "TopicResend", queues: 1) { broker, admin in
            let out = dir.sub("consumed.jsonl")
            let consumer = try Interop.startCppConsumer(
                python: python, script: Self.script, nameServer: broker.nameServer, topic: "TopicResend",
                group: "CG_RESEND", out: out)
            try await withTeardown {
                try await waitUntil("the C++ consumer to join CG_RESEND", timeout: .seconds(30)) {
                    (try? await admin.consumerIds(group: "CG_RESEND", broker: broker.broker).count) == 1
                }
                let ids = try await admin.consumerIds(group: "CG_RESEND", broker: broker.broker)
                let clientId = try #require(ids.first)
                let sent = try await Producer(group: "PG_RESEND", client: admin).send(
                    Message(topic: "TopicResend", body: "direct"))
                let started = ContinuousClock.now
                let r = try runCommand(
                    TestPaths.mqadmin,
                    ["message", "resend", sent.offsetMsgId, "-g", "CG_RESEND", "--client", clientId,
                     "-n", broker.nameServer],
                    environment: ["HOME": TestHome.path], unset: ["NAMESRV_ADDR", "MQADMIN_CONTEXT"])
                #expect(r.status == 4, "exit \(r.status): \(r.stderr)")
                #expect(r.stdout.isEmpty)
                let lines = r.stderr.split(separator: "\n")
                #expect(lines.count == 1, "\(r.stderr)")
                #expect(r.stderr.contains("client \(clientId) of group CG_RESEND did not answer within 10 s"))
                #expect(r.stderr.contains("the C++ client does not"))
                #expect(started.duration(to: .now) >= .seconds(10))
            } teardown: {
                try await Interop.stopConsumers([consumer], outs: [out])
            }
        }
    }
}

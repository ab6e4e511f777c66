import Foundation
import Logging
import MQClient
import MQProtocol
import MQTestSupport
import NIOPosix
import Testing

/// The acceptance test of `offset show|reset|undo`: offsets committed by the official C++ push consumer.
@Suite(.serialized) struct OffsetResetInteropTests {
    static let script = TestPaths.packageRoot + "/Tests/InteropTests/python/cpp_client.py"

    func produce(_ python: String, _ ns: String, topic: String, count: Int, prefix: String) throws {
        let r = try runCommand(python, [Self.script, "produce", ns, topic, String(count), prefix])
        #expect(r.status == 0, "producer failed: \(r.stderr.suffix(2000))")
        #expect(r.stdout.contains("\"ok\": \(count), \"failed\": 0"), "\(r.stdout.suffix(300))")
    }

    func delivered(_ path: String) -> Int {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    func lag(_ cli: MQAdminRunner, topic: String, group: String) throws -> Int64? {
        let r = try cli.json(["offset", "show", group, "-t", topic])
        #expect(r.result.status == 0, "\(r.result.stderr)")
        return (((r.value as? [String: Any])?["totals"] as? [String: Any])?["lag"] as? NSNumber)?.int64Value
    }

    @Test(arguments: CppClient.allCases)
    func lagAfterCppConsumerThenResetToEarliestThenUndo(client cpp: CppClient) async throws {
        let python = try cpp.python()
        let dir = try TempDirectory("offset-interop")
        defer { dir.remove() }
        try await Interop.withBrokerWithTopic(data: dir.sub("data"), topic: "TopicLag") { broker, admin in
            let cli = MQAdminRunner(nameServer: broker.nameServer, home: dir.sub("home"))
            let (n, m) = (100, 40)

            // The C++ push consumer consumes M messages, then stops (committing its offsets).
            let out = dir.sub("consumer.jsonl")
            let consumer = try Interop.startCppConsumer(
                python: python, script: Self.script, nameServer: broker.nameServer, topic: "TopicLag", group: "CG_LAG",
                out: out)
            try await withTeardown {
                #expect(
                    await eventually(timeout: .seconds(30)) {
                        (try? await admin.consumerIds(group: "CG_LAG", broker: broker.broker).count) == 1
                    })
                try produce(python, broker.nameServer, topic: "TopicLag", count: m, prefix: "first")
                #expect(await eventually(timeout: .seconds(60), every: .milliseconds(250)) { delivered(out) >= m })
            } teardown: {
                try await Interop.stopConsumers([consumer], outs: [out])
            }
            #expect(delivered(out) == m)

            try produce(python, broker.nameServer, topic: "TopicLag", count: n - m, prefix: "second")
            #expect(
                await eventually(timeout: .seconds(10)) {
                    (try? lag(cli, topic: "TopicLag", group: "CG_LAG")) == Int64(n - m)
                })

            let reset = try cli.run(
                ["offset", "reset", "CG_LAG", "-t", "TopicLag", "--to-earliest", "--execute", "--yes"])
            #expect(reset.status == 0, "\(reset.stderr)")
            #expect(try lag(cli, topic: "TopicLag", group: "CG_LAG") == Int64(n))

            let undo = try cli.run(["offset", "undo", "--execute", "--yes"])
            #expect(undo.status == 0, "\(undo.stderr)")
            #expect(try lag(cli, topic: "TopicLag", group: "CG_LAG") == Int64(n - m))
        }
    }
}

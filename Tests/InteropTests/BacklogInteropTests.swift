import Foundation
import Logging
import MQClient
import MQProtocol
import MQTestSupport
import NIOPosix
import Testing

/// Acceptance: the official C++ client produces N messages and its push consumer consumes M of them;
/// `mqadmin backlog report -o json` says the group is N − M behind.
@Suite(.serialized) struct BacklogInteropTests {
    static let script = TestPaths.packageRoot + "/Tests/InteropTests/python/cpp_client.py"

    func produce(_ python: String, _ ns: String, topic: String, count: Int, prefix: String) throws -> Int {
        let r = try runCommand(python, [Self.script, "produce", ns, topic, String(count), prefix])
        #expect(r.status == 0, "producer failed: \(r.stderr.suffix(2000))")
        for line in r.stdout.split(separator: "\n") {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            if obj["done"] != nil {
                #expect(obj["failed"] as? Int == 0)
                return obj["ok"] as? Int ?? 0
            }
        }
        return 0
    }

    func delivered(_ path: String) -> Set<String> {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return Set(
            text.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["key"] as? String
            })
    }

    @Test(arguments: CppClient.allCases)
    func backlogOfACppPushConsumerIsProducedMinusConsumed(client cpp: CppClient) async throws {
        let python = try cpp.python()
        let dir = try TempDirectory("interop-backlog")
        defer { dir.remove() }
        try await Interop.withBrokerWithTopic(data: dir.sub("data"), topic: "TopicBacklog") { broker, admin in
            let n = 400
            let m = 240
            // The C++ push consumer consumes the first M, then leaves (committing its offsets).
            let out = dir.sub("consumed.jsonl")
            let consumer = try Interop.startCppConsumer(
                python: python, script: Self.script, nameServer: broker.nameServer, topic: "TopicBacklog", group: "CG_BACKLOG",
                out: out)
            try await withTeardown {
                #expect(
                    await eventually(timeout: .seconds(30)) {
                        (try? await admin.consumerIds(group: "CG_BACKLOG", broker: broker.broker).count) == 1
                    })
                let produced = try produce(python, broker.nameServer, topic: "TopicBacklog", count: m, prefix: "first")
                #expect(produced == m)
                #expect(
                    await eventually(timeout: .seconds(60), every: .milliseconds(250)) { delivered(out).count == m })
            } teardown: {
                try await Interop.stopConsumers([consumer], outs: [out])
            }
            // The remaining N − M arrive with nobody consuming.
            let second = try produce(python, broker.nameServer, topic: "TopicBacklog", count: n - m, prefix: "second")
            #expect(second == n - m)

            let cli = MQAdminRunner(nameServer: broker.nameServer)
            let r = try cli.run(["backlog", "report", "-g", "CG_BACKLOG", "-o", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let rows = json["rows"] as? [[String: Any]] ?? []
            let row = try #require(rows.first { $0["topic"] as? String == "TopicBacklog" })
            #expect(row["lag"] as? Int == n - m)
            #expect(row["status"] as? String == "NO_CONSUMERS")
            #expect((row["lagMillis"] as? Int ?? -1) >= 0)
            #expect(rows.first { $0["topic"] as? String == "%RETRY%CG_BACKLOG" }?["lag"] as? Int ?? 0 == 0)
            // The table agrees.
            let table = try cli.run(["backlog", "report", "-g", "CG_BACKLOG", "-t", "TopicBacklog"])
            #expect(table.stdout.split(separator: "\n")[1].split(separator: " ").contains(Substring(String(n - m))))
        }
    }
}

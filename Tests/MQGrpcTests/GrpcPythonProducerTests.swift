import Foundation
import MQBroker
import MQProtocol
import MQTestSupport
import Testing

@testable import MQGrpc

/// The official Python v5 Producer (rocketmq-python-client 5.1.2) against the endpoint (design pop-grpc.md §4.10
/// step 3): normal, FIFO, delay and transactional sends land with Apache's properties; a committed transaction is
/// stored, a rolled-back one never; one left open is asked about over Telemetry, the checker's COMMIT stores it.
@Suite struct GrpcPythonProducerTests {
    struct Sent: Decodable {
        var normal: String
        var fifo: [String]
        var delay: String
        var commit: String
        var rollback: String
        var orphan: String
    }

    @Test func pythonProducerSendsEveryTypeAndAnswersTheOrphanCheck() async throws {
        guard FileManager.default.isExecutableFile(atPath: TestPaths.v5Python) else {
            throw TestProcessError(
                "the RocketMQ 5 Python client is missing at \(TestPaths.v5Python); run ./scripts/test.sh, which "
                    + "creates it")
        }
        // Checks of half messages older than 2 s, every 200 ms: the client's born time has whole seconds only, so
        // a shorter timeout could ask about the transactions it is about to end.
        try await GrpcBroker.with(configure: { config in
            config.transactionTimeOutMillis = 2000
            config.transactionCheckIntervalMillis = 200
        }) { broker in
            try broker.createTopic("PY_NORMAL")
            try broker.createTopic("PY_FIFO", type: .fifo)
            try broker.createTopic("PY_DELAY", type: .delay)
            try broker.createTopic("PY_TX", type: .transaction)
            let out = broker.directory.sub("v5.out")
            let stop = broker.directory.sub("v5.stop")
            _ = FileManager.default.createFile(atPath: out, contents: nil)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: TestPaths.v5Python)
            p.arguments = [
                TestPaths.v5Script, "produce", broker.grpcAddress, "PY_NORMAL", "PY_FIFO", "PY_DELAY", "PY_TX", stop,
            ]
            p.standardOutput = FileHandle(forWritingAtPath: out)
            p.standardError = FileHandle.nullDevice
            p.environment = ProcessInfo.processInfo.environment.merging(["HOME": broker.directory.path]) { $1 }
            try p.run()
            defer { if p.isRunning { p.terminate() } }
            func lines() -> [String] {
                ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            }
            func failIfExited() throws {
                guard p.isRunning else {
                    throw TestProcessError("the Python producer exited: \(lines().joined(separator: "\n"))")
                }
            }

            try await waitUntil("the Python producer's sends", timeout: .seconds(30)) {
                if lines().contains(where: { $0.contains("\"sent\"") }) { return true }
                try failIfExited()
                return false
            }
            let sentLine = try #require(lines().first { $0.contains("\"sent\"") })
            let sent = try JSONDecoder().decode(Sent.self, from: Data(sentLine.utf8))

            let normal = try #require(try broker.stored("PY_NORMAL").first)
            #expect(normal.properties.uniqueKey == sent.normal)
            #expect(normal.properties[MessageConst.tags] == "TagA")
            #expect(normal.properties[MessageConst.keys] == "key1")
            #expect(normal.properties["color"] == "blue")

            let fifo = try broker.stored("PY_FIFO")
            #expect(fifo.map(\.properties.uniqueKey) == sent.fifo)
            #expect(fifo.allSatisfy { $0.properties[MessageConst.shardingKey] == "g1" })
            #expect(Set(fifo.map(\.queueId)).count == 1)

            let timer = try broker.stored(SystemTopics.timer, queues: 1)
            let delayed = try #require(timer.first { $0.properties.uniqueKey == sent.delay })
            let deliverAt = try #require(delayed.properties[MessageConst.timerDeliverMS].flatMap { Int64($0) })
            #expect(deliverAt > nowMillis() + 30_000)
            #expect(try broker.stored("PY_DELAY").isEmpty)

            // The open transaction: the broker's check reaches the checker, whose COMMIT stores it.
            try await waitUntil("the orphaned transaction to be checked and committed", timeout: .seconds(30)) {
                try failIfExited()
                return try broker.stored("PY_TX").contains { $0.properties.uniqueKey == sent.orphan }
            }
            #expect(lines().contains { $0.contains("\"checked\"") && $0.contains(sent.orphan) })
            let tx = try broker.stored("PY_TX").map(\.properties.uniqueKey)
            #expect(Set(tx) == [sent.commit, sent.orphan])
            #expect(!tx.contains(sent.rollback))

            // Registered as the producer of its topics, as a Python 5.1.2 client.
            let producer = try #require(broker.core.producers.group("PY_TX").first)
            #expect(producer.language.name == "PYTHON")
            #expect(MQVersion.describe(producer.version) == "V5_1_2")

            _ = FileManager.default.createFile(atPath: stop, contents: nil)
            try await waitForExit(of: p, "the Python producer", timeout: .seconds(30))
            #expect(p.terminationStatus == 0, "\(lines().joined(separator: "\n"))")
        }
    }
}

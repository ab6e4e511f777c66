import Foundation
import MQBroker
import MQProtocol
import MQTestSupport
import Testing

@testable import MQGrpc

extension TestPaths {
    /// The Python with the official RocketMQ 5 client (rocketmq-python-client 5.1.2), made by scripts/test.sh.
    static var v5Python: String { packageRoot + "/.venv-v5/bin/python" }
    static var v5Script: String { packageRoot + "/Tests/InteropTests/python/v5_client.py" }
}

/// The official Python v5 client (gRPC) against the endpoint: a Producer and a PushConsumer start (the push
/// consumer only once it got the server's settings), heartbeat, and shut down with NotifyClientTermination.
@Suite struct GrpcPythonInteropTests {
    struct Started: Decodable {
        var event: String
        var producer_max_body_size: Int
        var producer_validate_message_type: Bool
        var consumer_long_polling_timeout: Int
        var consumer_fifo: Bool
    }

    /// With `auth`, the broker checks the client's signatures (its own x-mq-date-time, signed with the password).
    @Test(arguments: [false, true]) func producerAndPushConsumerStartAndShutDownCleanly(auth: Bool) async throws {
        guard FileManager.default.isExecutableFile(atPath: TestPaths.v5Python) else {
            throw TestProcessError(
                "the RocketMQ 5 Python client is missing at \(TestPaths.v5Python); run ./scripts/test.sh, which "
                    + "creates it")
        }
        try await GrpcBroker.with(auth: auth) { broker in
            try broker.createTopic("PY_TOPIC")
            let out = broker.directory.sub("v5.out")
            let stop = broker.directory.sub("v5.stop")
            _ = FileManager.default.createFile(atPath: out, contents: nil)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: TestPaths.v5Python)
            p.arguments = [TestPaths.v5Script, "lifecycle", broker.grpcAddress, "PY_TOPIC", "PY_GROUP", stop]
            p.standardOutput = FileHandle(forWritingAtPath: out)
            p.standardError = FileHandle.nullDevice
            // The client logs under $HOME/logs; keep that in the test's directory.
            var environment = ["HOME": broker.directory.path]
            if auth {
                environment["V5_ACCESS_KEY"] = GrpcBroker.adminUser
                environment["V5_SECRET_KEY"] = GrpcBroker.adminPassword
            }
            p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            try p.run()
            defer { if p.isRunning { p.terminate() } }
            func lines() -> [String] {
                ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            }

            try await waitUntil("the Python producer and push consumer to start", timeout: .seconds(30)) {
                if lines().contains(where: { $0.contains("\"started\"") }) { return true }
                if !p.isRunning {
                    throw TestProcessError("the Python v5 client exited: \(lines().joined(separator: "\n"))")
                }
                return false
            }
            let startedLine = try #require(lines().first { $0.contains("\"started\"") })
            let started = try JSONDecoder().decode(Started.self, from: Data(startedLine.utf8))
            // What each client applied from the settings replies.
            #expect(started.producer_max_body_size == broker.core.config.store.maxMessageSize)
            #expect(started.producer_validate_message_type)
            #expect(started.consumer_long_polling_timeout == 20)
            #expect(!started.consumer_fifo)

            // Registered by their settings; then the first heartbeats (1 s after start, every 10 s; a loaded machine
            // can miss the first).
            try await waitUntil("both clients' heartbeats", timeout: .seconds(40)) {
                let clients = broker.endpoint.clients.values
                return clients.count == 2 && clients.allSatisfy { $0.heartbeats >= 1 }
            }
            let consumers = try #require(broker.core.consumers.group("PY_GROUP"))
            #expect(consumers.channels.count == 1)
            #expect(consumers.channels.values.first?.language.name == "PYTHON")
            #expect(broker.core.producers.group("PY_TOPIC").count == 1)

            _ = FileManager.default.createFile(atPath: stop, contents: nil)
            try await waitForExit(of: p, "the Python v5 client", timeout: .seconds(30))
            #expect(p.terminationStatus == 0, "\(lines().joined(separator: "\n"))")
            #expect(lines().contains { $0.contains("\"stopped\"") })
            // NotifyClientTermination took both out of the broker's tables at once.
            #expect(broker.endpoint.clients.isEmpty)
            #expect(broker.core.consumers.group("PY_GROUP")?.channels.isEmpty ?? true)
            #expect(broker.core.producers.group("PY_TOPIC").isEmpty)
        }
    }
}

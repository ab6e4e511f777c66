import Foundation
import Logging
import MQClient
import MQProtocol
import NIOPosix

/// Set-up shared by the tests that drive the official C++ client against `mqadmin broker start`.
public enum Interop {
    /// Fails loudly when the test Python (with rocketmq==0.4.4) is missing, never skips.
    public static func requirePython() throws {
        guard FileManager.default.isExecutableFile(atPath: TestPaths.python) else {
            throw TestProcessError(
                "the interop Python is missing at \(TestPaths.python); run ./scripts/test.sh, which creates it")
        }
    }

    /// A client that only logs errors.
    public static func client(_ nameServer: String) -> MQClientInstance {
        var logger = Logger(label: "interop")
        logger.logLevel = .error
        return MQClientInstance(
            nameServers: [nameServer], group: MultiThreadedEventLoopGroup.singleton, timeout: .seconds(10),
            logger: logger)
    }

    /// Starts a broker process on `data`, creates `topic` with `queues` queues and waits for its route.
    public static func brokerWithTopic(
        data: String, topic: String, queues: Int32 = 4, arguments: [String] = []
    ) async throws -> (broker: BrokerProcess, admin: MQClientInstance) {
        try requirePython()
        let broker = try BrokerProcess(dataDirectory: data, arguments: arguments)
        try await broker.waitUntilReady()
        let admin = client(broker.nameServer)
        try await admin.createTopic(
            TopicConfig(topicName: topic, readQueueNums: queues, writeQueueNums: queues), broker: broker.broker)
        guard await eventually(timeout: .seconds(10), { (try? await admin.route(topic: topic, refresh: true)) != nil })
        else { throw TestProcessError("topic \(topic) never got a route") }
        return (broker, admin)
    }

    /// Starts a broker process on `data`, creates `topic` with `queues` queues, waits for its route and runs
    /// `body` with the broker and an admin client; then shuts the client down and stops the broker, awaited,
    /// whether `body` returned or threw.
    public static func withBrokerWithTopic<T>(
        isolation: isolated (any Actor)? = #isolation,
        data: String, topic: String, queues: Int32 = 4, arguments: [String] = [],
        _ body: (_ broker: BrokerProcess, _ admin: MQClientInstance) async throws -> T
    ) async throws -> T {
        try requirePython()
        return try await withBrokerProcess(dataDirectory: data, arguments: arguments) { broker in
            let admin = client(broker.nameServer)
            return try await withTeardown {
                try await admin.createTopic(
                    TopicConfig(topicName: topic, readQueueNums: queues, writeQueueNums: queues), broker: broker.broker)
                try await waitUntil("topic \(topic) to get a route", timeout: .seconds(10)) {
                    (try? await admin.route(topic: topic, refresh: true)) != nil
                }
                return try await body(broker, admin)
            } teardown: {
                await admin.shutdown()
            }
        }
    }
}

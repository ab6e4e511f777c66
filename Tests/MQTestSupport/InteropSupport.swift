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

    /// Waits at most `timeout` for `process` to exit; kills it (SIGKILL) if it has not. True when it exited by
    /// itself. The official C++ push consumer can wedge inside a rebalance (a thread holding its client's
    /// table lock sleeps waiting for a pull its busy network threads never process; heartbeats and
    /// `shutdown()` then block on that lock forever), so no test waits for a C++ client without a deadline.
    @discardableResult
    public static func waitForExit(_ process: Process, within timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { usleep(20_000) }
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
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
}

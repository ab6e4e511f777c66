import Foundation
import Logging
import MQClient
import MQProtocol
import NIOPosix

/// Set-up shared by the tests that drive the official C++ client against `mqadmin broker start`.
public enum Interop {
    /// Fails loudly when the test Python (with rocketmq==0.4.4) is missing, never skips; ``CppClient/python()``
    /// does the same for each client generation.
    public static func requirePython() throws {
        guard FileManager.default.isExecutableFile(atPath: TestPaths.python) else {
            throw TestProcessError(
                "the interop Python is missing at \(TestPaths.python); run ./scripts/test.sh, which creates it")
        }
    }

    /// Asks the `cpp_client.py consume` peers writing to `outs` to stop (a `.stop` file beside each output) and
    /// waits for each to exit. One still running after `timeout` is killed and the call throws, naming it, instead
    /// of hanging the test run.
    ///
    /// With `toleratingShutdownDeadlock`, a peer still running after `timeout` is killed and reported on stdout
    /// instead: the official C++ client (0.4.4) can deadlock in its shutdown when a NOTIFY_CONSUMER_IDS_CHANGED
    /// (another member leaving) arrives meanwhile: the rebalance it starts (`RebalancePush::updateRequestTableIn
    /// Rebalance`, sleeping in a loop) holds `MQClientFactory`'s lock while it waits for an in-flight pull that the
    /// shutdown stopped, and the shutdown (`eraseConsumerFromTable`) waits for that lock; later C++ clients drop the
    /// in-flight mark instead of waiting. Apache's broker sends the same notification, so this is the client's
    /// defect, not the broker's; it is tolerated only for groups of several members, stopped after the test's
    /// checks, where nothing depends on the offsets the shutdown commits.
    public static func stopConsumers(
        _ processes: [Process], outs: [String], timeout: Duration = .seconds(60),
        toleratingShutdownDeadlock: Bool = false
    ) async throws {
        for out in outs { _ = FileManager.default.createFile(atPath: out + ".stop", contents: nil) }
        var failures: [any Error] = []
        for process in processes {
            do {
                try await MQTestSupport.waitForExit(
                    of: process, "C++ consumer pid \(process.processIdentifier)", timeout: timeout)
                // A consumer that crashes in its shutdown never commits its last offsets (librocketmq 2.1.0 did,
                // see cpp_compat.py): a failure, not a clean stop.
                if process.terminationReason == .uncaughtSignal {
                    failures.append(
                        TestProcessError(
                            "C++ consumer pid \(process.processIdentifier) died of signal \(process.terminationStatus) "
                                + "in its shutdown"))
                }
            } catch {
                if toleratingShutdownDeadlock {
                    print("C++ consumer pid \(process.processIdentifier) hung in its shutdown (the C++ client's known "
                        + "deadlock); killed: \(error)")
                } else {
                    failures.append(error)
                }
            }
        }
        if let first = failures.first { throw first }
    }

    /// Starts `script consume NAMESRV TOPIC GROUP OUT 300 [FAIL_TAG [MAX_RECONSUME]]` (a C++ push consumer of
    /// cpp_client.py) with `python`, the interpreter of one ``CppClient`` generation, in the background; it appends
    /// one JSON line per delivery to `out` until ``stopConsumers(_:outs:timeout:toleratingShutdownDeadlock:)``.
    public static func startCppConsumer(
        python: String, script: String, nameServer: String, topic: String, group: String, out: String,
        failTag: String? = nil, maxReconsume: Int? = nil
    ) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        var arguments = [script, "consume", nameServer, topic, group, out, "300"]
        if let failTag { arguments.append(failTag) }
        if let maxReconsume {
            precondition(failTag != nil, "the script takes MAX_RECONSUME after FAIL_TAG")
            arguments.append(String(maxReconsume))
        }
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        try p.run()
        return p
    }

    /// A client that only logs errors.
    public static func client(_ nameServer: String) -> MQClientInstance {
        var logger = Logger(label: "interop")
        logger.logLevel = .error
        return MQClientInstance(
            nameServers: [nameServer], group: MultiThreadedEventLoopGroup.singleton, timeout: .seconds(10),
            logger: logger)
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

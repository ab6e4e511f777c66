import Foundation
import MQProtocol
import MQTestSupport
import Testing

@testable import MQBroker
@testable import MQGrpc

/// One run of Tests/InteropTests/python/v5_client.py (the official Python 5.1.2 client) against a test broker: its
/// JSON lines read from a file, the process killed if the test ends first.
struct PythonV5Peer {
    let process: Process
    let out: String
    let stop: String

    init(_ broker: GrpcBroker, _ arguments: [String], name: String) throws {
        try self.init(in: broker.directory, arguments, name: name)
    }

    /// A run whose files live in `directory` (a test with broker processes rather than an in-process broker).
    init(in directory: TempDirectory, _ arguments: [String], name: String) throws {
        guard FileManager.default.isExecutableFile(atPath: TestPaths.v5Python) else {
            throw TestProcessError(
                "the RocketMQ 5 Python client is missing at \(TestPaths.v5Python); run ./scripts/test.sh, which "
                    + "creates it")
        }
        out = directory.sub("\(name).out")
        stop = directory.sub("\(name).stop")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.v5Python)
        process.arguments = [TestPaths.v5Script] + arguments.map { $0 == "STOP_FILE" ? stop : $0 }
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = FileHandle.nullDevice
        process.environment = ProcessInfo.processInfo.environment.merging(["HOME": directory.path]) { $1 }
        try process.run()
    }

    func kill() { if process.isRunning { process.terminate() } }

    var lines: [String] {
        ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// The first line of `event`, decoded; fails as soon as the process exits without it.
    func event<T: Decodable>(_ event: String, as type: T.Type, timeout: Duration = .seconds(30)) async throws -> T {
        let marker = "\"event\": \"\(event)\""
        try await waitUntil("the Python client's \(event) line", timeout: timeout) {
            if lines.contains(where: { $0.contains(marker) }) { return true }
            guard process.isRunning else {
                throw TestProcessError("the Python client exited: \(lines.joined(separator: "\n"))")
            }
            return false
        }
        let line = try #require(lines.first { $0.contains(marker) })
        return try JSONDecoder().decode(T.self, from: Data(line.utf8))
    }

    /// Lets the client shut down (NotifyClientTermination) and waits for it to exit.
    func finish() async throws -> Int32 {
        _ = FileManager.default.createFile(atPath: stop, contents: nil)
        try await waitForExit(of: process, "the Python client", timeout: .seconds(30))
        return process.terminationStatus
    }
}

/// The official Python v5 consumers against the endpoint (design pop-grpc.md §4.10 step 4).
@Suite struct GrpcPythonConsumerTests {
    struct Consumed: Decodable {
        var sent: [String]
        var received: [String]
        var attempts: [Int]
        var bodies: [String]
        var fifo: Bool?
    }

    @Test(.timeLimit(.minutes(2))) func simpleConsumerReceivesAndAcksEverything() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("PY_SIMPLE")
            let peer = try PythonV5Peer(
                broker, ["simple", broker.grpcAddress, "PY_SIMPLE", "py-simple-g", "5", "STOP_FILE"], name: "simple")
            defer { peer.kill() }
            let consumed = try await peer.event("consumed", as: Consumed.self, timeout: .seconds(60))
            #expect(Set(consumed.received) == Set(consumed.sent))
            #expect(consumed.received.count == 5, "each message once: \(consumed.received)")
            #expect(consumed.attempts.allSatisfy { $0 == 1 })
            #expect(consumed.bodies.sorted() == (0..<5).map { "simple-\($0)" })
            // Every ack reached the broker: nothing in flight for the group.
            #expect(broker.core.popState.withLockedValue { $0.count } == 0)
            #expect(broker.core.consumers.group("py-simple-g") != nil)
            #expect(try await peer.finish() == 0, "\(peer.lines.joined(separator: "\n"))")
        }
    }

    /// The PushConsumer: settings reply, QueryAssignment (queue -1), receive loops with auto-renew, acks; a committed
    /// transaction is delivered like the rest.
    @Test(.timeLimit(.minutes(2))) func pushConsumerConsumesNormalAndCommittedTransactionalMessages() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("PY_PUSH")
            try broker.createTopic("PY_PUSH_TX", type: .transaction)
            let peer = try PythonV5Peer(
                broker, ["push", broker.grpcAddress, "PY_PUSH", "PY_PUSH_TX", "py-push-g", "5", "STOP_FILE"],
                name: "push")
            defer { peer.kill() }
            let consumed = try await peer.event("consumed", as: Consumed.self, timeout: .seconds(60))
            #expect(consumed.sent.count == 6)
            #expect(Set(consumed.received) == Set(consumed.sent))
            #expect(consumed.attempts.allSatisfy { $0 == 1 })
            #expect(consumed.bodies.sorted() == (0..<5).map { "push-\($0)" } + ["push-tx"])
            // Every ack reached the broker (the client acks right after its listener returns).
            try await waitUntil("the acks of every consumed message") {
                broker.core.popState.withLockedValue { $0.count } == 0
            }
            #expect(try await peer.finish() == 0, "\(peer.lines.joined(separator: "\n"))")
        }
    }

    /// An orderly group (`consumeMessageOrderly`): the client selects FIFO consumption from the settings reply, and
    /// each message group's messages are consumed in the order they were sent.
    @Test(.timeLimit(.minutes(2))) func fifoPushConsumerConsumesEachMessageGroupInOrder() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("PY_FIFO_C", read: 2, write: 2, type: .fifo)
            var group = SubscriptionGroupConfig(groupName: "py-fifo-g")
            group.consumeMessageOrderly = true
            try broker.core.groups.update(group)
            let peer = try PythonV5Peer(
                broker, ["fifo", broker.grpcAddress, "PY_FIFO_C", "py-fifo-g", "STOP_FILE"], name: "fifo")
            defer { peer.kill() }
            let consumed = try await peer.event("consumed", as: Consumed.self, timeout: .seconds(60))
            #expect(consumed.fifo == true)
            #expect(Set(consumed.received) == Set(consumed.sent))
            for g in ["a", "b", "c"] {
                let order = consumed.bodies.filter { $0.hasPrefix("\(g)-") }
                #expect(order == (0..<5).map { "\(g)-\($0)" }, "message group \(g): \(consumed.bodies)")
            }
            try await waitUntil("the acks of every consumed message") {
                broker.core.popState.withLockedValue { $0.count } == 0
            }
            #expect(try await peer.finish() == 0, "\(peer.lines.joined(separator: "\n"))")
        }
    }

    /// Never acked (1 s invisible time, the broker's minimum lowered for the test): the message comes back with
    /// delivery attempt 2, and with the group's retryMaxTimes 1 the next expiry moves it to `%DLQ%group`.
    @Test(.timeLimit(.minutes(2))) func unackedMessageComesBackThenEndsInTheDeadLetterTopic() async throws {
        try await GrpcBroker.with(configure: { $0.pop.minInvisibleTimeMillis = 1_000 }) { broker in
            try broker.createTopic("PY_AGAIN")
            var group = SubscriptionGroupConfig(groupName: "py-again-g")
            group.retryMaxTimes = 1
            try broker.core.groups.update(group)
            let peer = try PythonV5Peer(
                broker, ["redeliver", broker.grpcAddress, "PY_AGAIN", "py-again-g", "STOP_FILE"], name: "again")
            defer { peer.kill() }
            let consumed = try await peer.event("consumed", as: Consumed.self, timeout: .seconds(60))
            #expect(consumed.received == consumed.sent + consumed.sent)
            #expect(consumed.attempts == [1, 2])
            #expect(consumed.bodies == ["again", "again"])
            let dlq = SystemTopics.dlqTopic("py-again-g")
            try await waitUntil("the message in \(dlq)", timeout: .seconds(30), poll: .milliseconds(100)) {
                guard broker.core.topics.topic(dlq) != nil else { return false }
                return try !broker.stored(dlq).isEmpty
            }
            #expect(try broker.stored(dlq).map(\.properties.uniqueKey) == consumed.sent)
            #expect(try await peer.finish() == 0, "\(peer.lines.joined(separator: "\n"))")
        }
    }

    struct Holding: Decodable {
        var message_id: String
    }

    /// Auto-renew, shortened: 2 s invisible, renewed when 1 s is left (scanned every 200 ms) for 60 s.
    static var shortRenew: GrpcRenewPolicy {
        var renew = GrpcRenewPolicy()
        renew.invisibleMillis = 2_000
        renew.aheadMillis = 1_000
        renew.periodMillis = 200
        renew.steps = [60_000]
        return renew
    }

    /// A push consumer holds a message past its first invisible time (2 s): the endpoint renews its handle, the
    /// message is delivered once, and the client's ack (with the handle it got, which the renewal replaced) acks it.
    @Test(.timeLimit(.minutes(2))) func pushConsumerHoldingAMessageHasItRenewedAndAckedOnce() async throws {
        try await GrpcBroker.with(renew: Self.shortRenew, configure: { $0.pop.minInvisibleTimeMillis = 1_000 }) {
            broker in
            try broker.createTopic("PY_HOLD", read: 1, write: 1)
            let peer = try PythonV5Peer(
                broker, ["hold", broker.grpcAddress, "PY_HOLD", "py-hold-g", "STOP_FILE"], name: "hold")
            defer { peer.kill() }
            _ = try await peer.event("holding", as: Holding.self, timeout: .seconds(60))
            try await waitUntil("the held message's handle renewed", timeout: .seconds(10)) {
                broker.renewals(group: "py-hold-g").contains { $0 >= 1 }
            }
            // The case the renewal is for: the handle the client got has expired while the message is still held.
            let delivered = try #require(
                broker.endpoint.state.handles.snapshot.first { $0.key.group == "py-hold-g" }?.value.delivered)
            let firstExpiry = delivered + Self.shortRenew.invisibleMillis
            try await waitUntil("the first invisible time over", timeout: .seconds(10)) { nowMillis() > firstExpiry }
            // Past it, the broker does not count the message due for redelivery: the renewal moved it.
            #expect(broker.core.popState.withLockedValue { $0.due(now: nowMillis(), limit: 8) }.isEmpty)
            _ = FileManager.default.createFile(atPath: peer.stop + ".release", contents: nil)
            let consumed = try await peer.event("consumed", as: Consumed.self, timeout: .seconds(30))
            #expect(consumed.received == consumed.sent, "delivered once: \(consumed.received)")
            #expect(consumed.attempts == [1])
            try await waitUntil("the ack of the renewed message") {
                broker.core.popState.withLockedValue { $0.count } == 0 && broker.endpoint.state.handles.count == 0
            }
            // Never revived meanwhile: nothing went to the retry topic.
            let retry = PopTopics.retryTopic(group: "py-hold-g", topic: "PY_HOLD")
            #expect(try broker.core.topics.topic(retry) == nil || broker.stored(retry).isEmpty)
            #expect(try await peer.finish() == 0, "\(peer.lines.joined(separator: "\n"))")
        }
    }

    /// A push consumer killed while it holds a renewed message (60 s invisible now): its Telemetry stream ends, the
    /// endpoint gives the handle back with a short invisible time, and another consumer gets the message long before
    /// the renewed invisible time ends.
    @Test(.timeLimit(.minutes(2))) func handlesOfAVanishedPushConsumerComeBackPromptly() async throws {
        try await GrpcBroker.with(renew: Self.shortRenew, configure: { $0.pop.minInvisibleTimeMillis = 1_000 }) {
            broker in
            try broker.createTopic("PY_GONE", read: 1, write: 1)
            let holder = try PythonV5Peer(
                broker, ["hold", broker.grpcAddress, "PY_GONE", "py-gone-g", "STOP_FILE"], name: "gone")
            defer { holder.kill() }
            _ = try await holder.event("holding", as: Holding.self, timeout: .seconds(60))
            try await waitUntil("the held message's handle renewed", timeout: .seconds(10)) {
                broker.renewals(group: "py-gone-g").contains { $0 >= 1 }
            }
            kill(holder.process.processIdentifier, SIGKILL)
            try await waitForExit(of: holder.process, "the killed push consumer", timeout: .seconds(10))
            try await waitUntil("the vanished client's handle released", timeout: .seconds(10)) {
                broker.endpoint.state.handles.count == 0
            }
            let again = try PythonV5Peer(
                broker, ["receive", broker.grpcAddress, "PY_GONE", "py-gone-g", "0", "1", "1", "10"], name: "again")
            defer { again.kill() }
            // Well under the 60 s the renewal gave it: the release brought it back.
            let received = try await again.event("consumed", as: Consumed.self, timeout: .seconds(30))
            #expect(received.bodies == ["held"])
            // Attempt 2, or 3 when a receive the killed client left parked in the broker took the message first (the
            // endpoint tracks that delivery for the vanished client too, and gives it back at its next scan).
            #expect(received.attempts == [2] || received.attempts == [3], "\(received.attempts)")
        }
    }
}

extension GrpcBroker {
    /// How often each handle the endpoint renews for `group` was renewed.
    func renewals(group: String) -> [Int] {
        endpoint.state.handles.snapshot.filter { $0.key.group == group }.map(\.value.renewals)
    }
}

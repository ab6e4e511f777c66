import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Issue 16's acceptance with the official C++ client (1.x, rocketmq==0.4.4): on a two-broker cluster of
/// `mqadmin broker start` processes, `broker drain broker-a --wait` while a C++ producer keeps sending returns once
/// broker-a's put TPS is 0, the producer's sends then land on broker-b only, and `broker undrain broker-a` brings
/// them back to broker-a. The C++ client re-reads routes every 30 s (MQClientFactory::updateTopicRouteInfo), so
/// each switch takes up to 30 s: the deadlines below allow it.
@Suite(.serialized) struct DrainInteropTests {
    static let script = TestPaths.packageRoot + "/Tests/InteropTests/python/cpp_client.py"
    static let topic = "TopicDrain"
    static let queues: Int32 = 2

    /// The topic's max offset in each of `broker`'s queues, by queue id.
    func offsets(_ admin: MQClientInstance, _ broker: String) async throws -> [Int32: Int64] {
        var result: [Int32: Int64] = [:]
        for id in 0..<Self.queues {
            result[id] = try await admin.maxOffset(MessageQueue(topic: Self.topic, brokerName: broker, queueId: id))
        }
        return result
    }

    func stored(_ admin: MQClientInstance, _ broker: String) async throws -> Int64 {
        try await offsets(admin, broker).values.reduce(0, +)
    }

    /// The keys of the messages stored on `broker` from `offsets` on.
    func keysStored(
        _ admin: MQClientInstance, _ broker: String, from offsets: [Int32: Int64]
    ) async throws -> Set<String> {
        var keys = Set<String>()
        for (id, start) in offsets {
            let queue = MessageQueue(topic: Self.topic, brokerName: broker, queueId: id)
            var next = start
            while true {
                let r = try await admin.pull(group: "inspect-drain", queue: queue, offset: next)
                keys.formUnion(r.messages.flatMap(\.keys))
                guard !r.messages.isEmpty, r.nextBeginOffset > next else { break }
                next = r.nextBeginOffset
            }
        }
        return keys
    }

    /// The lines of `path`: the C++ producer's acknowledged keys in order, or its JSON summary lines.
    func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Runs the built `mqadmin` (a private HOME, no NAMESRV_ADDR or MQADMIN_CONTEXT from the developer) in the
    /// background, its output in files under `dir`, and waits for it at most `timeout`: one still running then is
    /// killed and the call throws.
    func mqadmin(_ args: [String], dir: TempDirectory, name: String, timeout: Duration) async throws -> CommandResult {
        let (out, err) = (dir.sub(name + ".out"), dir.sub(name + ".err"))
        for path in [out, err] { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestPaths.mqadmin)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = TestHome.path
        env["NAMESRV_ADDR"] = nil
        env["MQADMIN_CONTEXT"] = nil
        p.environment = env
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try p.run()
        try await waitForExit(of: p, "mqadmin \(args.joined(separator: " "))", timeout: timeout)
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return CommandResult(status: p.terminationStatus, stdout: read(out), stderr: read(err))
    }

    @Test func cppProducerLeavesADrainedBrokerAndComesBackAfterUndrain() async throws {
        let python = try CppClient.v1.python()
        let dir = try TempDirectory("interop-drain")
        defer { dir.remove() }
        try await withBrokerProcess(dataDirectory: dir.sub("a")) { a in
            let ns = a.nameServer
            let argsB = ["--role", "broker", "--broker-name", "broker-b", "--namesrv", ns]
            try await withBrokerProcess(dataDirectory: dir.sub("b"), arguments: argsB) { b in
                let admin = Interop.client(ns)
                try await withTeardown {
                    let config = TopicConfig(
                        topicName: Self.topic, readQueueNums: Self.queues, writeQueueNums: Self.queues)
                    for broker in [a.broker, b.broker] { try await admin.createTopic(config, broker: broker) }
                    try await waitUntil("the topic routed to both brokers") {
                        let route = try? await admin.route(topic: Self.topic, refresh: true)
                        return Set(route?.queueDatas.map(\.brokerName) ?? []) == ["broker-a", "broker-b"]
                    }
                    try await drainAndUndrain(python: python, ns: ns, admin: admin, dir: dir)
                } teardown: {
                    await admin.shutdown()
                }
            }
        }
    }

    func drainAndUndrain(python: String, ns: String, admin: MQClientInstance, dir: TempDirectory) async throws {
        // produce-for: sync sends 20 ms apart until the .stop file appears (150 s at most), one acknowledged key
        // per line in `sent`, a final JSON line with the counts on stdout.
        let sent = dir.sub("sent.txt")
        let summary = dir.sub("producer.out")
        for path in [sent, summary] { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let producer = Process()
        producer.executableURL = URL(fileURLWithPath: python)
        producer.arguments = [Self.script, "produce-for", ns, Self.topic, "150", "drain", sent, "20"]
        producer.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: summary))
        producer.standardError = FileHandle.nullDevice
        try producer.run()
        let stopProducer: () async throws -> Void = {
            _ = FileManager.default.createFile(atPath: sent + ".stop", contents: nil)
            try await waitForExit(of: producer, "C++ producer pid \(producer.processIdentifier)", timeout: .seconds(20))
        }
        try await withTeardown {
            try await waitUntil("C++ sends to reach both brokers", timeout: .seconds(30), poll: .milliseconds(200)) {
                let onA = (try? await stored(admin, "broker-a")) ?? 0
                let onB = (try? await stored(admin, "broker-b")) ?? 0
                return onA > 0 && onB > 0
            }

            // Drain: returns once no name server routes writes to broker-a and its put TPS has been 0 for 3 s.
            let started = ContinuousClock.now
            let drain = try await mqadmin(
                ["broker", "drain", "broker-a", "--wait", "--wait-timeout", "75s", "-o", "json", "-n", ns],
                dir: dir, name: "drain", timeout: .seconds(90))
            let drainTook = ContinuousClock.now - started
            #expect(drain.status == 0, "\(drain.stderr)")
            let view = try #require(try JSONSerialization.jsonObject(with: Data(drain.stdout.utf8)) as? [String: Any])
            #expect(view["safeToStop"] as? Bool == true && view["putTps"] as? Double == 0, "\(view)")
            #expect(drain.stderr.contains("draining broker-a: writes routed by no name server; put TPS 0.0"))

            // Drained: the producer goes on, every send acknowledged from now on is stored on broker-b.
            let (a0, b0) = (try await stored(admin, "broker-a"), try await offsets(admin, "broker-b"))
            // A send in flight while b0 was read may sit below b0: keys from the second one after `mark` on were
            // sent after b0 was read.
            let mark = lines(sent).count
            try await waitUntil("20 more C++ sends", timeout: .seconds(20), poll: .milliseconds(100)) {
                lines(sent).count >= mark + 21
            }
            let after = Set(lines(sent).dropFirst(mark + 1))
            #expect(try await stored(admin, "broker-a") == a0, "broker-a stored sends after the drain")
            let onB = try await keysStored(admin, "broker-b", from: b0)
            let missing = after.subtracting(onB)
            #expect(missing.isEmpty, "\(missing.count) of \(after.count) sends after the drain not on broker-b")

            // Undrained: the producer's next route refresh (at most 30 s) sends to broker-a again.
            let undo = try await mqadmin(
                ["broker", "undrain", "broker-a", "-n", ns], dir: dir, name: "undrain", timeout: .seconds(30))
            #expect(undo.status == 0 && undo.stdout.contains("writes allowed"), "\(undo.stdout) \(undo.stderr)")
            let undone = ContinuousClock.now
            try await waitUntil("C++ sends to reach broker-a again", timeout: .seconds(45), poll: .milliseconds(200)) {
                (try? await stored(admin, "broker-a")) ?? 0 > a0
            }
            let backTook = ContinuousClock.now - undone

            try await stopProducer()
            let done = lines(summary).compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }.first { $0["done"] != nil }
            #expect(done?["failed"] as? Int == 0 && (done?["ok"] as? Int ?? 0) > 0, "\(done ?? [:])")
            print("drain interop: drain --wait returned after \(drainTook), broker-a written again \(backTook) "
                + "after undrain; C++ sends \(done?["ok"] ?? "?") acknowledged, \(done?["failed"] ?? "?") failed")
        } teardown: {
            try await stopProducer()
        }
    }
}

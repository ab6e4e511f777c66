import Foundation
import Logging
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import NIOPosix
import Testing

/// The official Apache RocketMQ C++ client against `mqadmin broker start`, each scenario with both client
/// generations (``CppClient``: 1.x from PyPI rocketmq==0.4.4, 2.1.0 from rocketmq-python-cvs==2.1.0.3).
@Suite(.serialized) struct CppClientInteropTests {
    static let script = TestPaths.packageRoot + "/Tests/InteropTests/python/cpp_client.py"

    func client(_ ns: String) -> MQClientInstance { Interop.client(ns) }

    /// Starts `cpp_client.py consume ...` with `python` in the background.
    func startConsumer(
        _ python: String, _ ns: String, topic: String, group: String, out: String, failTag: String? = nil,
        maxReconsume: Int? = nil
    ) throws -> Process {
        try Interop.startCppConsumer(
            python: python, script: Self.script, nameServer: ns, topic: topic, group: group, out: out,
            failTag: failTag, maxReconsume: maxReconsume)
    }

    struct Delivery: Decodable {
        var key: String
        var tags: String?
        var topic: String
        var reconsume: Int
        var pid: Int
    }

    func deliveries(_ paths: [String]) -> [Delivery] {
        paths.flatMap { path -> [Delivery] in
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Delivery.self, from: Data($0.utf8)) }
        }
    }

    func produceWithCpp(
        _ python: String, _ ns: String, topic: String, count: Int, prefix: String
    ) throws -> (ok: Int, failed: Int, keys: Set<String>) {
        let r = try runCommand(python, [Self.script, "produce", ns, topic, String(count), prefix])
        #expect(r.status == 0, "producer failed: \(r.stderr.suffix(2000))")
        var keys = Set<String>()
        var ok = 0
        var failed = -1
        for line in r.stdout.split(separator: "\n") {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            if let k = obj["sent"] as? String { keys.insert(k) }
            if obj["done"] != nil {
                ok = obj["ok"] as? Int ?? 0
                failed = obj["failed"] as? Int ?? -1
            }
        }
        return (ok, failed, keys)
    }

    @Test(arguments: CppClient.allCases)
    func tenThousandMessagesFromAllSendModesReachTwoPushConsumers(client cpp: CppClient) async throws {
        let python = try cpp.python()
        let dir = try TempDirectory("interop")
        defer { dir.remove() }
        try await Interop.withBrokerWithTopic(data: dir.sub("data"), topic: "TopicInterop") { broker, admin in
            let outs = [dir.sub("c1.jsonl"), dir.sub("c2.jsonl")]
            let consumers = try outs.map {
                try startConsumer(python, broker.nameServer, topic: "TopicInterop", group: "CG_INTEROP", out: $0)
            }
            try await withTeardown {
                #expect(
                    await eventually(timeout: .seconds(30)) {
                        (try? await admin.consumerIds(group: "CG_INTEROP", broker: broker.broker).count) == 2
                    })

                let produced = try produceWithCpp(
                    python, broker.nameServer, topic: "TopicInterop", count: 10_000, prefix: "ten")
                #expect(produced.ok == 10_000 && produced.failed == 0)
                #expect(produced.keys.count == 10_000)

                let allDelivered = await eventually(timeout: .seconds(120), every: .milliseconds(500)) {
                    Set(deliveries(outs).map(\.key)).isSuperset(of: produced.keys)
                }
                let got = deliveries(outs)
                let missing = produced.keys.subtracting(got.map(\.key))
                #expect(allDelivered, "missing \(missing.count) keys, e.g. \(missing.prefix(5))")
                // Clustering: both members received a share.
                #expect(Set(got.map(\.pid)).count == 2)
                // Tags and topic survive the trip.
                #expect(got.allSatisfy { $0.topic == "TopicInterop" && ($0.tags ?? "").hasPrefix("Tag") })
            } teardown: {
                // Two members of one group stop together: the C++ client's shutdown deadlock may strike.
                try await Interop.stopConsumers(
                    consumers, outs: outs, timeout: .seconds(20), toleratingShutdownDeadlock: true)
            }
        }
    }

    /// TIMER_DELIVER_MS set by the C++ client (as a user property: it predates 5.x timers) is honoured: the
    /// message is held until its time and delivered within a second after it.
    @Test(arguments: CppClient.allCases)
    func aTimerPropertyFromTheCppClientHoldsTheMessage(client cpp: CppClient) async throws {
        let python = try cpp.python()
        let dir = try TempDirectory("interop-timer")
        defer { dir.remove() }
        try await Interop.withBrokerWithTopic(data: dir.sub("data"), topic: "TopicTimer", queues: 1) { broker, admin in
            let deliverAt = Int64(Date().timeIntervalSince1970 * 1000) + 4_000
            let r = try runCommand(
                python, [Self.script, "produce-timer", broker.nameServer, "TopicTimer", "t1", "\(deliverAt)"])
            #expect(r.status == 0, "producer failed: \(r.stderr.suffix(2000))")
            #expect(r.stdout.contains("\"status\": 0"), "\(r.stdout)")
            let queue = MessageQueue(topic: "TopicTimer", brokerName: "broker-a", queueId: 0)
            #expect(try await admin.maxOffset(queue) == 0, "delivered before its time")
            var got: MessageExt?
            while got == nil, Int64(Date().timeIntervalSince1970 * 1000) < deliverAt + 10_000 {
                let pulled = try await admin.pull(group: "CG_TIMER", queue: queue, offset: 0, suspendMillis: 1000)
                got = pulled.messages.first
            }
            let arrived = Int64(Date().timeIntervalSince1970 * 1000)
            let m = try #require(got)
            #expect(m.properties.keys == ["t1"] && m.storeTimestamp >= deliverAt)
            let late = arrived - deliverAt
            #expect(late >= 0 && late <= 1_000, "arrived \(late) ms after its time")
        }
    }

    @Test(arguments: CppClient.allCases)
    func reconsumeLaterGoesThroughRetryAndEndsInDLQ(client cpp: CppClient) async throws {
        let python = try cpp.python()
        let dir = try TempDirectory("interop-dlq")
        defer { dir.remove() }
        let fast = Array(repeating: "1s", count: 18).joined(separator: " ")
        try await Interop.withBrokerWithTopic(
            data: dir.sub("data"), topic: "TopicRetry", queues: 2, arguments: ["--message-delay-level", fast]
        ) { broker, admin in
            var g = SubscriptionGroupConfig(groupName: "CG_RETRY")
            g.retryMaxTimes = 1
            try await admin.updateGroup(g, broker: broker.broker)

            // The client's maxReconsumeTimes is 2. Only 2.1.0 sends it with CONSUMER_SEND_MSG_BACK, and the broker
            // then takes it over the group's retryMaxTimes (Apache's rule for clients of 3.4.9 and later): 2.1.0's
            // message is delivered once more than 1.x's before it goes to the DLQ.
            let out = dir.sub("retry.jsonl")
            let consumer = try startConsumer(
                python, broker.nameServer, topic: "TopicRetry", group: "CG_RETRY", out: out, failTag: "TagFail",
                maxReconsume: 2)
            let reconsumes: Set<Int> = cpp == .v2_1 ? [0, 1, 2] : [0, 1]
            try await withTeardown {
                #expect(
                    await eventually(timeout: .seconds(30)) {
                        (try? await admin.consumerIds(group: "CG_RETRY", broker: broker.broker).count) == 1
                    })
                let producer = Producer(group: "pg-retry", client: admin)
                _ = try await producer.send(
                    Message(topic: "TopicRetry", body: "fails", tags: "TagFail", keys: ["doomed"]))
                _ = try await producer.send(Message(topic: "TopicRetry", body: "fine", tags: "TagOk", keys: ["fine"]))

                // First delivery, then again through %RETRY% with reconsumeTimes 1 (and 2).
                #expect(
                    await eventually(timeout: .seconds(60), every: .milliseconds(250)) {
                        Set(deliveries([out]).filter { $0.key == "doomed" }.map(\.reconsume)) == reconsumes
                    })
                #expect(deliveries([out]).filter { $0.key == "fine" }.count == 1)
                // Past retryMaxTimes the message sits in %DLQ%CG_RETRY.
                let dlq = MessageQueue(topic: "%DLQ%CG_RETRY", brokerName: "broker-a", queueId: 0)
                #expect(await eventually(timeout: .seconds(30)) { (try? await admin.maxOffset(dlq)) == 1 })
                let r = try await admin.pull(group: "inspect", queue: dlq, offset: 0)
                #expect(Set(deliveries([out]).filter { $0.key == "doomed" }.map(\.reconsume)) == reconsumes)
                #expect(r.messages.first?.properties.keys == ["doomed"])
                #expect(r.messages.first?.properties[MessageConst.retryTopic] == "TopicRetry")
            } teardown: {
                try await Interop.stopConsumers([consumer], outs: [out])
            }
        }
    }

    @Test(arguments: CppClient.allCases)
    func groupResumesFromCommittedOffsetsAfterBrokerRestart(client cpp: CppClient) async throws {
        let python = try cpp.python()
        let dir = try TempDirectory("interop-restart")
        defer { dir.remove() }
        let data = dir.sub("data")
        try await Interop.withBrokerWithTopic(data: data, topic: "TopicResume") { broker, admin in
            let out1 = dir.sub("before.jsonl")
            let c1 = try startConsumer(python, broker.nameServer, topic: "TopicResume", group: "CG_RESUME", out: out1)
            try await withTeardown {
                #expect(
                    await eventually(timeout: .seconds(30)) {
                        (try? await admin.consumerIds(group: "CG_RESUME", broker: broker.broker).count) == 1
                    })
                let before = try produceWithCpp(
                    python, broker.nameServer, topic: "TopicResume", count: 200, prefix: "before")
                #expect(before.failed == 0)
                #expect(await eventually(timeout: .seconds(60)) { Set(deliveries([out1]).map(\.key)) == before.keys })
            } teardown: {
                try await Interop.stopConsumers([c1], outs: [out1])  // commits offsets on shutdown
            }
        }

        try await withBrokerProcess(dataDirectory: data) { broker in
            let admin = client(broker.nameServer)
            let after = try produceWithCpp(python, broker.nameServer, topic: "TopicResume", count: 100, prefix: "after")
            #expect(after.failed == 0)
            let out2 = dir.sub("after.jsonl")
            let c2 = try startConsumer(python, broker.nameServer, topic: "TopicResume", group: "CG_RESUME", out: out2)
            try await withTeardown {
                #expect(await eventually(timeout: .seconds(60)) { Set(deliveries([out2]).map(\.key)) == after.keys })
                // A sleep by design: nothing acknowledged before the restart may arrive; a wrong redelivery gets
                // 2 s to show up.
                try await Task.sleep(for: .seconds(2))
                // Nothing acknowledged before the restart is delivered again.
                #expect(deliveries([out2]).allSatisfy { $0.key.hasPrefix("after") })
            } teardown: {
                try await Interop.stopConsumers([c2], outs: [out2])
                await admin.shutdown()
            }
        }
    }
}

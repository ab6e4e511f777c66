import Foundation
import MQBroker
import MQProtocol
import MQStore
import MQTestSupport
import NIOCore
import Synchronization
import Testing

@testable import MQAdminCLI
@testable import MQClient

/// `mqadmin group doctor` on two-broker in-process clusters, each verdict constructed for real: a consumer that
/// fails one key, one that hangs, one slower than its producer, and one whose offsets retention overtook.
@Suite(.serialized) struct GroupDoctorTests {
    static let topic = "Doctor"
    /// Every delay level 1 s, so retries come back within the test.
    static let fastRetries: @Sendable (inout BrokerConfig) -> Void = {
        $0.store.delayLevels = DelayLevels(parsing: Array(repeating: "1s", count: 18).joined(separator: " "))!
    }

    /// A push consumer of `group` as `clientId`; the cluster shuts it down (awaited) when it stops.
    func startConsumer(
        _ cluster: InProcessCluster, group: String, clientId: String, batch: Int32 = 32,
        handler: @escaping PushConsumer.Handler
    ) async throws {
        let consumer = PushConsumer(
            group: group, client: cluster.client(), consumeFromWhere: .firstOffset, batchSize: batch,
            options: PushConsumer.Options(clientId: clientId))
        cluster.onStop { await consumer.shutdown() }
        await consumer.subscribe(Self.topic)
        try await consumer.start(handler: handler)
    }

    func verdicts(_ json: [String: Any]) -> [String: [String: Any]] {
        let list = json["verdicts"] as? [[String: Any]] ?? []
        return Dictionary(list.map { ($0["check"] as! String, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func evidence(_ v: [String: Any]?) -> String { (v?["evidence"] as? [String] ?? []).joined(separator: "\n") }

    @Test func namesTheKeyAndTheClientThatKeepFailingAsTheCauseOfRetryGrowth() async throws {
        try await withCluster(brokers: 2, configure: Self.fastRetries) { cluster in
            try await MessageFixtures.createTopic(cluster, Self.topic)
            let producer = Producer(group: "pg", client: cluster.client())
            try await startConsumer(cluster, group: "g-poison", clientId: "poisoned@10.0.0.9@1", batch: 1) { batch, _ in
                batch.contains { $0.keys.contains("poison") } ? .reconsumeLater : .success
            }
            for i in 0..<20 { _ = try await producer.send(Message(topic: Self.topic, body: "ok\(i)", keys: ["k\(i)"])) }
            _ = try await producer.send(Message(topic: Self.topic, body: "bad", keys: ["poison"]))
            let client = cluster.client()
            try await waitUntil("the poison message to be retried twice", timeout: .seconds(30)) {
                let read = await client.failingMessages(topic: "%RETRY%g-poison", limit: 64, deadLetter: false)
                return read.contains { $0.reconsumeTimes >= 2 }
            }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let r = try await cli.run(["group", "doctor", "g-poison", "--interval", "3s", "-o", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            let json = MessageFixtures.object(r)
            #expect(json["schema"] as? String == "mqadmin.doctor/v1")
            #expect((json["window"] as? [String: Any])?["samples"] as? Int == 2)
            let v = verdicts(json)
            let failing = try #require(v["failing-message"])
            #expect(failing["severity"] as? String == "WARN")
            #expect((failing["summary"] as? String)?.contains("poison") == true, "\(failing)")
            #expect(evidence(failing).contains("sent back by poisoned@10.0.0.9@1"), "\(failing)")
            #expect(evidence(failing).contains("reconsumed"))
            #expect(failing["unknownBecause"] is NSNull)
            let retry = try #require(v["retry-dlq-growth"])
            #expect(retry["severity"] as? String == "WARN", "\(retry)")
            let summary = retry["summary"] as? String ?? ""
            #expect(summary.contains("poison") && summary.contains("cause: poisoned@10.0.0.9@1"), "\(retry)")
            #expect(evidence(retry).contains("%RETRY%g-poison: max offset"))
            #expect(v["members"]?["severity"] as? String == "OK")
            #expect(v["subscriptions"]?["severity"] as? String == "OK")
            #expect(json["worst"] as? String == "WARN")

            let table = try await cli.run(["group", "doctor", "g-poison", "--interval", "0"])
            #expect(table.status == 0)
            #expect(table.stdout.contains("WARN    failing-message: "), "\(table.stdout)")
            #expect(table.stdout.contains("UNKNOWN rate: "))
            #expect(table.stdout.contains("unknown — because one sample was taken"))
            await client.shutdown()
        }
    }

    @Test func hungSlowAndLostConsumersWithThresholds() async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, Self.topic)
            let producer = Producer(group: "pg", client: cluster.client())
            for i in 0..<200 { _ = try await producer.send(Message(topic: Self.topic, body: "b\(i)", keys: ["b\(i)"])) }
            // Hangs on its first batch and never commits (a sleep by design: the consumer's shutdown cancels it).
            try await startConsumer(cluster, group: "g-hung", clientId: "hung@10.0.0.7@1") { _, _ in
                try? await Task.sleep(for: .seconds(3600))
                return .success
            }
            // Crawls: 10 messages a second per queue at most (a sleep by design: the slowness is what the rate
            // check sees).
            try await startConsumer(cluster, group: "g-slow", clientId: "slow@10.0.0.8@1", batch: 1) { _, _ in
                try? await Task.sleep(for: .milliseconds(100))
                return .success
            }
            let client = cluster.client()
            try await waitUntil("g-slow to commit", timeout: .seconds(20)) {
                let s = try? await client.backlogSample(group: "g-slow", topic: Self.topic)
                return (s?.queues.reduce(0) { $0 + $1.committedOffset } ?? 0) > 0
            }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)

            let hung = MessageFixtures.object(
                try await cli.run(["group", "doctor", "g-hung", "--interval", "6s", "-o", "json"]))
            let notPulling = try #require(verdicts(hung)["not-pulling"])
            #expect(notPulling["severity"] as? String == "WARN", "\(notPulling)")
            #expect((notPulling["summary"] as? String)?.contains("hung@10.0.0.7@1") == true)
            #expect(evidence(notPulling).contains("did not move"))
            #expect(evidence(notPulling).contains("next message "), "\(notPulling)")
            // The hung member answers GET_CONSUMER_RUNNING_INFO: each stuck queue says what its holder sees (it
            // pulled, its listener never returned, messages wait in its cache), so nothing is left unknown.
            #expect(evidence(notPulling).contains("hung@10.0.0.7@1 holds it: last pull "), "\(notPulling)")
            #expect(evidence(notPulling).contains("last consume never"), "\(notPulling)")
            #expect(notPulling["unknownBecause"] is NSNull, "\(notPulling)")

            // Slower than a producer sending 100 messages a second meanwhile.
            let sending = Task {
                for i in 0..<700 {
                    if Task.isCancelled { break }
                    _ = try? await producer.send(Message(topic: Self.topic, body: "more\(i)"))
                    try? await Task.sleep(for: .milliseconds(10))
                }
            }
            let slow = try await withTeardown {
                MessageFixtures.object(
                    try await cli.run(["group", "doctor", "g-slow", "--interval", "6s", "-o", "json"]))
            } teardown: {
                sending.cancel()
                _ = await sending.value
            }
            let rate = try #require(verdicts(slow)["rate"])
            #expect(rate["severity"] as? String == "WARN", "\(rate)")
            #expect((rate["summary"] as? String)?.contains("slower than production") == true, "\(rate)")
            #expect(evidence(rate).contains("\(Self.topic): produced"))

            // A burst, then nothing more: the slow consumer drains it, with an ETA.
            for i in 0..<600 { _ = try await producer.send(Message(topic: Self.topic, body: "burst\(i)")) }
            let draining = MessageFixtures.object(
                try await cli.run(["group", "doctor", "g-slow", "--interval", "6s", "-o", "json"]))
            let eta = try #require(verdicts(draining)["rate"])
            #expect(eta["severity"] as? String == "OK", "\(eta)")
            #expect((eta["summary"] as? String)?.contains("drains in about") == true, "\(eta)")

            // Thresholds as `backlog report`'s: the diagnosis is printed, then exit 6.
            let over = try await cli.run(
                ["group", "doctor", "g-hung", "--interval", "0", "--fail-if-lag-over", "10", "-o", "json"])
            #expect(over.status == 6)
            #expect(
                ((MessageFixtures.object(over)["thresholds"] as? [String: Any])?["exceeded"] as? [String])?
                    .isEmpty == false)
            #expect(over.stderr.contains("g-hung on \(Self.topic): lag"))
            let under = try await cli.run(["group", "doctor", "g-hung", "--interval", "0", "--fail-if-age-over", "1h"])
            #expect(under.status == 0, "\(under.stderr)")

            // Bad input.
            let missing = try await cli.run(["group", "doctor", "no-such-group", "--interval", "0"])
            #expect(missing.status == 3)
            MessageFixtures.expectOneErrorLine(missing, contains: "no-such-group")
            #expect(try await cli.run(["group", "doctor", "g-hung", "--interval", "soon"]).status == 2)
            await client.shutdown()
        }
    }

    @Test func offsetsBelowTheMinOffsetAreCritical() async throws {
        try await withCluster(brokers: 1, configure: { $0.store.segmentSize = 64 * 1024 }) { cluster in
            try await MessageFixtures.createTopic(cluster, Self.topic)
            let producer = Producer(group: "pg", client: cluster.client())
            for _ in 0..<120 {
                // Incompressible 3000-byte bodies fill a 64 KiB segment every ~20 messages.
                let body = ByteBuffer(bytes: (0..<3000).map { _ in UInt8.random(in: 0...255) })
                _ = try await producer.send(Message(topic: Self.topic, body: body))
            }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            #expect(try await cli.run(["message", "consume", Self.topic, "-g", "g-lost", "-c", "1"]).status == 0)
            // Age every segment but the last two by 100 hours, then let retention (72 h) run.
            let commitlog = cluster.directory.sub("broker-a") + "/store/commitlog"
            let segments = try FileManager.default.contentsOfDirectory(atPath: commitlog).sorted()
            let old = time(nil) - 100 * 3600
            var times = [timeval(tv_sec: old, tv_usec: 0), timeval(tv_sec: old, tv_usec: 0)]
            for name in segments.dropLast(2) { #expect(utimes(commitlog + "/" + name, &times) == 0) }
            let store = try #require(cluster.brokers[0].controller?.core.store)
            store.runRetention()
            #expect(store.commitLogMinOffset > 0)

            let json = MessageFixtures.object(
                try await cli.run(["group", "doctor", "g-lost", "--interval", "0", "-o", "json"]))
            let below = try #require(verdicts(json)["below-min-offset"])
            #expect(below["severity"] as? String == "CRIT", "\(below)")
            #expect(evidence(below).contains("< min offset"))
            #expect(verdicts(json)["members"]?["severity"] as? String == "CRIT")
            #expect(json["worst"] as? String == "CRIT")
        }
    }

    /// What Apache brokers give: retry growth and a failing message, but no send-back counts on the connections. The
    /// verdicts keep their evidence and say which part is unknown, and why.
    @Test func withoutTheBrokersSendBackCountsTheClientIsUnknownAndSaysWhy() {
        let retry = MessageQueue(topic: "%RETRY%g", brokerName: "broker-a", queueId: 0)
        var first = BacklogSample(takenAt: 1_000)
        first.queues = [BacklogQueueSample(group: "g", queue: retry, brokerOffset: 4, committedOffset: 3, minOffset: 0)]
        first.onlineConsumers = ["g": 2]
        var latest = BacklogSample(takenAt: 7_000)
        latest.queues = [
            BacklogQueueSample(group: "g", queue: retry, brokerOffset: 9, committedOffset: 8, minOffset: 0)
        ]
        latest.onlineConsumers = ["g": 2]
        let members = ["a@1", "b@2"].map {
            DoctorMember(
                clientId: $0, address: "10.0.0.1:1", language: "JAVA", sendBacksBefore: nil, sendBacks: nil,
                sentBackIds: [])
        }
        let failing = FailingMessage(
            originId: "O1", msgId: "M1", keys: ["poison"], tags: nil, topic: "T", copies: 3, reconsumeTimes: 3,
            lastStored: 6_000, inDeadLetter: false)
        let e = DoctorEvidence(
            group: "g", latest: latest, previous: first, report: BacklogReport.build(latest: latest, previous: first),
            members: members, subscriptions: [:], consumeType: nil, messageModel: nil,
            retry: TopicGrowth(topic: "%RETRY%g", before: 4, after: 9),
            deadLetter: TopicGrowth(topic: "%DLQ%g", before: nil, after: nil), failing: [failing], runningInfo: nil,
            failures: [])
        let v = Dictionary(GroupDoctor.diagnose(e).map { ($0.check, $0) }, uniquingKeysWith: { a, _ in a })
        let growth = v["retry-dlq-growth"]
        #expect(growth?.severity == .warn)
        #expect(growth?.summary == "retry grows: 5 message(s) sent back; failing keys poison")
        #expect(growth?.unknownBecause?.hasPrefix("which client sends them back: the brokers do not say") == true)
        #expect(
            v["failing-message"]?.evidence == [
                "message M1 keys poison of T: reconsumed 3 times, 3 copies in %RETRY%g"
            ])
        #expect(v["failing-message"]?.unknownBecause?.contains("no member answered GET_CONSUMER_RUNNING_INFO") == true)
        #expect(v["subscriptions"]?.severity == .unknown)
        #expect(v["members"]?.severity == .ok)

        // With the members' running info (Apache's clients answer it): the failing client and the differing
        // subscriptions are named, and nothing is unknown any more.
        var answered = e
        answered.runningInfo = [
            DoctorClientInfo(clientId: "a@1", subscriptions: ["T": "*"], consumeFailedTps: ["T": 0.8]),
            DoctorClientInfo(clientId: "b@2", subscriptions: ["T": "paid"], consumeFailedTps: ["T": 0]),
        ]
        let w = Dictionary(GroupDoctor.diagnose(answered).map { ($0.check, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(w["retry-dlq-growth"]?.summary.hasSuffix("; cause: a@1 fails to consume (its running info)") == true)
        #expect(w["retry-dlq-growth"]?.unknownBecause == nil)
        #expect(w["retry-dlq-growth"]?.evidence.contains("a@1 running info: T consumeFailedTPS 0.8") == true)
        #expect(w["failing-message"]?.unknownBecause == nil)
        #expect(w["failing-message"]?.evidence.first?.hasSuffix("failing to consume T (running info): a@1") == true)
        #expect(w["subscriptions"]?.severity == .crit)
        #expect(w["subscriptions"]?.evidence.contains("b@2: T paid") == true)
    }
}

import Foundation
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Synchronization
import Testing

@testable import MQAdminCLI

/// `mqadmin backlog report` with statuses constructed for real: consumers that keep up, that crawl,
/// that hang, that left, and a group whose unconsumed messages retention deleted.
@Suite(.serialized) struct BacklogReportTests {
    static let topic = "Backlog"

    func rows(_ json: [String: Any]) -> [String: [String: Any]] {
        let list = json["rows"] as? [[String: Any]] ?? []
        return Dictionary(
            list.filter { $0["topic"] as? String == Self.topic }.map { ($0["group"] as! String, $0) },
            uniquingKeysWith: { a, _ in a })
    }

    /// Starts a push consumer of `group` on the topic; the cluster shuts it down (awaited) when it stops.
    func startConsumer(
        _ cluster: InProcessCluster, group: String, batch: Int32 = 32,
        handler: @escaping PushConsumer.Handler = { _, _ in .success }
    ) async throws {
        let client = cluster.client()
        let consumer = PushConsumer(group: group, client: client, consumeFromWhere: .firstOffset, batchSize: batch)
        cluster.onStop { await consumer.shutdown() }
        await consumer.subscribe(Self.topic)
        try await consumer.start(handler: handler)
    }

    @Test func statusesThresholdsAndPrometheusOnATwoBrokerCluster() async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, Self.topic)
            let client = cluster.client()
            let producer = Producer(group: "pg", client: client)
            for i in 0..<400 { _ = try await producer.send(Message(topic: Self.topic, body: "b\(i)", keys: ["b\(i)"])) }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)

            // Left: consumed 20 with the CLI, no consumer online since.
            #expect(try await cli.run(["message", "consume", Self.topic, "-g", "g-left", "-c", "20"]).status == 0)
            // Keeps up.
            try await startConsumer(cluster, group: "g-ok")
            // Crawls: one message at a time, 0.5 s each (a sleep by design: the slowness is what LAGGING detects).
            try await startConsumer(cluster, group: "g-slow", batch: 1) { _, _ in
                try? await Task.sleep(for: .milliseconds(500))
                return .success
            }
            // Hangs on its first batch and never commits (a sleep by design: what STALLED detects; the consumer's
            // shutdown cancels it).
            try await startConsumer(cluster, group: "g-hung") { _, _ in
                try? await Task.sleep(for: .seconds(3600))
                return .success
            }
            try await waitUntil("g-ok to commit everything", timeout: .seconds(20), poll: .milliseconds(500)) {
                let s = try? await client.backlogSample(group: "g-ok", topic: Self.topic)
                return s.map { !$0.queues.isEmpty && $0.queues.allSatisfy { $0.committedOffset == $0.brokerOffset } }
                    ?? false
            }

            let r = try await cli.run(["backlog", "report", "-t", Self.topic, "--window", "6s", "-o", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            let json = MessageFixtures.object(r)
            #expect(json["schema"] as? String == "mqadmin.backlog/v1")
            #expect((json["window"] as? [String: Any])?["samples"] as? Int == 2)
            let byGroup = rows(json)
            #expect(byGroup["g-ok"]?["status"] as? String == "OK")
            #expect(byGroup["g-ok"]?["lag"] as? Int == 0)
            #expect(byGroup["g-ok"]?["consumers"] as? Int == 1)
            #expect(byGroup["g-left"]?["status"] as? String == "NO_CONSUMERS")
            #expect(byGroup["g-left"]?["lag"] as? Int == 380)
            #expect(byGroup["g-left"]?["consumers"] as? Int == 0)
            #expect(byGroup["g-slow"]?["status"] as? String == "LAGGING")
            #expect(byGroup["g-hung"]?["status"] as? String == "STALLED")
            #expect(byGroup["g-hung"]?["lag"] as? Int == 400)
            #expect((byGroup["g-hung"]?["reasons"] as? [String])?.first?.contains("did not move") == true)
            // Lag time: the oldest unconsumed message was stored at the start of the test.
            let age = byGroup["g-left"]?["lagMillis"] as? Int ?? -1
            #expect(age > 0 && age < 120_000)
            #expect(byGroup["g-left"]?["oldestUnconsumedTime"] is String)
            #expect(byGroup["g-ok"]?["lagMillis"] as? Int == 0)
            #expect(Set(byGroup["g-left"]?["brokers"] as? [String] ?? []) == ["broker-a", "broker-b"])
            // Sorted by lag, largest first; totals add up.
            let lags = (json["rows"] as? [[String: Any]] ?? []).compactMap { $0["lag"] as? Int }
            #expect(lags == lags.sorted(by: >))
            #expect((json["totals"] as? [String: Any])?["lag"] as? Int == lags.reduce(0, +))
            #expect(((json["totals"] as? [String: Any])?["byStatus"] as? [String: Int])?["STALLED"] ?? 0 >= 1)
            #expect((json["retention"] as? [[String: Any]])?.count == 2)

            // Per queue.
            let perQueue = MessageFixtures.object(
                try await cli.run(
                    ["backlog", "report", "-g", "g-left", "-t", Self.topic, "--queues", "--window", "0", "-o", "json"]))
            let queues = (perQueue["rows"] as? [[String: Any]])?.first?["queues"] as? [[String: Any]] ?? []
            #expect(queues.count == 4)
            #expect(queues.reduce(0) { $0 + ($1["lag"] as? Int ?? 0) } == 380)
            let table = try await cli.run(["backlog", "report", "-g", "g-left", "--queues", "--window", "0"])
            #expect(table.stdout.hasPrefix("GROUP"))
            #expect(table.stdout.contains("MIN-OFFSET"))

            // Thresholds: the report is printed anyway, then exit 6.
            let over = try await cli.run([
                "backlog", "report", "-t", Self.topic, "--window", "0", "--fail-if-lag-over", "100", "-o", "json",
            ])
            #expect(over.status == 6)
            #expect(!MessageFixtures.object(over).isEmpty)
            #expect(over.stderr.contains("g-left") && over.stderr.contains("> 100"))
            let under = try await cli.run([
                "backlog", "report", "-t", Self.topic, "--window", "0", "--fail-if-lag-over", "100000",
            ])
            #expect(under.status == 0)
            let old = try await cli.run(
                ["backlog", "report", "-g", "g-left", "--window", "0", "--fail-if-age-over", "1ms"])
            #expect(old.status == 6)
            #expect(old.stdout.contains("g-left"))
            let young = try await cli.run(
                ["backlog", "report", "-g", "g-left", "--window", "0", "--fail-if-age-over", "1h"])
            #expect(young.status == 0)

            // Prometheus: every line is HELP, TYPE or a sample of a declared gauge.
            let prom = try await cli.run(
                ["backlog", "report", "-t", Self.topic, "--window", "0", "-o", "prometheus", "--queues"])
            #expect(prom.status == 0)
            try checkPrometheus(prom.stdout, expectLag: ("g-left", 380))
            // Every sample names the target, so one Prometheus can scrape several clusters.
            let samples = prom.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }
            #expect(!samples.isEmpty)
            for sample in samples {
                #expect(sample.contains("namesrv=\"\(cluster.nameServerAddress)\""), "\(sample)")
                #expect(sample.contains("{cluster=\"") && !sample.contains("cluster=\"\","), "\(sample)")
            }

            // Unknown group or topic: exit 3; bad durations: exit 2.
            let unknownGroup = try await cli.run(["backlog", "report", "-g", "no-such-group"])
            #expect(unknownGroup.status == 3)
            MessageFixtures.expectOneErrorLine(unknownGroup, contains: "no-such-group")
            #expect(try await cli.run(["backlog", "report", "-t", "NoSuchTopic"]).status == 3)
            #expect(try await cli.run(["backlog", "report", "--window", "soon"]).status == 2)
            #expect(try await cli.run(["backlog", "report", "--fail-if-age-over", "x"]).status == 2)
            await client.shutdown()
        }
    }

    /// Parses the exposition text line by line.
    func checkPrometheus(_ text: String, expectLag: (String, Int)) throws {
        var declared: [String: (help: Bool, type: String?)] = [:]
        var samples = 0
        var lagValue: Double?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            if line.hasPrefix("# HELP ") {
                let name = String(line.dropFirst(7).split(separator: " ")[0])
                #expect(declared[name] == nil, "HELP twice for \(name)")
                declared[name] = (true, nil)
            } else if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ")
                #expect(parts.count == 2 && parts[1] == "gauge")
                declared[String(parts[0])]?.type = String(parts[1])
            } else {
                let match = try #require(
                    line.wholeMatch(of: /([a-z_]+)\{((?:[a-z_]+="(?:[^"\\]|\\.)*",?)*)\} (-?[0-9.e+]+)/),
                    "not a sample line: \(line)")
                let name = String(match.1)
                #expect(declared[name]?.type == "gauge", "sample before TYPE: \(line)")
                let value = try #require(Double(match.3))
                samples += 1
                if name == "rocketmq_consumer_lag_messages", match.2.contains("group=\"\(expectLag.0)\"") {
                    lagValue = value
                }
            }
        }
        #expect(samples > 10)
        #expect(lagValue == Double(expectLag.1))
        #expect(declared.keys.contains("rocketmq_consumer_queue_lag_messages"))
        #expect(text.contains(",group=\"g-hung\",topic=\"Backlog\",status=\"OK\"} 0"))
    }

    @Test func atRiskWhenRetentionDeletedUnconsumedMessages() async throws {
        try await withCluster(brokers: 1, configure: { $0.store.segmentSize = 64 * 1024 }) { cluster in
            try await MessageFixtures.createTopic(cluster, Self.topic)
            let client = cluster.client()
            let producer = Producer(group: "pg", client: client)
            for _ in 0..<120 {
                // Incompressible 3000-byte bodies fill a 64 KiB segment every ~20 messages.
                let body = ByteBuffer(bytes: (0..<3000).map { _ in UInt8.random(in: 0...255) })
                _ = try await producer.send(Message(topic: Self.topic, body: body))
            }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            #expect(try await cli.run(["message", "consume", Self.topic, "-g", "g-risk", "-c", "1"]).status == 0)

            // Age every segment but the last two by 100 hours, then let retention (72 h) run.
            let commitlog = cluster.directory.sub("broker-a") + "/store/commitlog"
            let segments = try FileManager.default.contentsOfDirectory(atPath: commitlog).sorted()
            #expect(segments.count >= 4)
            let old = time(nil) - 100 * 3600
            var times = [timeval(tv_sec: old, tv_usec: 0), timeval(tv_sec: old, tv_usec: 0)]
            for name in segments.dropLast(2) { #expect(utimes(commitlog + "/" + name, &times) == 0) }
            let store = try #require(cluster.brokers[0].controller?.core.store)
            store.runRetention()
            #expect(store.commitLogMinOffset > 0)

            let json = MessageFixtures.object(try await cli.run(
                ["backlog", "report", "-g", "g-risk", "--queues", "-o", "json"]))
            let row = try #require(rows(json)["g-risk"])
            #expect(row["status"] as? String == "AT_RISK")
            #expect((row["lostMessages"] as? Int ?? 0) > 0)
            #expect((row["reasons"] as? [String])?.contains { $0.contains("deleted by retention") } == true)
            let queues = row["queues"] as? [[String: Any]] ?? []
            let lost = queues.filter { ($0["lostMessages"] as? Int ?? 0) > 0 }
            #expect(!lost.isEmpty)
            #expect(lost.allSatisfy { $0["lagMillis"] is NSNull && $0["lagMillisReason"] is String })
            #expect(lost.allSatisfy { ($0["minOffset"] as? Int ?? 0) > ($0["committedOffset"] as? Int ?? 0) })
            let table = try await cli.run(["backlog", "report", "-g", "g-risk"])
            #expect(table.stdout.contains("AT_RISK"))
            await client.shutdown()
        }
    }

    @Test func aBrokerThatDoesNotAnswerMakesAPartialReportAndExitFour() async throws {
        try await withCluster(brokers: 1) { cluster in
            try await MessageFixtures.createTopic(cluster, Self.topic)
            let client = cluster.client()
            let producer = Producer(group: "pg", client: client)
            for i in 0..<6 { _ = try await producer.send(Message(topic: Self.topic, body: "p\(i)", keys: ["pk"])) }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            #expect(try await cli.run(["message", "consume", Self.topic, "-g", "g-part", "-c", "2"]).status == 0)
            // A second broker registered for the topic that nobody listens for.
            let config = TopicConfig(topicName: Self.topic, readQueueNums: 2, writeQueueNums: 2)
            var register = RemotingCommand.request(
                .registerBroker,
                header: RegisterBrokerRequestHeader(
                    brokerName: "broker-z", brokerAddr: "127.0.0.1:1", clusterName: "DefaultCluster"))
            register.setJSONBody(
                RegisterBrokerBody(
                    topicConfigSerializeWrapper: TopicConfigSerializeWrapper(
                        // A broker's first registration carries its whole table; one topic alone is refused.
                        dataVersion: DataVersion(),
                        topicConfigTable: [Self.topic: config, "TBW102": TopicConfig(topicName: "TBW102")],
                        withMapping: true)))
            #expect(try await client.invokeNameServer(register).code == 0)

            let report = try await cli.run(["backlog", "report", "-g", "g-part", "--timeout", "1000", "-o", "json"])
            #expect(report.status == 4)
            let json = MessageFixtures.object(report)
            #expect(rows(json)["g-part"]?["lag"] as? Int == 4)
            let failures = json["failures"] as? [[String: Any]] ?? []
            #expect(
                failures.first?["broker"] as? String == "broker-z" && failures.first?["unreachable"] as? Bool == true)
            MessageFixtures.expectOneErrorLine(report, contains: "broker-z")
            let query = try await cli.run(
                ["message", "query", "--topic", Self.topic, "--key", "pk", "--timeout", "1000", "-o", "json"])
            #expect(query.status == 4)
            #expect((MessageFixtures.object(query)["messages"] as? [Any])?.count == 6)
            MessageFixtures.expectOneErrorLine(query, contains: "broker-z")
            await client.shutdown()
        }
    }

    @Test func prometheusEscapesLabelValuesAndTablesHaveNoTrailingSpaces() {
        #expect(BacklogPrometheus.escape(#"a"b\c"# + "\n") == #"a\"b\\c\n"#)
        #expect(BacklogPrometheus.escape("plain-group_1") == "plain-group_1")
        var t = TextTable([.init("A"), .init("NUM", .right), .init("NOTE")])
        t.add(["x", "1", ""])
        t.add(["ü-long", "100", "note"])
        #expect(t.render(trimmingTrailingSpaces: true) == "A       NUM  NOTE\nx         1\nü-long  100  note\n")
        #expect(t.render(trimmingTrailingSpaces: true) == t.render().replacingOccurrences(of: "1  \n", with: "1\n"))
    }

    @Test func watchRefreshesUntilInterrupted() async throws {
        try await MessageFixtures.withEmbeddedData(topics: [Self.topic]) { dir in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: TestPaths.mqadmin)
            p.arguments = ["backlog", "report", "--watch", "1"]
            p.environment = ProcessInfo.processInfo.environment.merging(
                ["MQADMIN_DATA": dir.sub("data"), "HOME": dir.path]
            ) { $1 }
            p.environment?["NAMESRV_ADDR"] = nil
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let output = PipeText(out.fileHandleForReading)
            let text = try await withTeardown {
                try await waitUntil(
                    "the watch to print its report twice", timeout: .seconds(20), poll: .milliseconds(50)
                ) { output.text.components(separatedBy: "Total:").count - 1 >= 2 }
                kill(p.processIdentifier, SIGINT)
                try await waitForExit(of: p, "backlog report --watch on SIGINT", timeout: .seconds(20))
                try await waitUntil("the end of the watch's output") { output.ended }
                return output.text
            } teardown: {
                // Only a watch that did not stop in time is still running here.
                if p.isRunning {
                    kill(p.processIdentifier, SIGKILL)
                    p.waitUntilExit()
                }
            }
            #expect(p.terminationStatus == 0)
            #expect(text.components(separatedBy: "Total:").count - 1 >= 2)
            // The embedded broker closed cleanly: the next command opens the directory at once.
            let again = try MQAdminRunner(dataDirectory: dir.sub("data"), home: dir.path).run(["backlog", "report"])
            #expect(again.status == 0)
        }
    }
}

/// Reads a pipe on a thread of its own until its end, keeping what it read: what a child process printed so far.
final class PipeText: Sendable {
    private let state = Mutex((data: Data(), ended: false))

    init(_ handle: FileHandle) {
        Thread { [self] in
            while case let chunk = handle.availableData, !chunk.isEmpty {
                state.withLock { $0.data.append(chunk) }
            }
            state.withLock { $0.ended = true }
        }.start()
    }

    var text: String { state.withLock { String(decoding: $0.data, as: UTF8.self) } }
    /// Whether the pipe reached its end (every writer closed it).
    var ended: Bool { state.withLock { $0.ended } }
}

import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// `message send --trace`, `message consume --trace`, `trace show` and classic `queryMsgTraceById`: the
/// commands run in-process against a 2-broker cluster over TCP and against the embedded default.
@Suite(.serialized) struct TraceCommandTests {
    @Test func sendAndConsumeInTwoGroupsShowTheWholeJourney() async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, "TraceWide")
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let t0 = TraceFixtures.now

            let sendRun = try await cli.run([
                "message", "send", "TraceWide", "traced body", "--key", "order-9", "--tag", "TagT", "--trace",
            ])
            #expect(sendRun.status == 0, "\(sendRun.stderr)")
            #expect(sendRun.stdout.contains("trace: 1 record(s) written to RMQ_SYS_TRACE_TOPIC"))
            let msgId = try #require(
                sendRun.stdout.split(separator: "\n").first { $0.hasPrefix("Msg ID:") }?.split(separator: " ").last
                    .map(String.init))
            var previousStep = TraceFixtures.now
            for group in ["CG_TRACE_1", "CG_TRACE_2"] {
                // Each consume starts in a later millisecond than the step before it, so their times order them.
                let after = previousStep
                try await waitUntil("the clock to move past the previous step", poll: .milliseconds(1)) {
                    TraceFixtures.now > after
                }
                let args = ["message", "consume", "TraceWide", "-g", group, "--from", "earliest", "-c", "10", "--trace"]
                let consumed = MessageFixtures.consumed(try await cli.json(args).result)
                #expect(consumed["count"] as? Int == 1)
                previousStep = TraceFixtures.now
            }
            let t1 = TraceFixtures.now

            let shown = try await cli.json(["trace", "show", msgId])
            #expect(shown.result.status == 0, "\(shown.result.stderr)")
            let object = MessageFixtures.object(shown.result)
            #expect(object["traceTopic"] as? String == "RMQ_SYS_TRACE_TOPIC")
            let trace = TraceFixtures.trace(object)
            #expect(trace["msgId"] as? String == msgId)
            #expect(trace["topic"] as? String == "TraceWide" && trace["tags"] as? String == "TagT")
            #expect(trace["keys"] as? [String] == ["order-9"])
            #expect((trace["records"] as? [Any])?.count == 5)  // Pub + (SubBefore, SubAfter) x 2
            #expect((trace["unreadable"] as? [Any])?.isEmpty == true)

            // Produced: the producer group, a plausible time and cost, success.
            let produced = try #require((trace["produced"] as? [[String: Any]])?.first)
            #expect(produced["group"] as? String == "MQADMIN_PRODUCER")
            let sendTime = try #require(produced["timestamp"] as? Int64)
            let sendCost = try #require(produced["costMs"] as? Int)
            #expect(sendTime >= t0 - 1000 && sendTime <= t1)
            #expect(sendCost >= 0 && sendCost < 10_000)
            #expect(produced["status"] as? String == "success" && produced["regionId"] as? String == "DefaultRegion")
            #expect(produced["msgType"] as? String == "Normal_Msg" && produced["bodyLength"] as? Int == 11)

            // Stored: the real store time and broker, between send start and send end.
            let stored = try #require(trace["stored"] as? [String: Any])
            #expect(stored["estimated"] as? Bool == false)
            #expect(["broker-a", "broker-b"].contains(stored["broker"] as? String ?? ""))
            let storeTime = try #require(stored["timestamp"] as? Int64)
            #expect(storeTime >= sendTime && storeTime <= sendTime + Int64(sendCost) + 5)

            // Both groups, each with one attempt after the store, in consume order.
            let consumers = try #require(trace["consumers"] as? [[String: Any]])
            #expect(consumers.map { $0["group"] as? String } == ["CG_TRACE_1", "CG_TRACE_2"])
            var lastEnd = storeTime
            for c in consumers {
                let attempts = c["attempts"] as? [[String: Any]] ?? []
                #expect(attempts.count == 1)
                let a = try #require(attempts.first)
                let start = try #require(a["start"] as? Int64)
                let end = try #require(a["end"] as? Int64)
                #expect(start >= lastEnd && end >= start && end <= t1 + 1000)
                #expect((a["costMs"] as? Int ?? -1) >= 0 && (a["costMs"] as? Int ?? .max) < 10_000)
                #expect(a["status"] as? String == "success" && a["retryTimes"] as? Int == 0)
                #expect(a["returnType"] as? String == "SUCCESS")
                lastEnd = end
            }
            let hops = trace["hops"] as? [[String: Any]] ?? []
            #expect(hops.map { $0["step"] as? String } == ["send", "store", "deliver", "consume", "deliver", "consume"])
            #expect(hops.filter { $0["slowest"] as? Bool == true }.count == 1)
            #expect((trace["endToEndMs"] as? Int64 ?? -1) >= 0)

            // The table: a timeline row per hop, the slowest marked once.
            let table = try await cli.run(["trace", "show", msgId])
            #expect(table.status == 0)
            #expect(table.stdout.hasPrefix("Message \(msgId)  topic TraceWide  tags TagT  keys order-9\n\nSTEP "))
            let rows = table.stdout.split(separator: "\n").filter { $0.hasSuffix("]") || $0.hasSuffix("<- slowest") }
            #expect(rows.count == 6)
            #expect(table.stdout.components(separatedBy: "<- slowest").count == 2)
            #expect(table.stdout.contains("consumed by 2 group(s): CG_TRACE_1, CG_TRACE_2"))

            // Found by key first.
            let byKey = MessageFixtures.object(try await cli.json(
                ["trace", "show", "-t", "TraceWide", "-k", "order-9"]).result)
            #expect(TraceFixtures.trace(byKey)["msgId"] as? String == msgId)
            #expect((byKey["query"] as? [String: Any])?["key"] as? String == "order-9")

            // Apache's layout: one Pub block, then one block per consumer group in Java HashMap order.
            let classic = try await cli.run(["queryMsgTraceById", "-i", msgId])
            #expect(classic.status == 0, "\(classic.stderr)")
            let lines = classic.stdout.components(separatedBy: "\n")
            #expect(lines[0] + "\n" == TraceFixtures.javaRow(
                ["#Type", "#ProducerGroup", "#ClientHost", "#SendTime", "#CostTimes", "#Status"]))
            let pub = lines[1].split(separator: " ").map(String.init)
            #expect(pub.count == 7 && pub[0] == "Pub" && pub[1] == "MQADMIN_PRODUCER" && pub[2] == "127.0.0.1")
            #expect(pub[5] == "\(sendCost)ms" && pub[6] == "success")
            let pubCells: [String] = [pub[0], pub[1], pub[2], pub[3] + " " + pub[4], pub[5], pub[6]]
            #expect(lines[1] + "\n" == TraceFixtures.javaRow(pubCells))
            #expect(lines[2] == "")
            let order = TraceFixtures.javaHashMapOrder(["CG_TRACE_1", "CG_TRACE_2"])
            for (i, group) in order.enumerated() {
                let header = lines[3 + 3 * i]
                #expect(header + "\n" == TraceFixtures.javaRow(
                    ["#Type", "#ConsumerGroup", "#ClientHost", "#ConsumerTime", "#CostTimes", "#Status"]))
                let sub = lines[4 + 3 * i].split(separator: " ").map(String.init)
                #expect(sub.first == "Sub" && sub[safe: 1] == group && sub.last == "success")
                #expect(lines[5 + 3 * i] == "")
            }
            #expect(lines.count == 10)  // Pub block (3 lines), 2 group blocks (3 each), the final empty piece
            let classicJSON = MessageFixtures.object(try await cli.run(
                ["queryMsgTraceById", "-i", msgId, "--output", "json"]))
            #expect((TraceFixtures.trace(classicJSON)["records"] as? [Any])?.count == 5)
        }
    }

    @Test func embeddedDefaultTracesToo() async throws {
        try await MessageFixtures.withEmbeddedData(topics: ["TraceLocal"]) { dir in
            let cli = InProcessRunner(dataDirectory: dir.sub("data"), home: dir.path)
            let sent = MessageFixtures.object(try await cli.json(
                ["message", "send", "TraceLocal", "local", "--trace"]).result)
            let msgId = try #require(sent["msgId"] as? String)
            let consumed = try await cli.run(["message", "consume", "TraceLocal", "-g", "CG_LOCAL", "--trace"])
            #expect(
                consumed.status == 0 && consumed.stdout.contains("trace: 2 record(s) written"), "\(consumed.stderr)")
            let trace = TraceFixtures.trace(MessageFixtures.object(try await cli.json(["trace", "show", msgId]).result))
            #expect((trace["produced"] as? [Any])?.count == 1)
            #expect((trace["consumers"] as? [[String: Any]])?.map { $0["group"] as? String } == ["CG_LOCAL"])
            #expect((trace["stored"] as? [String: Any])?["broker"] as? String == "broker-a")
            // An offset msgId leads to the same trace.
            let byOffset = TraceFixtures.trace(
                MessageFixtures.object(
                    try await cli.json(["trace", "show", sent["offsetMsgId"] as? String ?? ""]).result))
            #expect(byOffset["msgId"] as? String == msgId)
        }
    }

    @Test func aCustomTraceTopicAndABrokerWithTracingOff() async throws {
        try await withCluster(brokers: 1, configure: { $0.traceOn = false }) { cluster in
            try await MessageFixtures.createTopic(cluster, "TraceOff")
            try await MessageFixtures.createTopic(cluster, "MyTraces", queues: 1)
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            // The broker says TRACE_ON=false: Java writes no Pub record; we say so and succeed.
            let off = try await cli.run(["message", "send", "TraceOff", "x", "--trace-topic", "MyTraces", "-o", "json"])
            #expect(off.status == 0)
            MessageFixtures.expectOneErrorLine(off, contains: "has message tracing off")
            let msgId = try #require(MessageFixtures.object(off)["msgId"] as? String)
            // Consumers skip messages stored with TRACE_ON=false, as Java's hook does.
            let consumed = try await cli.run(
                ["message", "consume", "TraceOff", "-g", "CG_OFF", "--trace-topic", "MyTraces"])
            #expect(consumed.status == 0 && consumed.stdout.contains("trace: 0 record(s)"), "\(consumed.stdout)")
            let none = try await cli.run(["trace", "show", msgId, "--trace-topic", "MyTraces"])
            #expect(none.status == 3)
            MessageFixtures.expectOneErrorLine(none, contains: "no trace of message \(msgId) on trace topic MyTraces")
        }
    }

    @Test func brokerStartCreatesTheConfiguredTraceTopic() async throws {
        let dir = try TempDirectory("trace-broker")
        defer { dir.remove() }
        let options = ["--trace-topic", "OpsTraces"]
        try await withBrokerProcess(dataDirectory: dir.sub("data"), arguments: options) { broker in
            let cli = InProcessRunner(nameServer: broker.nameServer)
            #expect(try await cli.run(["topic", "create", "TraceOps"]).status == 0)
            let route = MessageFixtures.object(try await cli.json(["topic", "route", "OpsTraces"]).result)
            #expect(route.isEmpty == false)
            let sent = MessageFixtures.object(
                try await cli.json(["message", "send", "TraceOps", "x", "--trace-topic", "OpsTraces"]).result)
            let msgId = try #require(sent["msgId"] as? String)
            let shown = try await cli.run(["trace", "show", msgId, "--trace-topic", "OpsTraces"])
            #expect(shown.status == 0, "\(shown.stderr)")
            let lines = shown.stdout.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix("send ") && $0.contains("MQADMIN_PRODUCER") })
            #expect(try await cli.run(["trace", "show", msgId]).status == 3)
        }
        let bad = try runCommand(TestPaths.mqadmin, ["broker", "start", "--trace-topic", "no way"])
        #expect(bad.status == 2 && bad.stderr.contains("--trace-topic: the topic name"))
    }

    @Test func aTraceBrokerThatDoesNotAnswerIsNamedAfterWhatWasFound() async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, "TracePart")
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let sent = MessageFixtures.object(
                try await cli.json(["message", "send", "TracePart", "x", "--trace"]).result)
            let msgId = try #require(sent["msgId"] as? String)
            // A dead master broker-z (127.0.0.1:1) that also hosts the trace topic, registered while `client` lives
            // (the cluster shuts it down when it stops).
            let client = cluster.client()
            let topics = TopicConfigSerializeWrapper(
                dataVersion: DataVersion(counter: 1),
                // A broker's first registration carries its whole table (TBW102 too); one topic alone is refused.
                topicConfigTable: [
                    SystemTopics.trace: TopicConfig(topicName: SystemTopics.trace),
                    "TBW102": TopicConfig(topicName: "TBW102"),
                ], withMapping: true)
            var body = RemotingCommand(code: 0)
            body.setJSONBody(RegisterBrokerBody(topicConfigSerializeWrapper: topics))
            let header = RegisterBrokerRequestHeader(
                brokerName: "broker-z", brokerAddr: "127.0.0.1:1", clusterName: "DefaultCluster", brokerId: 0)
            _ = try await client.invokeNameServer(.request(.registerBroker, header: header, body: body.body))

            let r = try await cli.run(["trace", "show", msgId, "--timeout", "1000", "-o", "json"])
            #expect(r.status == 4)
            #expect((TraceFixtures.trace(MessageFixtures.object(r))["produced"] as? [Any])?.count == 1)
            MessageFixtures.expectOneErrorLine(r, contains: "trace lookup incomplete: broker broker-z (127.0.0.1:1)")
        }
    }

    @Test func badInputUnknownIdsAndUnreachableNameServers() async throws {
        try await withCluster(brokers: 1) { cluster in
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let usage: [([String], String)] = [
                (["trace", "show"], "give a MSGID, or --topic T --key K"),
                (["trace", "show", "ABC", "-k", "k", "-t", "T"], "not both"),
                (["trace", "show", "-k", "k"], "--key needs --topic"),
                (["trace", "show", "ABC", "--trace-topic", "bad topic"], "--trace-topic: the topic name"),
                (["trace", "show", "ABC", "--max", "0"], "--max must be at least 1"),
                (["trace", "show", "ABC", "--begin", "yesterday"], "--begin \"yesterday\" is not a time"),
                (["queryMsgTraceById"], "Missing expected argument '--msgId"),
                (["queryMsgTraceById", "-i", "ABC", "-c", "0"], "-c/--maxNum must be at least 1"),
                (["message", "send", "T", "x", "--trace-topic", "a/b"], "--trace-topic: the topic name"),
            ]
            for (args, message) in usage {
                let r = try await cli.run(args)
                #expect(r.status == 2, "\(args): \(r.stderr)")
                MessageFixtures.expectOneErrorLine(r, contains: message)
            }
            let unknown = try await cli.run(["trace", "show", "0A0B0C0D00002A9F0000000000000001"])
            #expect(unknown.status == 3 && unknown.stdout.isEmpty)
            MessageFixtures.expectOneErrorLine(
                unknown, contains: "no trace of message 0A0B0C0D00002A9F0000000000000001")
            let classic = try await cli.run(["QueryMsgTraceById", "-i", "0A0B0C0D00002A9F0000000000000001"])
            #expect(classic.status == 3)
            let noTopic = try await cli.run(["trace", "show", "ABC", "--trace-topic", "NoSuchTraceTopic"])
            #expect(noTopic.status == 3)
            MessageFixtures.expectOneErrorLine(noTopic, contains: "trace topic NoSuchTraceTopic does not exist")
            let noKey = try await cli.run(["trace", "show", "-t", "RMQ_SYS_TRACE_TOPIC", "-k", "nothing-has-this"])
            #expect(noKey.status == 3)
            MessageFixtures.expectOneErrorLine(noKey, contains: "no message with key \"nothing-has-this\"")
            let unreachable = try await InProcessRunner(nameServer: "127.0.0.1:1").run(
                ["trace", "show", "ABC", "--timeout", "500"])
            #expect(unreachable.status == 4)
            #expect(unreachable.stderr.split(separator: "\n").count == 1)
        }
    }
}

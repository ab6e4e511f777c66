import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Acceptance: trace bodies written byte for byte as Apache's Java client writes them (from
/// admin-trace-acl §5.3 and Java's TraceDataEncoder, by hand here, not with the project's encoder),
/// published to the trace topic by the official C++ producer with the keys Java's dispatcher uses (the
/// message id and the business keys): `trace show` decodes every field of every record.
@Suite(.serialized) struct TraceInteropTests {
    static let script = TestPaths.packageRoot + "/Tests/InteropTests/python/cpp_trace.py"

    /// A record as `trace show -o json` lists it; fields a type lacks stay nil.
    struct Record: Decodable, Equatable {
        var type: String
        var timestamp: Int64?
        var regionId: String?
        var group: String?
        var topic: String?
        var msgId: String
        var tags: String?
        var keys: String?
        var storeHost: String?
        var bodyLength: Int?
        var costTime: Int?
        var msgType: Int?
        var offsetMsgId: String?
        var success: Bool?
        var clientHost: String?
        var requestId: String?
        var retryTimes: Int?
        var contextCode: Int?
        var transactionId: String?
        var transactionState: String?
        var fromTransactionCheck: Bool?

        init(_ type: String, msgId: String) {
            self.type = type
            self.msgId = msgId
        }
    }

    struct Shown: Decodable {
        struct Unreadable: Decodable {
            var reason: String
        }
        struct Trace: Decodable {
            struct Consumer: Decodable {
                struct Attempt: Decodable {
                    var status: String
                    var retryTimes: Int?
                    var costMs: Int?
                    var start: Int64?
                    var end: Int64?
                    var returnType: String?
                }
                var group: String
                var attempts: [Attempt]
            }
            struct Stored: Decodable {
                var timestamp: Int64
                var estimated: Bool
                var broker: String?
            }
            struct Produced: Decodable {
                var group: String
                var clientHost: String
                var costMs: Int
            }
            var msgId: String
            var records: [Record]
            var unreadable: [Unreadable]
            var consumers: [Consumer]
            var stored: Stored?
            var produced: [Produced]
        }
        var traces: [Trace]
    }

    func runScript(_ python: String, _ args: [String]) throws -> [[String: Any]] {
        let r = try runCommand(python, [Self.script] + args)
        #expect(r.status == 0, "cpp_trace.py \(args.first ?? "") failed: \(r.stderr.suffix(2000))")
        return r.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test(arguments: CppClient.allCases)
    func javaFormatTracesPublishedByTheCppProducerAreDecodedFieldByField(client cpp: CppClient) async throws {
        let python = try cpp.python()
        let dir = try TempDirectory("interop-trace")
        defer { dir.remove() }
        try await Interop.withBrokerWithTopic(data: dir.sub("data"), topic: "TopicTraced") { broker, admin in

            // The business message, sent by the C++ producer; its client msgId keys the trace.
            let sent = try runScript(
                python, ["message", broker.nameServer, "TopicTraced", "order-77 order-78", "TagX", "paid"])
            let msgId = try #require(sent.first?["msg_id"] as? String)
            let stored = try #require(
                try await admin.lookupMessages(topic: "TopicTraced", key: msgId, unique: true).messages.first)
            let offsetMsgId = stored.offsetMsgId
            let t = stored.storeTimestamp
            let brokerAddr = broker.broker

            // Java's records, written out field by field: U+0001 between fields, U+0002 after each record.
            let pub = "Pub\u{1}\(t - 3)\u{1}DefaultRegion\u{1}PG_JAVA\u{1}TopicTraced\u{1}\(msgId)\u{1}TagX\u{1}"
                + "order-77 order-78\u{1}\(brokerAddr)\u{1}4\u{1}5\u{1}0\u{1}\(offsetMsgId)\u{1}true\u{2}"
            let beforeA = "SubBefore\u{1}\(t + 100)\u{1}DefaultRegion\u{1}CG_JAVA_A\u{1}REQ_A\u{1}\(msgId)\u{1}0\u{1}"
                + "order-77 order-78\u{2}"
            let afterA =
                "SubAfter\u{1}REQ_A\u{1}\(msgId)\u{1}7\u{1}true\u{1}order-77 order-78\u{1}0\u{1}\(t + 107)\u{1}"
                + "CG_JAVA_A\u{2}"
            // Another message's records share the trace message (Java batches); they are not this message's.
            let other = "SubBefore\u{1}\(t + 100)\u{1}DefaultRegion\u{1}CG_JAVA_A\u{1}REQ_A\u{1}OTHER_MSG_ID\u{1}0\u{1}"
                + "other-key\u{2}"
            let beforeB1 = "SubBefore\u{1}\(t + 300)\u{1}DefaultRegion\u{1}CG_JAVA_B\u{1}REQ_B1\u{1}\(msgId)\u{1}0\u{1}"
                + "order-77 order-78\u{2}"
            let afterB1 = "SubAfter\u{1}REQ_B1\u{1}\(msgId)\u{1}20\u{1}false\u{1}order-77 order-78\u{1}4\u{1}\(t + 320)"
                + "\u{1}CG_JAVA_B\u{2}"
            let beforeB2 =
                "SubBefore\u{1}\(t + 10320)\u{1}DefaultRegion\u{1}CG_JAVA_B\u{1}REQ_B2\u{1}\(msgId)\u{1}1\u{1}"
                + "order-77 order-78\u{2}"
            let afterB2 = "SubAfter\u{1}REQ_B2\u{1}\(msgId)\u{1}3\u{1}true\u{1}order-77 order-78\u{1}0\u{1}\(t + 10323)"
                + "\u{1}CG_JAVA_B\u{2}"
            let endTx =
                "EndTransaction\u{1}\(t + 1)\u{1}DefaultRegion\u{1}PG_JAVA\u{1}TopicTraced\u{1}\(msgId)\u{1}TagX"
                + "\u{1}order-77 order-78\u{1}\(brokerAddr)\u{1}2\u{1}TX-1\u{1}COMMIT_MESSAGE\u{1}false\u{2}"
            let recall = "Recall\u{1}\(t + 2)\u{1}DefaultRegion\u{1}PG_JAVA\u{1}TopicTraced\u{1}\(msgId)\u{1}false\u{2}"
            let bodies = [pub, beforeA + other + afterA, beforeB1 + afterB1 + beforeB2 + afterB2, endTx + recall]
            let keys = ["\(msgId) order-77 order-78", "\(msgId) order-77 order-78 OTHER_MSG_ID other-key"]
            for (i, body) in bodies.enumerated() {
                let path = dir.sub("trace-\(i).bin")
                #expect(FileManager.default.createFile(atPath: path, contents: Data(body.utf8)))
                let out = try runScript(
                    python, ["trace", broker.nameServer, SystemTopics.trace, keys[i == 1 ? 1 : 0], path])
                #expect(out.first?["size"] as? Int == body.utf8.count)
            }

            let cli = MQAdminRunner(nameServer: broker.nameServer)
            let r = try cli.run(["trace", "show", msgId, "-o", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            let shown = try JSONDecoder().decode(Shown.self, from: Data(r.stdout.utf8))
            let trace = try #require(shown.traces.first)
            #expect(trace.msgId == msgId && trace.unreadable.isEmpty)

            var p = Record("Pub", msgId: msgId)
            (p.timestamp, p.regionId, p.group, p.topic, p.tags, p.keys) =
                (t - 3, "DefaultRegion", "PG_JAVA", "TopicTraced", "TagX", "order-77 order-78")
            (p.storeHost, p.bodyLength, p.costTime, p.msgType, p.offsetMsgId, p.success) =
                (brokerAddr, 4, 5, 0, offsetMsgId, true)
            func before(_ ts: Int64, _ group: String, _ req: String, _ retry: Int) -> Record {
                var b = Record("SubBefore", msgId: msgId)
                (b.timestamp, b.regionId, b.group, b.requestId, b.retryTimes, b.keys) =
                    (ts, "DefaultRegion", group, req, retry, "order-77 order-78")
                return b
            }
            func after(_ req: String, _ cost: Int, _ ok: Bool, _ code: Int, _ ts: Int64, _ group: String) -> Record {
                var a = Record("SubAfter", msgId: msgId)
                (a.requestId, a.costTime, a.success, a.keys, a.contextCode, a.timestamp, a.group) =
                    (req, cost, ok, "order-77 order-78", code, ts, group)
                return a
            }
            var e = Record("EndTransaction", msgId: msgId)
            (e.timestamp, e.regionId, e.group, e.topic, e.tags, e.keys, e.storeHost) =
                (t + 1, "DefaultRegion", "PG_JAVA", "TopicTraced", "TagX", "order-77 order-78", brokerAddr)
            (e.msgType, e.transactionId, e.transactionState, e.fromTransactionCheck) = (
                2, "TX-1", "COMMIT_MESSAGE", false
            )
            var rc = Record("Recall", msgId: msgId)
            (rc.timestamp, rc.regionId, rc.group, rc.topic, rc.success) =
                (t + 2, "DefaultRegion", "PG_JAVA", "TopicTraced", false)
            let expected = [
                p, before(t + 100, "CG_JAVA_A", "REQ_A", 0), after("REQ_A", 7, true, 0, t + 107, "CG_JAVA_A"),
                before(t + 300, "CG_JAVA_B", "REQ_B1", 0), after("REQ_B1", 20, false, 4, t + 320, "CG_JAVA_B"),
                before(t + 10320, "CG_JAVA_B", "REQ_B2", 1), after("REQ_B2", 3, true, 0, t + 10323, "CG_JAVA_B"), e, rc,
            ]
            // Trace messages come back oldest first; records keep their body order.
            #expect(trace.records.count == expected.count)
            for (got, want) in zip(trace.records, expected) { #expect(got == want) }

            // The journey: the real store, both groups, B's failed first attempt and its retry.
            #expect(trace.stored?.timestamp == t && trace.stored?.estimated == false)
            #expect(trace.produced.map(\.group) == ["PG_JAVA"] && trace.produced.first?.clientHost == "127.0.0.1")
            #expect(trace.consumers.map(\.group) == ["CG_JAVA_A", "CG_JAVA_B"])
            let b = trace.consumers[1].attempts
            #expect(b.map(\.status) == ["failed", "success"] && b.map(\.retryTimes) == [0, 1])
            #expect(b.map(\.returnType) == ["FAILED", "SUCCESS"] && b.map(\.costMs) == [20, 3])
            #expect(b.map(\.start) == [t + 300, t + 10320] && b.map(\.end) == [t + 320, t + 10323])

            // The timeline marks B's wait for its retry as the slowest hop.
            let table = try cli.run(["trace", "show", msgId])
            let slowest = table.stdout.split(separator: "\n").filter { $0.hasSuffix("<- slowest") }
            #expect(slowest.count == 1 && slowest.first?.hasPrefix("deliver  CG_JAVA_B") == true, "\(table.stdout)")
            #expect(slowest.first?.contains(" 10000ms ") == true)

            // Apache's layout reads the same records; and the message is found by a business key.
            let classic = try cli.run(["queryMsgTraceById", "-i", msgId])
            let rows = classic.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }
            #expect(rows.filter { $0.hasPrefix("Pub ") }.count == 1 && rows.filter { $0.hasPrefix("Sub ") }.count == 3)
            #expect(rows.first { $0.hasPrefix("Pub ") }?.contains(" 5ms ") == true)
            let byKey = try cli.run(["trace", "show", "-t", "TopicTraced", "-k", "order-78", "-o", "json"])
            let keyed = try JSONDecoder().decode(Shown.self, from: Data(byKey.stdout.utf8))
            #expect(keyed.traces.map(\.msgId) == [msgId] && keyed.traces.first?.records == expected)
        }
    }
}

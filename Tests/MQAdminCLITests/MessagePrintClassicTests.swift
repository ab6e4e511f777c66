import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

@testable import MQAdminCLI

/// Apache's `printMsg` and `printMsgByQueue`: option letters, the queue order of the Java tool's HashSet, and
/// the `MSGID: ... MessageExt [...] BODY: ...` layout.
@Suite(.serialized) struct MessagePrintClassicTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ApacheFrameTests/Fixtures")

    /// The order Apache's printMsg read the queues in (its GET_MIN_OFFSET requests, one per queue) is the order of
    /// its HashSet of the route's queues.
    @Test(arguments: ["apache-4.9.8.jsonl", "apache-5.3.3.jsonl"])
    func queuesAreReadInTheJavaToolsOrder(file: String) throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(file), encoding: .utf8)
        let frames = text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.filter { $0["exchange"] as? String == "printMsg" && $0["direction"] as? String == "request" }
        let asked = frames.filter { $0["code"] as? Int == 31 }.compactMap {
            (($0["header"] as? [String: Any])?["extFields"] as? [String: Any])?["queueId"] as? String
        }
        #expect(asked.count == 4)
        let queues = (Int32(0)..<4).map { MessageQueue(topic: "CapTopic", brokerName: "broker-a", queueId: $0) }
        #expect(ClassicPrintMsgText.javaSetOrder(queues).map { String($0.queueId) } == asked)
    }

    @Test func printMsgAndPrintMsgByQueueLayouts() async throws {
        try await withCluster(brokers: 1) { cluster in
            try await MessageFixtures.createTopic(cluster, "Printed", queues: 2)
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            var sent: [[String: Any]] = []
            for (i, tag) in ["TagA", "TagB", "TagA"].enumerated() {
                let r = try await cli.run([
                    "message", "send", "Printed", "body \(i)", "--key", "pk\(i)", "--tag", tag, "--broker",
                    "broker-a", "--queue", "1", "-o", "json",
                ])
                sent.append(MessageFixtures.object(r))
            }
            let out = try await cli.run(["printMsg", "-t", "Printed"])
            #expect(out.status == 0, "\(out.stderr)")
            let lines = out.stdout.split(separator: "\n").map(String.init)
            let queues = ClassicPrintMsgText.javaSetOrder(
                (Int32(0)..<2).map { MessageQueue(topic: "Printed", brokerName: "broker-a", queueId: $0) })
            let dashes = String(repeating: "-", count: 56)
            var expected: [String] = []
            for mq in queues {
                let count = mq.queueId == 1 ? 3 : 0
                expected.append(
                    "minOffset=0, maxOffset=\(count), MessageQueue [topic=Printed, brokerName=broker-a, "
                        + "queueId=\(mq.queueId)]")
                expected += (0..<count).map { "MSG \($0)" }
                expected.append(dashes)
            }
            #expect(lines.count == expected.count, "\(out.stdout)")
            for (line, want) in zip(lines, expected) {
                if want.hasPrefix("MSG ") {
                    let i = Int(want.dropFirst(4)) ?? 0
                    Self.expectMessageLine(line, sent[i], body: "body \(i)", tag: i == 1 ? "TagB" : "TagA")
                } else {
                    #expect(line == want)
                }
            }
            let noBody = try await cli.run(["printMsg", "-t", "Printed", "-d", "false", "-s", "TagB"])
            let bodyLines = noBody.stdout.split(separator: "\n").filter { $0.hasPrefix("MSGID: ") }
            #expect(bodyLines.count == 1 && bodyLines[0].hasSuffix(" BODY: NOT PRINT BODY"))
            #expect(bodyLines[0].hasPrefix("MSGID: \(sent[1]["msgId"] as? String ?? "?") "))
            let window = try await cli.run(["printMsg", "-t", "Printed", "-b", "0", "-e", "1"])
            #expect(
                window.stdout.contains(
                    "minOffset=0, maxOffset=0, MessageQueue [topic=Printed, brokerName=broker-a, queueId=1]"))
            #expect(!window.stdout.contains("MSGID"))
            let json = MessageFixtures.array(try await cli.run(["printMsg", "-t", "Printed", "--output", "json"]))
            #expect(json.compactMap { $0["msgId"] as? String } == sent.compactMap { $0["msgId"] as? String })

            // printMsgByQueue: nothing unless -p true; -f true counts tags, most first.
            let quiet = try await cli.run(["printMsgByQueue", "-t", "Printed", "-a", "broker-a", "-i", "1"])
            #expect(quiet.status == 0 && quiet.stdout.isEmpty)
            let counted = try await cli.run(
                ["printMsgByQueue", "-t", "Printed", "-a", "broker-a", "-i", "1", "-f", "true", "-p", "true", "-d",
                 "true"])
            let countedLines = counted.stdout.split(separator: "\n").map(String.init)
            #expect(countedLines.count == 5)
            for i in 0..<3 {
                Self.expectMessageLine(countedLines[i], sent[i], body: "body \(i)", tag: i == 1 ? "TagB" : "TagA")
            }
            #expect(Array(countedLines.suffix(2)) == [
                "Tag: " + Printf.left("TagA", 30) + " Count: 2", "Tag: " + Printf.left("TagB", 30) + " Count: 1",
            ])
            let badCharset = try await cli.run(["printMsg", "-t", "Printed", "-c", "GBK"])
            #expect(badCharset.status == 2 && badCharset.stderr.contains("-c GBK"))
        }
    }

    /// One `MSGID: <id> MessageExt [...] BODY: <body>` line, field by field.
    static func expectMessageLine(
        _ line: String, _ sent: [String: Any], body: String, tag: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let msgId = sent["msgId"] as? String ?? "?"
        let offsetMsgId = sent["offsetMsgId"] as? String ?? "?"
        let offset = sent["queueOffset"] as? Int ?? -1
        let bytes = Array(body.utf8).map(String.init).joined(separator: ", ")
        let pattern =
            #"^MSGID: \#(msgId) MessageExt \[brokerName=broker-a, queueId=1, storeSize=\d+, "#
            + #"queueOffset=\#(offset), sysFlag=0, bornTimestamp=\d+, bornHost=/127\.0\.0\.1:\d+, "#
            + #"storeTimestamp=\d+, storeHost=/127\.0\.0\.1:\d+, msgId=\#(offsetMsgId), commitLogOffset=\d+, "#
            + #"bodyCRC=-?\d+, reconsumeTimes=0, preparedTransactionOffset=0, toString\(\)=Message\{"#
            + #"topic='Printed', flag=0, properties=\{[^}]*\}, body=\[\#(bytes)\], transactionId='null'\}\] "#
            + #"BODY: \#(body)$"#
        #expect(line.range(of: pattern, options: .regularExpression) != nil, "\(line)", sourceLocation: sourceLocation)
        for property in ["TAGS=\(tag)", "UNIQ_KEY=\(msgId)", "MIN_OFFSET=0", "MAX_OFFSET=3"] {
            #expect(line.contains(property), "\(property) in \(line)", sourceLocation: sourceLocation)
        }
    }
}

import Foundation
import MQProtocol
import MQTestSupport
import Testing

@testable import MQAdminCLI

/// Apache's classic message commands: option letters and exact output layouts.
@Suite(.serialized) struct MessageClassicTests {
    func java(_ format: String, _ args: String...) -> String {
        // Only %-Ns, %Ns and %s occur in these layouts.
        var out = ""
        var rest = Substring(format)
        var values = args.makeIterator()
        while let pct = rest.firstIndex(of: "%") {
            out += rest[..<pct]
            rest = rest[rest.index(after: pct)...]
            let spec = rest.prefix { $0 != "s" }
            rest = rest.dropFirst(spec.count + 1)
            let v = values.next() ?? ""
            let width = Int(spec.drop { $0 == "-" }) ?? 0
            out += spec.hasPrefix("-") ? Printf.left(v, width) : Printf.right(v, width)
        }
        return out + rest
    }

    @Test func sendMessageAndQueryMsgByKeyLayouts() async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, "Classic")
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)

            let sent = try await cli.run(
                ["sendMessage", "-t", "Classic", "-p", "classic body", "-k", "ck1 ck2", "-c", "TagC"])
            #expect(sent.status == 0, "\(sent.stderr)")
            let lines = sent.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            #expect(lines[0] == java("%-32s  %-4s  %-20s    %s", "#Broker Name", "#QID", "#Send Result", "#MsgId"))
            let fields = lines[1].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            #expect(fields.count == 4 && fields[2] == "SEND_OK")
            #expect(lines[1] == java("%-32s  %-4s  %-20s    %s", fields[0], fields[1], fields[2], fields[3]))
            let msgId = fields[3]
            let pinned = try await cli.run(
                ["sendMessage", "-t", "Classic", "-p", "pinned", "-b", "broker-b", "-i", "1"])
            #expect(pinned.stdout.split(separator: "\n")[1].hasPrefix(Printf.left("broker-b", 32) + "  1   "))
            let noBroker = try await cli.run(["sendMessage", "-t", "Classic", "-p", "x", "-i", "1"])
            #expect(noBroker.status == 2)
            MessageFixtures.expectOneErrorLine(noBroker, contains: "Broker name must be set")
            let json = MessageFixtures.object(try await cli.run(
                ["sendMessage", "-t", "Classic", "-p", "j", "--output", "json"]))
            #expect(json["status"] as? String == "SEND_OK")

            let byKey = try await cli.run(["queryMsgByKey", "-t", "Classic", "-k", "ck2"])
            #expect(byKey.status == 0)
            let keyLines = byKey.stdout.split(separator: "\n").map(String.init)
            #expect(keyLines[0] == java("%-50s %4s %40s", "#Message ID", "#QID", "#Offset"))
            #expect(keyLines.count == 2)
            let row = keyLines[1].split(separator: " ").map(String.init)
            #expect(row[0] == msgId)
            #expect(keyLines[1] == java("%-50s %4s %40s", row[0], row[1], row[2]))
            let window = try await cli.run([
                "queryMsgByKey", "-t", "Classic", "-k", "ck1", "-b", "0", "-e", String(Int64.max), "-m", "5",
            ])
            #expect(window.stdout.contains(msgId))
            let none = try await cli.run(["queryMsgByKey", "-t", "Classic", "-k", "absent"])
            #expect(none.status == 3)
            #expect(none.stdout.isEmpty)
            MessageFixtures.expectOneErrorLine(none, contains: "absent")
            #expect(!none.stderr.contains("Exception") && !none.stderr.contains("at org."))
            let badTime = try await cli.run(["queryMsgByKey", "-t", "Classic", "-k", "ck1", "-b", "tomorrow"])
            #expect(badTime.status == 2)
        }
    }

    @Test func queryMsgByIdUniqueKeyAndOffsetLayouts() async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, "Classic")
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let dir = try TempDirectory("bodies")
            defer { dir.remove() }
            let sent = MessageFixtures.object(
                try await cli.json(
                    [
                        "message", "send", "Classic", "the body", "--key", "idk", "--tag", "TagI", "--broker",
                        "broker-b", "--queue", "1",
                    ]).result)
            let msgId = try #require(sent["msgId"] as? String)
            let offsetMsgId = try #require(sent["offsetMsgId"] as? String)

            let byId = try await cli.run(["queryMsgById", "-t", "Classic", "-i", offsetMsgId, "--body-dir", dir.path])
            #expect(byId.status == 0, "\(byId.stderr)")
            let lines = byId.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let labels = [
                "OffsetID:", "Topic:", "Tags:", "Keys:", "Queue ID:", "Queue Offset:", "CommitLog Offset:",
                "Reconsume Times:",
                "Born Timestamp:", "Store Timestamp:", "Born Host:", "Store Host:", "System Flag:", "Properties:",
                "Message Body Path:",
            ]
            for (i, label) in labels.enumerated() {
                #expect(lines[i].hasPrefix(Printf.left(label, 20) + " "), "\(lines[i])")
            }
            #expect(lines[0] == Printf.left("OffsetID:", 20) + " " + offsetMsgId)
            #expect(lines[2].hasSuffix(" [TagI]") && lines[3].hasSuffix(" [idk]"))
            #expect(lines[4].hasSuffix(" 1"))
            #expect(lines[8].range(of: #"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}$"#, options: .regularExpression) != nil)
            #expect(
                lines[13].contains("{") && lines[13].contains("KEYS=idk") && lines[13].contains("UNIQ_KEY=\(msgId)"))
            #expect(lines[14] == Printf.left("Message Body Path:", 20) + " " + dir.path + "/" + msgId)
            #expect(FileManager.default.contents(atPath: dir.path + "/" + msgId) == Data("the body".utf8))
            #expect(byId.stdout.contains("\n\n\nWARN: No Consumer"))

            // A message id (UNIQ_KEY) is not an offset id: Apache falls back to the unique-key query.
            let byUniq = try await cli.run(
                ["queryMsgById", "-t", "Classic", "-i", msgId, "--body-dir", dir.path, "-f", "UTF-8"])
            #expect(byUniq.status == 0)
            #expect(byUniq.stdout.hasPrefix(Printf.left("OffsetID:", 20) + " " + offsetMsgId))
            #expect(byUniq.stdout.contains(Printf.left("Message Body:", 20) + " the body"))
            let missing = try await cli.run([
                "queryMsgById", "-t", "Classic", "-i", "0A0000010000AAAA00000000000000FF", "--body-dir", dir.path,
            ])
            #expect(missing.status == 3)

            let unique = try await cli.run(
                ["queryMsgByUniqueKey", "-t", "Classic", "-i", msgId, "--body-dir", dir.path])
            #expect(unique.status == 0)
            #expect(unique.stdout.hasPrefix(Printf.left("Topic:", 20) + " Classic\n"))
            #expect(!unique.stdout.contains("OffsetID:"))

            let consumed = try await cli.run(["message", "consume", "Classic", "-g", "classic-g", "-c", "10"])
            #expect(consumed.status == 0)
            let byOffset = try await cli.run([
                "queryMsgByOffset", "-t", "Classic", "-b", "broker-b", "-i", "1", "-o", "0", "--body-dir", dir.path,
            ])
            #expect(byOffset.status == 0, "\(byOffset.stderr)")
            #expect(byOffset.stdout.hasPrefix(Printf.left("OffsetID:", 20) + " " + offsetMsgId))
            #expect(byOffset.stdout.contains("MIN_OFFSET=0") && byOffset.stdout.contains("MAX_OFFSET=1"))
            // The group consumed it; no group is online.
            #expect(
                byOffset.stdout.contains(
                    "MessageTrack [consumerGroup=classic-g, trackType=NOT_ONLINE, exceptionDesc=CODE:206"))
            let noMessage = try await cli.run(
                ["queryMsgByOffset", "-t", "Classic", "-b", "broker-b", "-i", "1", "-o", "7"])
            #expect(noMessage.status == 3)
            MessageFixtures.expectOneErrorLine(noMessage, contains: "offset 7")
            let jsonOut = MessageFixtures.array(
                try await cli.run(
                    [
                        "queryMsgByOffset", "-t", "Classic", "-b", "broker-b", "-i", "1", "-o", "0", "--body-dir",
                        dir.path, "--output", "json",
                    ]))
            #expect(jsonOut.first?["bodyPath"] as? String == dir.path + "/" + msgId)
            #expect((jsonOut.first?["tracks"] as? [[String: Any]])?.first?["trackType"] as? String == "NOT_ONLINE")
            // -s true sends it again (MessageResendTests has the layout).
            let resent = try await cli.run(["queryMsgById", "-t", "Classic", "-i", msgId, "-s", "true"])
            #expect(resent.stdout.hasPrefix("prepare resend msg. originalMsgId=\(msgId)SendResult [sendStatus=SEND_OK"))
        }
    }

    @Test func propertiesPrintInJavaHashMapOrder() {
        // `java M.java` with `new HashMap<>(128)` and these puts in this order printed exactly this.
        let keys = [
            "KEYS", "TAGS", "WAIT", "UNIQ_KEY", "CLUSTER", "MSG_REGION", "TRACE_ON", "__CRC32#", "color", "MIN_OFFSET",
            "MAX_OFFSET",
        ]
        #expect(
            MessageText.javaMapString(keys.map { ($0, "v") })
                == "{MSG_REGION=v, UNIQ_KEY=v, CLUSTER=v, __CRC32#=v, MIN_OFFSET=v, TAGS=v, color=v, KEYS=v, WAIT=v, "
                + "TRACE_ON=v, MAX_OFFSET=v}"
        )
        #expect(MessageText.javaMapString([]) == "{}")
    }
}

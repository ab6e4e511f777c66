import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// `mqadmin message send|query|get|consume`, run in-process against a 2-broker cluster over TCP and
/// against the embedded default.
@Suite(.serialized) struct MessageCommandTests {
    @Test func sendQueryGetAndConsumeOnATwoBrokerCluster() async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, "Wide")
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)

            // send: keys, tag, properties; JSON gives both ids and where it went.
            let sent = MessageFixtures.object(
                try await cli.json(
                    [
                        "message", "send", "Wide", "hello world", "--key", "k1", "--key", "k2", "--tag", "TagA",
                        "--property", "color=red",
                    ]).result)
            #expect(sent["status"] as? String == "SEND_OK")
            let msgId = try #require(sent["msgId"] as? String)
            let offsetMsgId = try #require(sent["offsetMsgId"] as? String)
            #expect(["broker-a", "broker-b"].contains(sent["broker"] as? String ?? ""))
            #expect(sent["queueOffset"] is Int && sent["queueId"] is Int)

            // One key on many messages spreads over both brokers; query asks both.
            for i in 0..<12 { try await cli.run(["message", "send", "Wide", "shared \(i)", "--key", "shared"]) }
            let shared = MessageFixtures.object(
                try await cli.json(["message", "query", "--topic", "Wide", "--key", "shared"]).result)
            let sharedMessages = shared["messages"] as? [[String: Any]] ?? []
            #expect(sharedMessages.count == 12)
            #expect(Set(sharedMessages.compactMap { $0["broker"] as? String }) == ["broker-a", "broker-b"])
            let table = try await cli.run(["message", "query", "-t", "Wide", "-k", "k2"])
            #expect(table.status == 0)
            #expect(table.stdout.hasPrefix("MSG ID"))
            #expect(table.stdout.contains(msgId))

            // get by offset message id, by message id with --topic, and by queue offset: all fields, all properties.
            let byOffsetId = MessageFixtures.object(try await cli.json(["message", "get", offsetMsgId]).result)
            #expect(byOffsetId["msgId"] as? String == msgId)
            #expect((byOffsetId["properties"] as? [String: String])?["color"] == "red")
            #expect((byOffsetId["properties"] as? [String: String])?["KEYS"] == "k1 k2")
            #expect(byOffsetId["tags"] as? String == "TagA")
            #expect((byOffsetId["body"] as? [String: Any])?["data"] as? String == "hello world")
            #expect((byOffsetId["body"] as? [String: Any])?["encoding"] as? String == "text")
            #expect(byOffsetId["storeTime"] is String && byOffsetId["storeTimestamp"] is Int)
            let byUnique = MessageFixtures.object(
                try await cli.json(["message", "get", msgId, "--topic", "Wide"]).result)
            #expect(byUnique["offsetMsgId"] as? String == offsetMsgId)
            let broker = try #require(sent["broker"] as? String)
            let byQueue = MessageFixtures.object(
                try await cli.json([
                    "message", "get", "--topic", "Wide", "--broker", broker, "--queue", String(sent["queueId"] as! Int),
                    "--offset", String(sent["queueOffset"] as! Int),
                ]).result)
            #expect(byQueue["msgId"] as? String == msgId)
            let detail = try await cli.run(["message", "get", offsetMsgId])
            #expect(detail.stdout.contains("Msg ID:"))
            #expect(detail.stdout.contains("  color"))
            #expect(detail.stdout.contains("hello world\nTarget: name server "))

            // consume as a group, then again from where it committed.
            let first = MessageFixtures.consumed(
                try await cli.json(["message", "consume", "Wide", "--group", "cg-cli", "-c", "5"]).result)
            #expect(first["count"] as? Int == 5)
            #expect((first["commits"] as? [Any])?.isEmpty == false)
            let second = MessageFixtures.consumed(
                try await cli.json(["message", "consume", "Wide", "--group", "cg-cli", "-c", "100"]).result)
            #expect(second["count"] as? Int == 8)
            let ids = { (o: [String: Any]) in
                Set((o["messages"] as? [[String: Any]] ?? []).compactMap { $0["offsetMsgId"] as? String })
            }
            #expect(ids(first).isDisjoint(with: ids(second)))
            let none = MessageFixtures.consumed(try await cli.json(
                ["message", "consume", "Wide", "--group", "cg-cli"]).result)
            #expect(none["count"] as? Int == 0 && (none["messages"] as? [Any])?.isEmpty == true)
            let peek = MessageFixtures.consumed(
                try await cli.json(
                    ["message", "consume", "Wide", "-g", "cg-cli", "--from", "earliest", "-c", "3", "--no-commit"]
                ).result)
            #expect(peek["count"] as? Int == 3 && (peek["commits"] as? [Any])?.isEmpty == true)
            let tagged = MessageFixtures.consumed(
                try await cli.json(
                    ["message", "consume", "Wide", "-g", "cg-tag", "--tag", "TagA", "-c", "50"]).result)
            #expect(tagged["count"] as? Int == 1)
        }
    }

    @Test func bodiesCompressedBinaryFromFilesAndStdin() async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, "Bodies")
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let dir = try TempDirectory("bodies")
            defer { dir.remove() }

            // A large body is sent compressed and shown decompressed.
            let big = String(repeating: "0123456789", count: 1000)
            try big.write(toFile: dir.sub("big.txt"), atomically: true, encoding: .utf8)
            let sentBig = MessageFixtures.object(
                try await cli.json(["message", "send", "Bodies", "--file", dir.sub("big.txt")]).result)
            let bigId = try #require(sentBig["offsetMsgId"] as? String)
            let gotBig = MessageFixtures.object(try await cli.json(["message", "get", bigId]).result)
            let body = try #require(gotBig["body"] as? [String: Any])
            #expect(body["compressed"] as? Bool == true)
            #expect(body["size"] as? Int == 10_000)
            #expect((body["storedSize"] as? Int ?? .max) < 10_000)
            #expect(body["data"] as? String == big)
            let text = try await cli.run(["message", "get", bigId])
            #expect(text.stdout.contains("shown decompressed"))

            // Binary bodies print as hex unless asked otherwise; --save writes the raw bytes.
            let bytes: [UInt8] = [0xff, 0x00, 0xfe, 0x41]
            #expect(FileManager.default.createFile(atPath: dir.sub("bin"), contents: Data(bytes)))
            let sentBin = MessageFixtures.object(
                try await cli.json(["message", "send", "Bodies", "--file", dir.sub("bin")]).result)
            let binId = try #require(sentBin["offsetMsgId"] as? String)
            let hex = MessageFixtures.object(try await cli.json(["message", "get", binId]).result)
            #expect((hex["body"] as? [String: Any])?["encoding"] as? String == "hex")
            #expect((hex["body"] as? [String: Any])?["data"] as? String == "ff00fe41")
            let b64 = MessageFixtures.object(try await cli.json(
                ["message", "get", binId, "--body-format", "base64"]).result)
            #expect((b64["body"] as? [String: Any])?["data"] as? String == "/wD+QQ==")
            let saved = try await cli.run(["message", "get", binId, "--save", dir.sub("out.bin")])
            #expect(saved.status == 0)
            #expect(FileManager.default.contents(atPath: dir.sub("out.bin")) == Data(bytes))
            #expect(saved.stderr.contains("written to \(dir.sub("out.bin"))"))

            // stdin.
            let fromStdin = try await cli.run(
                ["message", "send", "Bodies", "--file", "-", "-o", "json"], stdin: "from stdin")
            let stdinId = try #require(MessageFixtures.object(fromStdin)["offsetMsgId"] as? String)
            let got = MessageFixtures.object(try await cli.json(["message", "get", stdinId]).result)
            #expect((got["body"] as? [String: Any])?["data"] as? String == "from stdin")
        }
    }

    @Test func badInputIsOneLineWithTheDocumentedExitCode() async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, "Bad")
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)

            let missing = try await cli.run(["message", "send", "Bad", "--file", "/nonexistent/body.bin"])
            #expect(missing.status == 2)
            MessageFixtures.expectOneErrorLine(missing, contains: "/nonexistent/body.bin")
            let noBody = try await cli.run(["message", "send", "Bad"])
            #expect(noBody.status == 2)
            let unknownTopic = try await cli.run(["message", "send", "NoSuchTopic", "x"])
            #expect(unknownTopic.status == 3)
            MessageFixtures.expectOneErrorLine(unknownTopic, contains: "NoSuchTopic")
            let queryUnknown = try await cli.run(["message", "query", "--topic", "NoSuchTopic", "--key", "k"])
            #expect(queryUnknown.status == 3)
            let noMatch = try await cli.run(["message", "query", "--topic", "Bad", "--key", "nothing-has-this"])
            #expect(noMatch.status == 3)
            MessageFixtures.expectOneErrorLine(noMatch, contains: "nothing-has-this")
            let badTime = try await cli.run(
                ["message", "query", "--topic", "Bad", "--key", "k", "--begin", "yesterday"])
            #expect(badTime.status == 2)
            MessageFixtures.expectOneErrorLine(badTime, contains: "--begin")
            // Without a zone a time is read in the display zone; an hour that does not exist is refused.
            let noHour = try await cli.run(
                ["message", "query", "--topic", "Bad", "--key", "k", "--end", "2024-05-01T25:00:00"])
            #expect(noHour.status == 2)
            MessageFixtures.expectOneErrorLine(noHour, contains: "out of range")
            let relative = try await cli.run([
                "message", "query", "--topic", "Bad", "--key", "k", "--begin", "-2h", "--end", "now",
            ])
            #expect(relative.status == 3)  // valid times, nothing stored
            let notAnId = try await cli.run(["message", "get", "not-an-id"])
            #expect(notAnId.status == 2)
            let unknownId = try await cli.run(["message", "get", "0A0000010000AAAA00000000000000FF", "--topic", "Bad"])
            #expect(unknownId.status == 3)
            let pastEnd = try await cli.run([
                "message", "get", "--topic", "Bad", "--broker", "broker-a", "--queue", "0", "--offset", "99",
            ])
            #expect(pastEnd.status == 3)
            MessageFixtures.expectOneErrorLine(pastEnd, contains: "offset 99")
            let prometheus = try await cli.run(["message", "query", "--topic", "Bad", "--key", "k", "-o", "prometheus"])
            #expect(prometheus.status == 2)
            let badGroup = try await cli.run(["message", "consume", "Bad", "--group", "bad group"])
            #expect(badGroup.status == 2)
            let unreachable = try await InProcessRunner(nameServer: "127.0.0.1:1").run(
                ["message", "query", "--topic", "Bad", "--key", "k", "--timeout", "500"])
            #expect(unreachable.status == 4)
        }
    }

    @Test func embeddedDefaultSendsQueriesGetsAndConsumes() async throws {
        try await MessageFixtures.withEmbeddedData(topics: ["Local"]) { dir in
            let cli = InProcessRunner(dataDirectory: dir.sub("data"), home: dir.path)
            let sent = MessageFixtures.object(
                try await cli.json(["message", "send", "Local", "embedded body", "--key", "ek"]).result)
            #expect(sent["status"] as? String == "SEND_OK")
            #expect(sent["broker"] as? String == "broker-a")
            let offsetMsgId = try #require(sent["offsetMsgId"] as? String)
            let found = MessageFixtures.object(
                try await cli.json(["message", "query", "--topic", "Local", "--key", "ek"]).result)
            #expect((found["messages"] as? [Any])?.count == 1)
            let got = MessageFixtures.object(try await cli.json(["message", "get", offsetMsgId]).result)
            #expect((got["body"] as? [String: Any])?["data"] as? String == "embedded body")
            let consumed = MessageFixtures.consumed(
                try await cli.json(["message", "consume", "Local", "--group", "local-g"]).result)
            #expect(consumed["count"] as? Int == 1)
            let backlog = MessageFixtures.object(try await cli.json(["backlog", "report", "-g", "local-g"]).result)
            let rows = backlog["rows"] as? [[String: Any]] ?? []
            #expect(rows.first { $0["topic"] as? String == "Local" }?["lag"] as? Int == 0)
        }
    }
}

import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

@testable import MQAdminCLI

/// `message export` → `message import` into another topic (issue 17 item 4): keys, tags, properties and bodies
/// byte for byte, binary and compressed bodies included; a malformed file is refused whole, naming each bad line.
@Suite(.serialized) struct MessageExportImportTests {
    /// Properties a copy may legitimately not carry over: the broker and the pull add or rewrite them.
    static let notCompared: Set<String> = MessageCopy.routingProperties

    static func lines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    static func userProperties(_ line: [String: Any]) -> [String: String] {
        (line["properties"] as? [String: String] ?? [:]).filter { !notCompared.contains($0.key) }
    }

    @Test func exportThenImportIntoAnotherTopicKeepsEverythingByteForByte() async throws {
        try await withCluster { cluster in
            let dir = try TempDirectory("export-import")
            defer { dir.remove() }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress, home: dir.path)
            try await MessageFixtures.createTopic(cluster, "Source")
            try await MessageFixtures.createTopic(cluster, "Copy")
            let client = cluster.client()
            try await withTeardown {
                let producer = Producer(group: "ExportTestProducer", client: client)
                var binary = Message(
                    topic: "Source", body: ByteBuffer(bytes: Array(0...255)), tags: "bin",
                    keys: ["ключ-1", "鍵-2"])
                binary.properties["note"] = "ünïcødé ✓"
                binary.flag = 7
                var large = Message(
                    topic: "Source", body: ByteBuffer(bytes: (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 31) }),
                    tags: "big", keys: ["big-1"])
                large.properties["size"] = "10000"
                let text = Message(topic: "Source", body: "plain text", keys: ["k3"])
                for m in [binary, large, text] { _ = try await producer.send(m) }
            } teardown: {
                await client.shutdown()
            }
            let file = dir.sub("source.jsonl")
            let exported = try await cli.run(["message", "export", "Source", "-f", file, "-o", "json"])
            #expect(exported.status == 0, "\(exported.stderr)")
            #expect(MessageFixtures.object(exported)["count"] as? Int == 3)
            let source = Self.lines(try String(contentsOfFile: file, encoding: .utf8))
            #expect(source.count == 3)
            #expect(Data(base64Encoded: source[0]["body"] as? String ?? "") == Data(Array(0...255)))
            #expect(source[0]["keys"] as? [String] == ["ключ-1", "鍵-2"])

            let plan = try await cli.run(["message", "import", "Copy", "-f", file])
            #expect(plan.status == 0 && plan.stderr.contains("Plan only"), "\(plan.stderr)")
            #expect(Self.lines(try await cli.run(["message", "export", "Copy"]).stdout).isEmpty)

            let imported = try await cli.run([
                "message", "import", "Copy", "-f", file, "--execute", "--yes", "-o", "json",
            ])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(MessageFixtures.object(imported)["sent"] as? Int == 3)

            let copies = Self.lines(try await cli.run(["message", "export", "Copy"]).stdout)
            #expect(copies.count == 3)
            // Paired by first key: the import's sends may share a store millisecond with each other, and the
            // comparison is about what each message carries, not the order the copies were stored in.
            let byKey = Dictionary(uniqueKeysWithValues: copies.map { (($0["keys"] as? [String])?.first ?? "", $0) })
            #expect(byKey.count == 3)
            for original in source {
                let copy = byKey[(original["keys"] as? [String])?.first ?? ""] ?? [:]
                #expect(copy["topic"] as? String == "Copy")
                #expect(copy["body"] as? String == original["body"] as? String)
                #expect(copy["keys"] as? [String] == original["keys"] as? [String])
                #expect(copy["tags"] as? String == original["tags"] as? String)
                #expect(copy["flag"] as? Int == original["flag"] as? Int)
                #expect(copy["msgId"] as? String == original["msgId"] as? String)
                #expect(Self.userProperties(copy) == Self.userProperties(original))
            }
            #expect(Self.userProperties(byKey["ключ-1"] ?? [:])["note"] == "ünïcødé ✓")
        }
    }

    @Test func aMalformedFileIsRefusedWholeNamingEachBadLine() async throws {
        try await withCluster { cluster in
            let dir = try TempDirectory("import-bad")
            defer { dir.remove() }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress, home: dir.path)
            try await MessageFixtures.createTopic(cluster, "Copy")
            let good = #"{"body":"aGVsbG8=","keys":["a"],"properties":{"x":"1"}}"#
            let file = [good, #"{"body":"not base64!"}"#, "", "{oops", #"{"keys":["a"]}"#, good].joined(separator: "\n")
            let r = try await cli.run(["message", "import", "Copy", "-f", "-", "--execute", "--yes"], stdin: file)
            #expect(r.status == MQExit.usage.rawValue)
            #expect(r.stderr.contains("line 2: body is not valid base64"), "\(r.stderr)")
            #expect(r.stderr.contains("line 4:") && r.stderr.contains("line 5: missing \"body\""), "\(r.stderr)")
            #expect(r.stderr.contains("3 bad lines, nothing sent"))
            #expect(Self.lines(try await cli.run(["message", "export", "Copy"]).stdout).isEmpty)

            let missing = try await cli.run(["message", "import", "Nowhere", "-f", "-"], stdin: good)
            #expect(missing.status == MQExit.notFound.rawValue && missing.stderr.contains("topic create Nowhere"))
        }
    }
}

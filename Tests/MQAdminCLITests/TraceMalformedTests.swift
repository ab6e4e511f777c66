import Foundation
import MQProtocol
import MQTestSupport
import Testing

/// Trace messages with broken bodies (wrong separators, missing fields, garbage, compressed garbage):
/// `trace show` and `queryMsgTraceById` report them as unreadable records, still show what is readable,
/// and never crash.
@Suite(.serialized) struct TraceMalformedTests {
    static let msgId = "0A0B0C0D00002A9F0000000000000042"
    static let onlyGarbageId = "0A0B0C0D00002A9F0000000000000043"

    static let pub =
        "Pub\u{1}1714557600120\u{1}DefaultRegion\u{1}PG_BROKEN\u{1}Orders\u{1}\(msgId)\u{1}TagA\u{1}k1\u{1}"
        + "127.0.0.1:10911\u{1}5\u{1}4\u{1}0\u{1}7F00000100002A9F0000000000000BB8\u{1}true\u{2}"
    static let before =
        "SubBefore\u{1}1714557600200\u{1}DefaultRegion\u{1}CG_BROKEN\u{1}REQ9\u{1}\(msgId)\u{1}1\u{1}k1\u{2}"
    static let after =
        "SubAfter\u{1}REQ9\u{1}\(msgId)\u{1}12\u{1}false\u{1}k1\u{1}4\u{1}1714557600212\u{1}CG_BROKEN\u{2}"

    /// Broken records, each with a reason `trace show` must give.
    static let broken: [(text: String, reason: String)] = [
        ("Pub|1714557600120|DefaultRegion|PG|Orders|\(msgId)|t|k|h|1|2|0|O|true", "no U+0001 field separators"),
        ("Pub\u{1}1714557600120\u{1}DefaultRegion\u{1}PG", "Pub record has 4 fields; it needs at least 13"),
        ("SubAfter\u{1}REQ9\u{1}\(msgId)\u{1}soon\u{1}true\u{1}k", "(costTime) \"soon\" is not a number"),
        ("\u{0}\u{7}\u{FFFD}garbage\u{1}\u{1}", "unknown record type"),
        ("SubBefore\u{1}1\u{1}R\u{1}G\u{1}Q\u{1}\(msgId)\u{1}0\u{1}k\nSubAfter\u{1}Q\u{1}M\u{1}1\u{1}true", "inside"),
    ]

    static func garbage(_ seed: UInt64, count: Int) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    @Test func brokenBodiesAreReportedAsUnreadableAndNeverCrash() async throws {
        try await withCluster(brokers: 2) { cluster in
            let client = cluster.client()
            // One body mixing good and broken records; a body that is one long broken record (compressed on the
            // wire, over 4 KiB) around good ones; random bytes.
            let mixed = Self.pub + Self.broken.map { $0.text + "\u{2}" }.joined() + Self.before
            let big = Self.after + String(repeating: "x", count: 6000) + "\u{1}\u{2}"
            var bodies = [Array(mixed.utf8), Array(big.utf8)]
            bodies += (1...20).map { Self.garbage(UInt64($0), count: 40 * $0) }
            try await TraceFixtures.publishTraceBodies(client, bodies: bodies, keys: [Self.msgId, "k1"])
            try await TraceFixtures.publishTraceBodies(
                client, bodies: [Array("Pub\u{1}nonsense\u{2}\u{2}".utf8), Self.garbage(99, count: 300)],
                keys: [Self.onlyGarbageId])
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)

            let shown = try await cli.json(["trace", "show", Self.msgId])
            #expect(shown.result.status == 0, "\(shown.result.stderr)")
            #expect(shown.result.stderr.split(separator: "\n").count == 1)
            #expect(shown.result.stderr.contains("could not be read"))
            let trace = TraceFixtures.trace(MessageFixtures.object(shown.result))
            let records = trace["records"] as? [[String: Any]] ?? []
            #expect(records.compactMap { $0["type"] as? String } == ["Pub", "SubBefore", "SubAfter"])
            let unreadable = trace["unreadable"] as? [[String: Any]] ?? []
            let reasons = unreadable.compactMap { $0["reason"] as? String }
            #expect(reasons.count == unreadable.count && unreadable.count >= Self.broken.count + 1)
            for b in Self.broken {
                #expect(reasons.contains { $0.contains(b.reason) }, "no \"\(b.reason)\" in \(reasons)")
                #expect(unreadable.contains { $0["text"] as? String == b.text })
            }
            // The readable records still make a journey.
            let consumers = trace["consumers"] as? [[String: Any]] ?? []
            let attempt = ((consumers.first?["attempts"]) as? [[String: Any]])?.first ?? [:]
            #expect(consumers.first?["group"] as? String == "CG_BROKEN")
            #expect(attempt["status"] as? String == "failed" && attempt["retryTimes"] as? Int == 1)
            #expect(attempt["returnType"] as? String == "FAILED" && attempt["costMs"] as? Int == 12)
            #expect((trace["stored"] as? [String: Any])?["estimated"] as? Bool == true)

            let table = try await cli.run(["trace", "show", Self.msgId])
            #expect(table.status == 0)
            #expect(table.stdout.contains("\nunreadable trace records: \(unreadable.count)\n"))
            #expect(table.stdout.contains("Pub\\u{1}1714557600120\\u{1}DefaultRegion\\u{1}PG"))
            let classic = try await cli.run(["queryMsgTraceById", "-i", Self.msgId])
            #expect(classic.status == 0)
            #expect(classic.stdout.contains("\nPub        PG_BROKEN "))
            #expect(classic.stderr.split(separator: "\n").count == unreadable.count + 1)

            // Only unreadable records: listed, exit 3, one error line.
            let garbageOnly = try await cli.run(["trace", "show", Self.onlyGarbageId])
            #expect(garbageOnly.status == 3)
            #expect(garbageOnly.stdout.contains("no trace records"))
            #expect(garbageOnly.stdout.contains("unreadable trace records"))
            MessageFixtures.expectOneErrorLine(
                garbageOnly, contains: "no readable trace record of \(Self.onlyGarbageId)")
            let garbageJSON = try await cli.json(["trace", "show", Self.onlyGarbageId])
            #expect(garbageJSON.result.status == 3)
            let garbageTrace = TraceFixtures.trace(MessageFixtures.object(garbageJSON.result))
            #expect((garbageTrace["unreadable"] as? [Any])?.isEmpty == false)
        }
    }
}

import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Apache's classic offset commands: they execute at once, print Apache's layouts, and journal for undo.
@Suite(.serialized) struct OffsetClassicTests {
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

    func committed(_ f: GroupFixture, group: String = "g") async throws -> [Int64?] {
        try await f.client.offsetStates(group: group, topic: "T").map(\.committed)
    }

    @Test func resetOffsetByTimeLayoutAndUndo() async throws {
        try await GroupFixture.with { f in
            for s in try await f.client.offsetStates(group: "g", topic: "T") {
                try await f.client.updateConsumerOffset(group: "g", queue: s.queue, offset: 2)
            }
            // A local time after every message: each queue to its end.
            let f2 = DateFormatter()
            f2.dateFormat = "yyyy-MM-dd#HH:mm:ss:SSS"
            let later = f2.string(from: Date().addingTimeInterval(3600))
            let r = try await f.cli.run(["resetOffsetByTime", "-g", "g", "-t", "T", "-s", later])
            #expect(r.status == 0, "\(r.stderr)")
            let lines = r.stdout.components(separatedBy: "\n")
            #expect(
                lines[0].hasPrefix(
                    "start reset consumer offset by specified, group[g], topic[T], force[true], "
                        + "timestamp(string)[\(later)], timestamp(long)["
                ))
            #expect(lines[1] == pad("#brokerName", 40) + "  " + pad("#queueId", 40) + "  " + pad("#offset", 40))
            var rows: [String] = []
            for b in ["broker-a", "broker-b"] {
                for q in 0..<2 { rows.append(pad(b, 40) + "  " + pad(String(q), 40) + "  " + pad("5", 40)) }
            }
            #expect(Array(lines[2..<6]) == rows)
            #expect(try await committed(f) == [5, 5, 5, 5])

            // It saved the previous offsets: undo restores them.
            let undo = J.object(try await f.cli.json(["offset", "undo", "--execute", "--yes"]))
            #expect(J.array(undo["failures"]).isEmpty)
            #expect(try await committed(f) == [2, 2, 2, 2])

            // `now` and epoch milliseconds; -c is the cluster (accepted), -f the deprecated force flag.
            #expect(
                try await f.cli.run([
                    "resetOffsetByTime", "-g", "g", "-t", "T", "-s", "now", "-c", "DefaultCluster", "-f", "false",
                ]).status == 0)
            #expect(try await f.cli.run(["resetOffsetByTime", "-g", "g", "-t", "T", "-s", "0"]).status == 0)
            #expect(try await committed(f) == [0, 0, 0, 0])
            let json = try await J.classic(f.cli, ["resetOffsetByTime", "-g", "g", "-t", "T", "-s", "now"])
            #expect(J.array(json["queues"]).count == 4 && json["journalId"] is String)

            // Audited like the noun-verb commands, with the journal entry to undo it (docs/classic-commands.md).
            let audit = AuditLogTests.auditLines(f.home)
            #expect(audit.map { $0["command"] as? String } == [
                "resetOffsetByTime", "offset undo", "resetOffsetByTime", "resetOffsetByTime", "resetOffsetByTime",
            ])
            #expect(audit.last?["journalId"] as? String == json["journalId"] as? String, "\(audit)")
            #expect(audit.allSatisfy { $0["journalId"] is String && $0["result"] as? String == "ok" })
        }
    }

    @Test func resetOneQueueByAddressAndOffset() async throws {
        try await GroupFixture.with(brokers: 1) { f in
            let addr = f.cluster.brokers[0].brokerAddress!
            var r = try await f.cli.run([
                "resetOffsetByTime", "-g", "g", "-t", "T", "-s", "now", "-b", addr, "-q", "1", "-o", "3",
            ])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(
                r.stdout.hasPrefix(
                    "start reset consumer offset by specified, group[g], topic[T], queueId[1], broker[\(addr)], "
                        + "timestamp(string)[now], timestamp(long)["
                ))
            #expect(r.stdout.hasSuffix("]\nreset consumer offset to 3\n"))
            #expect(try await committed(f) == [nil, 3])
            // Unlike Apache's, offset 0 is written too.
            r = try await f.cli.run(["resetOffsetByTime", "-g", "g", "-t", "T", "-s", "0", "-b", addr, "-q", "1"])
            #expect(r.stdout.hasSuffix("reset consumer offset to 0\n"))
            #expect(try await committed(f) == [nil, 0])
            r = try await f.cli.run(
                ["resetOffsetByTime", "-g", "g", "-t", "T", "-s", "now", "-b", addr, "-q", "1", "-o", "50"])
            #expect(r.status == 2 && r.stderr.contains("beyond the max offset"))
        }
    }

    @Test func skipAccumulatedCloneAndBadInput() async throws {
        try await GroupFixture.with(brokers: 1) { f in
            var r = try await f.cli.run(["skipAccumulatedMessage", "-g", "g", "-t", "T"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(
                r.stdout.components(separatedBy: "\n")[0] == pad("#brokerName", 40) + "  " + pad("#queueId", 40) + "  "
                    + pad("#offset", 40))
            #expect(try await committed(f) == [5, 5])

            r = try await f.cli.run(["cloneGroupOffset", "-s", "g", "-d", "copy", "-t", "T"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == "clone group offset success. srcGroup[g], destGroup=[copy], topic[T]")
            #expect(try await committed(f, group: "copy") == [5, 5])

            let cases: [([String], Int32, String)] = [
                (["resetOffsetByTime", "-g", "g", "-t", "T", "-s", "yesterday"], 2, "is not a time"),
                (["resetOffsetByTime", "-g", "g", "-t", "T"], 2, "timestamp"),
                (["resetOffsetByTime", "-g", "nobody", "-t", "T", "-s", "now"], 3, "does not exist"),
                (["skipAccumulatedMessage", "-g", "g", "-t", "Nope"], 3, "Nope"),
                (["cloneGroupOffset", "-s", "nobody", "-d", "copy", "-t", "T"], 3, "does not exist"),
            ]
            for (args, code, text) in cases {
                let r = try await f.cli.run(args)
                #expect(r.status == code, "\(args): exit \(r.status), \(r.stderr)")
                #expect(r.stderr.contains(text), "\(args): \(r.stderr)")
            }
            #expect(try await committed(f) == [5, 5])
        }
    }
}

import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// `mqadmin offset show|reset|undo|clone|export|import`, run in-process.
@Suite(.serialized) struct OffsetCommandsTests {
    /// Commits `offset` on every queue of T for group g.
    func commitAll(_ f: GroupFixture, _ offset: Int64, group: String = "g") async throws {
        for s in try await f.client.offsetStates(group: group, topic: "T") {
            try await f.client.updateConsumerOffset(group: group, queue: s.queue, offset: offset)
        }
    }

    func totalLag(_ cli: InProcessRunner, group: String = "g") async throws -> Int64? {
        J.int(J.field(J.object(try await cli.json(["offset", "show", group, "-t", "T"]))["totals"], "lag"))
    }

    @Test func showResetUndoOnTwoBrokers() async throws {
        try await GroupFixture.with { f in
            try await commitAll(f, 3)
            let show = J.object(try await f.cli.json(["offset", "show", "g", "-t", "T"]))
            let queues = J.array(show["queues"])
            #expect(queues.count == 4)
            #expect(Set(queues.compactMap { $0["broker"] as? String }) == ["broker-a", "broker-b"])
            #expect(
                queues.allSatisfy {
                    J.int($0["brokerOffset"]) == 5 && J.int($0["committedOffset"]) == 3 && J.int($0["lag"]) == 2
                })
            #expect(queues.allSatisfy { $0["lastConsumedTime"] is String })
            #expect(J.int(J.field(show["totals"], "lag")) == 8)

            // The plan changes nothing.
            let plan = J.object(try await f.cli.json(["offset", "reset", "g", "-t", "T", "--to-earliest"]))
            #expect(plan["executed"] as? Bool == false)
            #expect(J.int(J.field(plan["totals"], "replay")) == 12)
            let first = J.array(plan["queues"])[0]
            #expect(J.int(first["currentOffset"]) == 3 && J.int(first["newOffset"]) == 0 && J.int(first["replay"]) == 3)
            #expect(first["newStoreTime"] is String && first["currentStoreTime"] is String)
            #expect(J.int(first["windowMillis"]).map { $0 >= 0 } == true)
            #expect(first["applied"] is NSNull)
            #expect(try await totalLag(f.cli) == 8)

            // Off a terminal, --execute needs --yes; nothing changes without it.
            let refused = try await f.cli.run(["offset", "reset", "g", "-t", "T", "--to-earliest", "--execute"])
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("--yes"))
            #expect(try await totalLag(f.cli) == 8)

            let done = J.object(try await f.cli.json(
                ["offset", "reset", "g", "-t", "T", "--to-earliest", "--execute", "--yes"]))
            #expect(done["executed"] as? Bool == true)
            #expect(J.array(done["failures"]).isEmpty)
            #expect(J.array(done["queues"]).allSatisfy { $0["applied"] as? Bool == true && J.int($0["readBack"]) == 0 })
            let journalId = try #require(done["journalId"] as? String)
            #expect(try await totalLag(f.cli) == 20)

            // The journal is private.
            let attrs = try FileManager.default.attributesOfItem(atPath: f.journal + "/" + journalId + ".json")
            #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let dirAttrs = try FileManager.default.attributesOfItem(atPath: f.journal)
            #expect((dirAttrs[.posixPermissions] as? NSNumber)?.intValue == 0o700)

            // Undo: a plan first, then applied.
            let undoPlan = J.object(try await f.cli.json(["offset", "undo"]))
            #expect(J.int(J.field(undoPlan["totals"], "skip")) == 12)
            #expect(try await totalLag(f.cli) == 20)
            let undone = J.object(try await f.cli.json(["offset", "undo", "--execute", "--yes"]))
            #expect(J.array(undone["failures"]).isEmpty)
            #expect(try await totalLag(f.cli) == 8)
            // Nothing left to undo; the list shows both entries.
            #expect(try await f.cli.run(["offset", "undo"]).status == 3)
            let list = J.array(J.object(try await f.cli.json(["offset", "undo", "--list"]))["entries"])
            #expect(list.count == 2)
            #expect(list[0]["undone"] as? Bool == true)
            #expect(list[1]["undoOf"] as? String == journalId)
        }
    }

    @Test func targetsTimeOffsetShiftAndLatest() async throws {
        try await GroupFixture.with(brokers: 1) { f in
            try await commitAll(f, 1)
            // --to-time in the future: the end of every queue.
            var r = J.object(
                try await f.cli.json(
                    ["offset", "reset", "g", "-t", "T", "--to-time", "2100-01-01T00:00:00Z", "--execute", "-y"]))
            #expect(J.array(r["queues"]).allSatisfy { J.int($0["newOffset"]) == 5 })
            // Relative time an hour ago: before every message, so the start.
            r = J.object(try await f.cli.json(["offset", "reset", "g", "-t", "T", "--to-time", "-1h"]))
            #expect(J.array(r["queues"]).allSatisfy { J.int($0["newOffset"]) == 0 })
            // One queue to an explicit offset.
            r = J.object(
                try await f.cli.json(
                    ["offset", "reset", "g", "-t", "T", "--to-offset", "2", "--queue", "1", "--execute", "-y"]))
            #expect(J.array(r["queues"]).count == 1)
            #expect(J.int(J.array(r["queues"])[0]["readBack"]) == 2)
            // Shift back by 10 is clamped to the start, and says so.
            r = J.object(try await f.cli.json(["offset", "reset", "g", "-t", "T", "--shift-by", "-10"]))
            #expect(J.array(r["queues"]).allSatisfy { J.int($0["newOffset"]) == 0 && $0["note"] is String })
            r = J.object(try await f.cli.json(["offset", "reset", "g", "-t", "T", "--to-latest", "--execute", "-y"]))
            #expect(try await totalLag(f.cli) == 0)
            // Table output of a plan names the columns and the totals.
            let table = try await f.cli.run(["offset", "reset", "g", "-t", "T", "--shift-by", "-2"])
            #expect(table.status == 0)
            #expect(
                table.stdout.contains("CURRENT") && table.stdout.contains("replay 2")
                    && table.stdout.contains("Total: replay 4"))
            #expect(table.stderr.contains("nothing changed"))
        }
    }

    @Test func badInputChangesNothing() async throws {
        try await GroupFixture.with(brokers: 1) { f in
            try await commitAll(f, 1)
            let cases: [([String], Int32, String)] = [
                (["offset", "reset", "nobody", "-t", "T", "--to-earliest"], 3, "does not exist"),
                (["offset", "reset", "g", "-t", "NoSuchTopic", "--to-earliest"], 3, "NoSuchTopic"),
                (["offset", "reset", "g", "-t", "T"], 2, "one of --to-earliest"),
                (["offset", "reset", "g", "-t", "T", "--to-earliest", "--to-latest"], 2, "only one"),
                (["offset", "reset", "g", "-t", "T", "--to-earliest", "--dry-run", "--execute"], 2, "not both"),
                (["offset", "reset", "g", "-t", "T", "--to-time", "yesterday"], 2, "not a time"),
                (["offset", "reset", "g", "-t", "T", "--to-time", "2024-05-01T25:00:00"], 2, "out of range"),
                (["offset", "reset", "g", "-t", "T", "--to-time", "1714557600"], 2, "append 000"),
                (
                    ["offset", "reset", "g", "-t", "T", "--to-offset", "99", "--execute", "-y"], 2,
                    "beyond the max offset"
                ),
                (["offset", "reset", "g", "-t", "T", "--to-offset", "1", "--queue", "9"], 2, "no queue 9"),
                (["offset", "show", "nobody"], 3, "does not exist"),
                (["offset", "undo", "--id", "nope"], 3, "no journal entry"),
                (["offset", "import", "/nonexistent.json"], 2, "cannot read"),
                (["offset", "clone", "g", "newbie", "-t", "T"], 3, "group create newbie"),
            ]
            for (args, code, text) in cases {
                let r = try await f.cli.run(args)
                #expect(r.status == code, "\(args): exit \(r.status), \(r.stderr)")
                #expect(r.stderr.hasPrefix("mqadmin: ") && r.stderr.contains(text), "\(args): \(r.stderr)")
                #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
            }
            #expect(try await totalLag(f.cli) == 8)
            // An unreachable name server: exit 4 within the timeout.
            let start = ContinuousClock.now
            let r = try await InProcessRunner(nameServer: "127.0.0.1:1", home: f.home.path).run([
                "offset", "show", "g", "--timeout", "500",
            ])
            #expect(r.status == 4)
            #expect(start.duration(to: .now) < .seconds(10))
        }
    }

    @Test func partialFailureSaysWhatChanged() async throws {
        // The group exists on broker-a only, so broker-b refuses its part of the reset.
        try await GroupFixture.with(brokers: 2, group: nil) { f in
            try await f.client.updateGroup(
                SubscriptionGroupConfig(groupName: "half"), broker: f.cluster.brokers[0].brokerAddress!)
            let r = try await f.cli.run(["offset", "reset", "half", "-t", "T", "--to-offset", "1", "--execute", "-y"])
            #expect(r.status == 1)
            #expect(r.stderr.contains("NOT changed on 2 of 4 queues"))
            #expect(r.stderr.contains("changed: T@broker-a#0, T@broker-a#1"))
            #expect(r.stderr.contains("offset undo --id"))
            #expect(r.stdout.contains("FAILED"))
            let states = try await f.client.offsetStates(group: "half", topic: "T")
            #expect(states.filter { $0.queue.brokerName == "broker-a" }.allSatisfy { $0.committed == 1 })
            #expect(states.filter { $0.queue.brokerName == "broker-b" }.allSatisfy { $0.committed == nil })
        }
    }

    @Test func exportImportAndClone() async throws {
        try await GroupFixture.with { f in
            try await commitAll(f, 4)
            let file = f.home.sub("g.json")
            let export = try await f.cli.run(["offset", "export", "g", "--file", file])
            #expect(export.status == 0)
            let attrs = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let content =
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
            #expect(content?["format"] as? String == "mqadmin.offsets/v1")
            #expect(J.array(content?["offsets"]).count == 4)

            // Import into another group: plan, then execute.
            for b in f.cluster.brokers {
                try await f.client.updateGroup(SubscriptionGroupConfig(groupName: "g2"), broker: b.brokerAddress!)
                try await f.client.updateGroup(SubscriptionGroupConfig(groupName: "g3"), broker: b.brokerAddress!)
            }
            var r = J.object(try await f.cli.json(["offset", "import", file, "--group", "g2"]))
            #expect(r["executed"] as? Bool == false && J.array(r["queues"]).count == 4)
            r = J.object(try await f.cli.json(["offset", "import", file, "--group", "g2", "--execute", "--yes"]))
            #expect(J.array(r["failures"]).isEmpty)
            #expect(try await totalLag(f.cli, group: "g2") == 4)

            // Clone g (at 4) to g3, which must exist first.
            r = J.object(try await f.cli.json(["offset", "clone", "g", "g3", "-t", "T", "--execute", "-y"]))
            #expect(J.array(r["queues"]).allSatisfy { J.int($0["readBack"]) == 4 })
            // A malformed file is bad input.
            try Data("{\"format\":\"x\"}".utf8).write(to: URL(fileURLWithPath: file))
            #expect(try await f.cli.run(["offset", "import", file]).status == 2)
        }
    }

    @Test func embeddedDefaultShowsResetsAndUndoes() async throws {
        try await EmbeddedFixture.with { f in
            #expect(try await totalLag(f.cli) == 10)
            var r = J.object(try await f.cli.json(
                ["offset", "reset", "g", "-t", "T", "--to-offset", "2", "--execute", "--yes"]))
            #expect(
                J.array(r["queues"]).allSatisfy {
                    $0["currentOffset"] is NSNull && $0["currentOffsetReason"] is String
                })
            #expect(try await totalLag(f.cli) == 6)
            r = J.object(try await f.cli.json(["offset", "reset", "g", "-t", "T", "--to-latest", "--execute", "--yes"]))
            #expect(J.int(J.field(r["totals"], "skip")) == 6)
            #expect(try await totalLag(f.cli) == 0)
            _ = J.object(try await f.cli.json(["offset", "undo", "--execute", "--yes"]))
            #expect(try await totalLag(f.cli) == 6)
        }
    }

    @Test func onlineSwiftConsumerReconsumesAfterAReset() async throws {
        // Messages are sent once the consumer has started: PushConsumer sets its handler only at the end of
        // start(), and drops what its first pulls return before that.
        try await GroupFixture.with(perQueue: 0) { f in
            let seen = SeenKeys()
            let consumerClient = f.cluster.client()
            let consumer = PushConsumer(group: "g", client: consumerClient, consumeFromWhere: .firstOffset)
            f.cluster.onStop { await consumer.shutdown() }
            await consumer.subscribe("T")
            try await consumer.start { messages, _ in
                for m in messages { await seen.add(m.properties.keys.first ?? "?") }
                return .success
            }
            try await GroupFixture.produce(f.client, perQueue: 5)
            try await waitUntil("all 20 messages to be delivered", timeout: .seconds(60)) { await seen.distinct == 20 }
            try await waitUntil("g's lag on T to reach 0", timeout: .seconds(30), poll: .milliseconds(50)) {
                (try? await totalLag(f.cli)) == 0
            }
            let before = await seen.deliveries

            let r = J.object(try await f.cli.json(
                ["offset", "reset", "g", "-t", "T", "--shift-by", "-2", "--execute", "--yes"]))
            #expect(J.int(J.field(r["totals"], "replay")) == 8)
            #expect(J.array(r["queues"]).allSatisfy { $0["verified"] as? Bool == true })
            // The member, online all along, gets the last 2 messages of each queue again.
            try await waitUntil("the 8 replayed messages to be delivered again", timeout: .seconds(60)) {
                await seen.deliveries >= before + 8
            }
            let again = await seen.redelivered
            #expect(again.count == 8, "\(again.sorted())")
            #expect(again.allSatisfy { $0.hasSuffix("-3") || $0.hasSuffix("-4") }, "\(again.sorted())")
        }
    }
}

/// Deliveries by message key.
actor SeenKeys {
    private var counts: [String: Int] = [:]
    func add(_ key: String) { counts[key, default: 0] += 1 }
    var distinct: Int { counts.count }
    var deliveries: Int { counts.values.reduce(0, +) }
    var redelivered: [String] { counts.filter { $0.value > 1 }.map(\.key) }
}

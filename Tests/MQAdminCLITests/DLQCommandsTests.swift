import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

@testable import MQAdminCLI

/// `dlq list` / `dlq resend` (issue 17 item 4) against a real broker over TCP: messages reach %DLQ%GROUP the way a
/// consumer puts them there (CONSUMER_SEND_MSG_BACK with delay level -1, Apache's "straight to the DLQ"), one of
/// them from a topic deleted since; the resend names that one as failed, resends the rest exactly once, and a
/// second run resends nothing.
@Suite(.serialized) struct DLQCommandsTests {
    static let group = "BillingGroup"

    /// Sends `messages` (key, body) to `topic` and moves each to the group's DLQ through the broker's send-back.
    static func deadLetter(_ cluster: InProcessCluster, topic: String, _ messages: [(key: String, body: String)])
        async throws
    {
        let client = cluster.client()
        try await withTeardown {
            let producer = Producer(group: "DLQTestProducer", client: client)
            var ids: Set<String> = []
            for (key, body) in messages {
                var m = Message(topic: topic, body: body, tags: "bill", keys: [key])
                m.properties["region"] = "eu-ä"
                ids.insert(try await producer.send(m).msgId)
            }
            let stored = try await client.browse(MessageWindow(topic: topic), limit: 100).messages
            for m in stored where ids.contains(m.msgId) {
                try await client.sendBack(group: group, message: m, delayLevel: -1)
            }
        } teardown: {
            await client.shutdown()
        }
    }

    static func items(_ r: CommandResult) -> [[String: Any]] {
        MessageFixtures.object(r)["items"] as? [[String: Any]] ?? []
    }

    /// `objects` by the first key of each (of the object, or of its `message`): the DLQ's order across brokers is
    /// store-time order, and two brokers may store in the same millisecond.
    static func byKey(_ objects: [[String: Any]]) -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        for o in objects {
            let keys = (o["keys"] ?? (o["message"] as? [String: Any])?["keys"]) as? [String] ?? []
            out[keys.first ?? "?"] = o
        }
        return out
    }

    static func field(_ objects: [[String: Any]], _ name: String) -> [String: String] {
        byKey(objects).compactMapValues { $0[name] as? String }
    }

    @Test(arguments: [1, 2])
    func resendNamesTheMessageOfADeletedTopicAndResendsTheRestExactlyOnce(brokers: Int) async throws {
        try await withCluster(brokers: brokers) { cluster in
            let home = try TempDirectory("dlq-home")
            defer { home.remove() }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress, home: home.path)
            try await MessageFixtures.createTopic(cluster, "Orders")
            try await MessageFixtures.createTopic(cluster, "Gone")
            try await MessageFixtures.createGroup(cluster, Self.group)

            let missing = try await cli.run(["dlq", "list", Self.group])
            #expect(missing.status == MQExit.notFound.rawValue, "\(missing.stderr)")
            #expect(missing.stderr.contains("%DLQ%\(Self.group)") && missing.stderr.split(separator: "\n").count == 1)

            try await Self.deadLetter(cluster, topic: "Orders", [("order-1", "first"), ("order-2", "second")])
            try await Self.deadLetter(cluster, topic: "Gone", [("gone-1", "lost")])
            var listed: [[String: Any]] = []
            try await waitUntil("the three messages to reach the DLQ") {
                let r = try await cli.run(["dlq", "list", Self.group, "-o", "json"])
                listed = MessageFixtures.object(r)["messages"] as? [[String: Any]] ?? []
                return listed.count == 3
            }
            #expect(Self.field(listed, "originalTopic") == ["order-1": "Orders", "order-2": "Orders", "gone-1": "Gone"])
            #expect(listed.allSatisfy { ($0["originMsgId"] as? String)?.isEmpty == false })
            let goneId = Self.byKey(listed)["gone-1"]?["msgId"] as? String ?? "?"

            let deleted = try await cli.run(["topic", "delete", "Gone", "--yes"])
            #expect(deleted.status == 0, "\(deleted.stderr)")

            // The plan changes nothing, says ahead which one would fail, and exits 0.
            let plan = try await cli.run(["dlq", "resend", Self.group, "-o", "json"])
            #expect(plan.status == 0, "\(plan.stderr)")
            let planned = Self.field(Self.items(plan), "result")
            #expect(planned == ["order-1": "planned", "order-2": "planned", "gone-1": "failed"])
            let table = try await cli.run(["dlq", "resend", Self.group])
            #expect(table.stdout.contains("would fail: topic Gone no longer exists"), "\(table.stdout)")
            #expect(table.stdout.contains("would resend") && table.stderr.contains("Plan only"))
            #expect(try await Self.stored(cli, "Orders").count == 2)

            let run = try await cli.run(["dlq", "resend", Self.group, "--execute", "--yes", "-o", "json"])
            #expect(run.status == MQExit.failed.rawValue, "\(run.stderr)")
            let results = Self.items(run)
            #expect(Self.field(results, "result") == ["order-1": "resent", "order-2": "resent", "gone-1": "failed"])
            #expect(Self.field(results, "error") == ["gone-1": "topic Gone no longer exists"])
            #expect(run.stderr.contains(goneId) && run.stderr.contains("topic Gone no longer exists"), "\(run.stderr)")
            // The resend did not bring the deleted topic back through auto-creation.
            let route = try await cli.run(["topic", "route", "Gone"])
            #expect(route.status == MQExit.notFound.rawValue)

            // The journal: `sending` then `sent` for each resent one; the deleted topic's was never sent: no line.
            let journalPath = home.path + "/.mqadmin/journal/dlq-resend.\(Self.group).jsonl"
            let states = Self.lines(journalPath).compactMap { $0["state"] as? String }
            #expect(states.sorted() == ["sending", "sending", "sent", "sent"], "\(states)")
            let mode = try FileManager.default.attributesOfItem(atPath: journalPath)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            let newIds = Self.field(results, "newMsgId")
            #expect(newIds.count == 2)
            let orders = try await Self.stored(cli, "Orders")
            #expect(orders.count == 4)
            let copies = Self.byKey(orders.filter { Set(newIds.values).contains($0["msgId"] as? String ?? "") })
            #expect(copies.compactMapValues { $0["msgId"] as? String } == newIds)
            for (key, body) in [("order-1", "first"), ("order-2", "second")] {
                let copy = copies[key] ?? [:]
                let properties = copy["properties"] as? [String: String] ?? [:]
                #expect(properties["TAGS"] == "bill" && properties["region"] == "eu-ä")
                #expect(properties["RETRY_TOPIC"] == nil && properties["DELAY"] == nil)
                #expect(properties["ORIGIN_MESSAGE_ID"] == Self.byKey(listed)[key]?["originMsgId"] as? String)
                #expect(copy["reconsumeTimes"] as? Int == 0)
                #expect(Self.body(copy) == body)
            }

            // A second run skips what the journal says was resent; the deleted topic's message fails again.
            let again = try await cli.run(["dlq", "resend", Self.group, "--execute", "--yes", "-o", "json"])
            #expect(again.status == MQExit.failed.rawValue)
            let second = Self.items(again)
            #expect(
                Self.field(second, "result")
                    == ["order-1": "already-resent", "order-2": "already-resent", "gone-1": "failed"])
            #expect(Self.field(second, "newMsgId") == newIds)
            #expect(Self.lines(journalPath).count == 4, "a run that sent nothing journals nothing")
            #expect(try await Self.stored(cli, "Orders").count == 4)
        }
    }

    @Test func aRunThatDiedBetweenSendAndRecordIsSkippedUntilAskedAndThenKeepsItsId() async throws {
        try await withCluster { cluster in
            let home = try TempDirectory("dlq-crash")
            defer { home.remove() }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress, home: home.path)
            try await MessageFixtures.createTopic(cluster, "Orders")
            try await MessageFixtures.createGroup(cluster, Self.group)
            try await Self.deadLetter(cluster, topic: "Orders", [("order-1", "first")])
            let client = cluster.client()
            let letter = try await withTeardown {
                var letters: [DeadLetter] = []
                try await waitUntil("the message to reach the DLQ") {
                    let window = DeadLetterWindow(group: Self.group, limit: 10)
                    letters = (try? await client.deadLetters(window).letters) ?? []
                    return letters.count == 1
                }
                return letters[0]
            } teardown: {
                await client.shutdown()
            }
            // What a run that died right after its send leaves: a `sending` line and no outcome.
            let newId = UniqueKeyGenerator.shared.next()
            let journal = DeadLetterJournal(directory: home.path + "/.mqadmin/journal", group: Self.group)
            try journal.append(
                DeadLetterJournalLine(
                    state: .sending, key: letter.journalKey, dlqMsgId: letter.message.msgId,
                    dlqOffsetMsgId: letter.message.offsetMsgId, topic: "Orders", newMsgId: newId,
                    target: "namesrv:" + cluster.nameServerAddress, time: 0))

            let skipped = try await cli.run(["dlq", "resend", Self.group, "--execute", "--yes", "-o", "json"])
            #expect(skipped.status == 0, "\(skipped.stderr)")
            #expect(Self.items(skipped).map { $0["result"] as? String } == ["uncertain"])
            #expect(skipped.stderr.contains("--retry-uncertain"))
            #expect(try await Self.stored(cli, "Orders").count == 1)

            let retried = try await cli.run([
                "dlq", "resend", Self.group, "--execute", "--yes", "--retry-uncertain", "-o", "json",
            ])
            #expect(retried.status == 0, "\(retried.stderr)")
            #expect(Self.items(retried).map { $0["newMsgId"] as? String } == [newId])
            #expect(try await Self.stored(cli, "Orders").last?["msgId"] as? String == newId)
        }
    }

    /// Plans and reads pass a read-only context and are not audited; `--execute` is a change.
    @Test func plansAndReadsAreNotChangesExecuteIs() throws {
        func changes(_ args: [String]) throws -> Bool { CommandEffects.changesTarget(try MQAdmin.parseAsRoot(args)) }
        #expect(try !changes(["dlq", "list", "G"]))
        #expect(try !changes(["dlq", "resend", "G"]))
        #expect(try changes(["dlq", "resend", "G", "--execute"]))
        #expect(try !changes(["message", "export", "T"]))
        #expect(try !changes(["message", "import", "T", "-f", "x.jsonl"]))
        #expect(try changes(["message", "import", "T", "-f", "x.jsonl", "--execute"]))
    }

    /// Every message of `topic` as `message export` lines, oldest first.
    static func stored(_ cli: InProcessRunner, _ topic: String) async throws -> [[String: Any]] {
        let r = try await cli.run(["message", "export", topic])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    static func lines(_ path: String) -> [[String: Any]] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    static func body(_ line: [String: Any]) -> String {
        String(decoding: Data(base64Encoded: line["body"] as? String ?? "") ?? Data(), as: UTF8.self)
    }
}

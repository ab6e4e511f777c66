import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

@testable import MQAdminCLI

/// `message browse` and `message tail` (non-following) against two brokers: a time window returns exactly the
/// messages stored in it, in store-time order, across brokers and queues; filters, --limit, --format.
@Suite(.serialized) struct MessageBrowseTests {
    /// Sends `body` to a given broker and queue; returns its msgId.
    @discardableResult
    static func send(
        _ cli: InProcessRunner, _ topic: String, _ body: String, broker: String, queue: Int, key: String,
        tag: String, color: String
    ) async throws -> String {
        let r = try await cli.run([
            "message", "send", topic, body, "--key", key, "--tag", tag, "--property", "color=\(color)", "--broker",
            broker, "--queue", String(queue), "-o", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        return MessageFixtures.object(r)["msgId"] as? String ?? ""
    }

    /// `message browse -o json` (or tail): the message lines and the summary line.
    static func lines(_ r: CommandResult) -> (messages: [[String: Any]], summary: [String: Any]) {
        let objects = r.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(r.status == 0 && !objects.isEmpty, "exit \(r.status): \(r.stderr)")
        return (Array(objects.dropLast()), objects.last ?? [:])
    }

    static func bodies(_ ms: [[String: Any]]) -> [String] {
        ms.compactMap { ($0["body"] as? [String: Any])?["data"] as? String }
    }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// (storeTimestamp, broker, queue, offset) order.
    static func inStoreOrder(_ ms: [[String: Any]]) -> Bool {
        func key(_ m: [String: Any]) -> (Int, String, Int) {
            (m["storeTimestamp"] as? Int ?? 0, m["broker"] as? String ?? "", m["commitLogOffset"] as? Int ?? 0)
        }
        return zip(ms, ms.dropFirst()).allSatisfy { key($0) <= key($1) }
    }

    @Test func aWindowReturnsExactlyTheMessagesStoredInItInStoreOrder() async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, "Browse", queues: 2)
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let spots = [("broker-a", 0), ("broker-b", 1), ("broker-a", 1), ("broker-b", 0)]
            func batch(_ name: String, _ n: Int) async throws -> [String] {
                var ids: [String] = []
                for i in 0..<n {
                    let (broker, queue) = spots[i % spots.count]
                    ids.append(
                        try await Self.send(
                            cli, "Browse", "\(name) \(i)", broker: broker, queue: queue, key: "\(name)-k\(i % 3)",
                            tag: i % 2 == 0 ? "even" : "odd", color: i % 3 == 0 ? "red" : "blue"))
                }
                return ids
            }
            func everything() async throws -> [[String: Any]] {
                let r = try await cli.run(["message", "browse", "Browse", "--limit", "1000", "-o", "json"])
                return Self.lines(r).messages
            }
            _ = try await batch("before", 4)
            let lastBefore = try await everything().compactMap { $0["storeTimestamp"] as? Int }.max() ?? 0
            let since = Int64(lastBefore + 1)
            try await waitUntil("the clock to pass the last message before the window") { Self.now() >= since }
            let inside = try await batch("inside", 8)
            let lastInside = try await everything().compactMap { $0["storeTimestamp"] as? Int }.max() ?? 0
            let until = Int64(lastInside + 1)
            try await waitUntil("the clock to pass the window's last message") { Self.now() >= until }
            _ = try await batch("after", 4)

            let all = try await everything()
            #expect(all.count == 16 && Self.inStoreOrder(all))
            let expected = all.filter {
                let t = Int64($0["storeTimestamp"] as? Int ?? 0)
                return t >= since && t < until
            }
            let window = ["message", "browse", "Browse", "--since", String(since), "--until", String(until)]
            let (found, summary) = Self.lines(try await cli.run(window + ["-o", "json"]))
            let ids = found.compactMap { $0["msgId"] as? String }
            #expect(ids == expected.compactMap { $0["msgId"] as? String })
            #expect(Set(ids) == Set(inside) && ids.count == 8)
            #expect(Self.inStoreOrder(found))
            #expect(Set(found.compactMap { $0["broker"] as? String }) == ["broker-a", "broker-b"])
            #expect(summary["count"] as? Int == 8 && summary["more"] as? Bool == false)
            #expect(summary["queues"] as? Int == 4 && summary["since"] as? Int == Int(since))

            // Filters: tag on the broker, key and SQL92 here.
            let even = Self.lines(try await cli.run(window + ["--tag", "even", "-o", "json"])).messages
            #expect(even.count == 4 && even.allSatisfy { $0["tags"] as? String == "even" })
            let keyed = Self.lines(try await cli.run(window + ["--key", "inside-k1", "-o", "json"])).messages
            #expect(Self.bodies(keyed).sorted() == ["inside 1", "inside 4", "inside 7"])
            let red = Self.lines(try await cli.run(window + ["--where", "color = 'red'", "-o", "json"])).messages
            #expect(Self.bodies(red).sorted() == ["inside 0", "inside 3", "inside 6"])
            let queue = Self.lines(
                try await cli.run(window + ["--broker", "broker-b", "--queue", "1", "-o", "json"])).messages
            #expect(queue.count == 2)
            #expect(queue.allSatisfy { $0["broker"] as? String == "broker-b" && $0["queueId"] as? Int == 1 })

            // --limit cuts in store-time order and says so.
            let cut = try await cli.run(window + ["--limit", "3", "-o", "json"])
            let (first3, cutSummary) = Self.lines(cut)
            #expect(first3.compactMap { $0["msgId"] as? String } == Array(ids.prefix(3)))
            #expect(cutSummary["more"] as? Bool == true && cut.stderr.contains("use --limit"))

            // --format: one line per message; table: one row per message under a header.
            let formatted = try await cli.run(
                window + ["--format", "{timestamp} {broker}/{queue}@{offset} {keys} {body}"])
            let formattedLines = formatted.stdout.split(separator: "\n").map(String.init)
            let firstTime = found.first?["storeTimestamp"] as? Int ?? 0
            #expect(formattedLines.count == 8 && formattedLines.first?.hasPrefix("\(firstTime) ") == true)
            #expect(formattedLines.allSatisfy { $0.contains(" inside ") })
            let table = try await cli.run(window)
            #expect(table.stdout.split(separator: "\n").count == 9 && table.stdout.hasPrefix("BROKER"))
            let empty = try await cli.run(["message", "browse", "Browse", "--since", String(until + 3_600_000)])
            #expect(empty.status == 0 && empty.stdout.hasPrefix("no messages in the window"))

            // tail (not following): the newest messages, in store-time order.
            let newest = Self.lines(try await cli.run(["message", "tail", "Browse", "-c", "3", "-o", "json"]))
            #expect(
                newest.messages.compactMap { $0["msgId"] as? String }
                    == all.suffix(3).compactMap { $0["msgId"] as? String })
            #expect(newest.summary["count"] as? Int == 3 && newest.summary["followed"] as? Bool == false)
            let sinceTail = try await cli.run(
                ["message", "tail", "Browse", "--since", String(until), "--format", "{body}"])
            // Sent one after the other, they may share a millisecond: then broker and queue order them.
            #expect(sinceTail.stdout.split(separator: "\n").sorted() == ["after 0", "after 1", "after 2", "after 3"])

            // All of it read as TOOLS_CONSUMER, which committed nothing.
            let client = cluster.client()
            try await withTeardown {
                for broker in ["broker-a", "broker-b"] {
                    for queue in Int32(0)..<2 {
                        let mq = MessageQueue(topic: "Browse", brokerName: broker, queueId: queue)
                        let committed = try await client.queryConsumerOffset(
                            group: MQClientInstance.toolsConsumerGroup, queue: mq)
                        #expect(committed == nil)
                    }
                }
            } teardown: {
                await client.shutdown()
            }
        }
    }

    @Test func badInputIsOneLineWithItsExitCode() async throws {
        try await withCluster(brokers: 1) { cluster in
            try await MessageFixtures.createTopic(cluster, "BrowseBad", queues: 2)
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let unknownField = try await cli.run(["message", "browse", "BrowseBad", "--format", "{time} {nope}"])
            #expect(unknownField.status == 2 && unknownField.stderr.contains("{nope}"), "\(unknownField.stderr)")
            let both = try await cli.run(["message", "browse", "BrowseBad", "--format", "{body}", "-o", "json"])
            #expect(both.status == 2)
            let backwards = try await cli.run(
                ["message", "browse", "BrowseBad", "--since", "2026-12-03T02:10", "--until", "2026-12-03T02:00"])
            #expect(backwards.status == 2)
            MessageFixtures.expectOneErrorLine(backwards, contains: "--until must be later than --since")
            let badTime = try await cli.run(["message", "browse", "BrowseBad", "--since", "yesterday"])
            #expect(badTime.status == 2 && badTime.stderr.contains("--since"))
            let badWhere = try await cli.run(["message", "browse", "BrowseBad", "--where", "a >"])
            #expect(badWhere.status == 2 && badWhere.stderr.contains("--where"))
            let noBroker = try await cli.run(["message", "browse", "BrowseBad", "--broker", "broker-x"])
            #expect(noBroker.status == 3)
            MessageFixtures.expectOneErrorLine(noBroker, contains: "no queues on broker broker-x")
            let noQueue = try await cli.run(["message", "tail", "BrowseBad", "--queue", "7"])
            #expect(noQueue.status == 3)
            let noTopic = try await cli.run(["message", "browse", "NoSuchTopic"])
            #expect(noTopic.status == 3, "\(noTopic.stderr)")
            let both2 = try await cli.run(["message", "tail", "BrowseBad", "-c", "3", "--since", "-1h"])
            #expect(both2.status == 2)
        }
    }

    @Test func templateFieldsRender() throws {
        let t = try MessageTemplate("{{{queue}}} {prop:color} {key}")
        #expect(t.pieces.count == 6)
        #expect(MessageTemplate.oneLine("a\nb\\c") == "a\\nb\\\\c")
        #expect(throws: CLIError.self) { try MessageTemplate("{body") }
    }
}

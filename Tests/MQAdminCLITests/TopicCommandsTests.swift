import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// `mqadmin topic ...` run in-process, against a 2-broker cluster over TCP and against the
/// embedded default; the JSON shapes of docs/json/topics.md checked.
@Suite(.serialized) struct TopicCommandsTests {
    @Test func lifecycleOnTwoBrokers() async throws {
        try await TopicTestTarget.withCluster { t in
            try await lifecycle(t, brokers: 2)
        }
    }

    @Test func lifecycleOnTheEmbeddedDefault() async throws {
        try await TopicTestTarget.withEmbedded { t in
            try await lifecycle(t, brokers: 1)
        }
    }

    /// create → create again → update → list → route → describe → delete, checking each JSON shape.
    func lifecycle(_ t: TopicTestTarget, brokers: Int) async throws {
        let (created, c) = try await t.json(["topic", "create", "Orders", "-r", "4", "-w", "4"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(c.keys == ["action", "brokers", "orderConf", "orderError", "succeeded", "target", "topic"])
        #expect(c["action"].string == "create" && c["succeeded"].bool == true && c["orderConf"].isNull)
        #expect(c["brokers"].array?.count == brokers)
        let first = c["brokers"][0]
        #expect(first.keys == ["address", "broker", "cluster", "config", "error", "previous", "result"])
        #expect(first["broker"].string == "broker-a" && first["cluster"].string == "DefaultCluster")
        #expect(first["result"].string == "created" && first["previous"].isNull && first["error"].isNull)
        #expect(first["config"]["readQueueNums"].int == 4 && first["config"]["permName"].string == "RW-")
        #expect(first["config"]["attributes"].keys.isEmpty && first["config"]["order"].bool == false)

        // Again: refused, nothing changed; --if-not-exists: fine, unchanged.
        let again = try await t.run(["topic", "create", "Orders", "-w", "16"])
        #expect(again.status == 1)
        #expect(again.errorLine.contains("already exists on broker-a"))
        #expect(again.errorLine.contains("nothing changed"))
        let (_, ifNot) = try await t.json(["topic", "create", "Orders", "--if-not-exists"])
        #expect(ifNot["brokers"].array?.allSatisfy { $0["result"].string == "unchanged" } == true)
        try await t.waitForRoute("Orders", brokers: brokers)

        // Update changes only what it is given.
        let (updated, u) = try await t.json(["topic", "update", "Orders", "-w", "2", "--perm", "R"])
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(u["action"].string == "update")
        let ub = u["brokers"][0]
        #expect(ub["result"].string == "updated")
        #expect(ub["previous"]["writeQueueNums"].int == 4 && ub["config"]["writeQueueNums"].int == 2)
        #expect(ub["config"]["readQueueNums"].int == 4 && ub["config"]["permName"].string == "R--")
        let table = try await t.run(["topic", "update", "Orders", "--perm", "RW"])
        #expect(table.lines[0].hasPrefix("BROKER"))
        #expect(table.stdout.contains("perm R--→RW-"))

        // List: hidden system topics unless --all.
        let (_, list) = try await t.json(["topic", "list"])
        #expect(list.keys == ["target", "topics"])
        let orders = list["topics"].array?.first { $0["topic"].string == "Orders" }
        #expect(orders?["clusters"].strings == ["DefaultCluster"] && orders?["kind"].string == "normal")
        #expect(orders?["messageType"].string == "NORMAL")
        #expect(list["topics"].array?.contains { $0["topic"].string == "TBW102" } == false)
        let (_, all) = try await t.json(["topic", "list", "--all"])
        #expect(all["topics"].array?.first { $0["topic"].string == "TBW102" }?["kind"].string == "system")
        #expect(all["topics"].array?.first { $0["topic"].string == "DefaultCluster" }?["kind"].string == "system")

        // Route (brokers re-register asynchronously after the update).
        try await waitUntil("the route of Orders to show the updated write queues") {
            (try? await t.json(["topic", "route", "Orders"]).value["totals"]["writeQueues"].int) == 2 * brokers
        }
        let (_, route) = try await t.json(["topic", "route", "Orders"])
        #expect(route.keys == ["brokers", "orderTopicConf", "target", "topic", "totals"])
        #expect(route["brokers"][0]["addresses"]["0"].string == t.brokerAddresses[0])
        #expect(
            route["brokers"][0].keys == [
                "addresses", "broker", "cluster", "perm", "permName", "readQueues", "topicSysFlag", "writeQueues",
            ])
        #expect(route["totals"]["brokers"].int == brokers && route["totals"]["writeQueues"].int == 2 * brokers)

        // Describe, with messages in one queue.
        let sent = try await produce(t, topic: "Orders", count: 5)
        let (described, d) = try await t.json(["topic", "describe", "Orders"])
        #expect(described.status == 0, "\(described.stderr)")
        #expect(d.keys == ["brokers", "messageType", "queues", "target", "topic", "totals"])
        #expect(d["messageType"].string == "NORMAL")
        #expect(d["totals"]["messages"].int == sent && d["totals"]["queues"].int == 4 * brokers)
        #expect(
            d["brokers"][0].keys == [
                "address", "broker", "cluster", "error", "perm", "permName", "putTps", "reachable", "readQueues",
                "writeQueues",
            ])
        let queues = d["queues"].array ?? []
        if sent > 0 {
            let full = try #require(queues.first { $0["messages"].int == sent })
            #expect(full["lastStoreTime"].int ?? 0 > 0 && full["lastStoreTimeIso"].string?.contains("T") == true)
            #expect(full["lastStoreTimeReason"].isNull && full["maxOffset"].int == sent)
        }
        let empty = try #require(queues.first { $0["messages"].int == 0 })
        #expect(empty["lastStoreTime"].isNull && empty["lastStoreTimeReason"].string == "empty queue")
        let human = try await t.run(["topic", "describe", "Orders"])
        #expect(human.lines[0].hasPrefix("Topic Orders: \(brokers) broker(s), \(4 * brokers) queues, \(sent) messages"))
        #expect(human.lines[0].hasSuffix("msg/s, type NORMAL"))

        // Delete: refused off a terminal without --yes; then gone everywhere.
        let refused = try await t.run(["topic", "delete", "Orders"])
        #expect(refused.status == 2 && refused.errorLine.contains("pass --yes"))
        #expect(try await t.run(["topic", "route", "Orders"]).status == 0)
        let (deleted, del) = try await t.json(["topic", "delete", "Orders", "--yes"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(del.keys == ["brokers", "cluster", "nameServers", "succeeded", "target", "topic"])
        #expect(del["brokers"].array?.map { $0["result"].string ?? "" } == Array(repeating: "deleted", count: brokers))
        #expect(del["nameServers"][0]["result"].string == "deleted" && del["succeeded"].bool == true)
        let gone = try await t.run(["topic", "describe", "Orders"])
        #expect(
            gone.status == 3
                && gone.errorLine
                    == "mqadmin: topic Orders does not exist; create it with `mqadmin topic create Orders`"
        )
    }

    /// Sends `count` messages to queue 0 of broker-a (cluster only: the embedded broker lives in the CLI
    /// process, so there the topic stays empty). Returns how many were sent.
    func produce(_ t: TopicTestTarget, topic: String, count: Int) async throws -> Int {
        guard let cluster = t.cluster else { return 0 }
        let client = cluster.client()
        let producer = Producer(group: "topic-tests", client: client)
        for i in 0..<count {
            _ = try await producer.send(
                Message(topic: topic, body: "m\(i)"), to: MessageQueue(topic: topic, brokerName: "broker-a", queueId: 0)
            )
        }
        await client.shutdown()
        return count
    }

    @Test func createWithOrderWritesTheOrderConfiguration() async throws {
        try await TopicTestTarget.withCluster { t in
            let (r, c) = try await t.json(["topic", "create", "Ordered", "--order", "-w", "3"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(c["orderConf"].string == "broker-a:3;broker-b:3")
            #expect(c["brokers"][1]["config"]["order"].bool == true)
            let client = t.cluster!.client()
            #expect(
                try await client.kvConfig(namespace: "ORDER_TOPIC_CONFIG", key: "Ordered") == "broker-a:3;broker-b:3")
            await client.shutdown()
        }
    }

    @Test func createWithTypeSetsTheMessageTypeAttributeShownByListAndDescribe() async throws {
        try await TopicTestTarget.withCluster { t in
            let (r, c) = try await t.json(
                ["topic", "create", "Payments", "--type", "transaction", "-w", "2", "-r", "2"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(c["brokers"][0]["config"]["attributes"]["message.type"].string == "TRANSACTION")
            let client = t.cluster!.client()
            let stored = try await client.topicConfig("Payments", broker: t.brokerAddresses[1])
            #expect(stored?.attributes == ["message.type": "TRANSACTION"] && stored?.messageType == "TRANSACTION")
            try await t.waitForRoute("Payments", brokers: 2)

            let (_, list) = try await t.json(["topic", "list"])
            let payments = list["topics"].array?.first { $0["topic"].string == "Payments" }
            #expect(payments?["messageType"].string == "TRANSACTION")
            let table = try await t.run(["topic", "list"])
            #expect(table.lines[0].hasSuffix("KIND    TYPE"))
            #expect(table.lines.contains { $0.hasPrefix("Payments") && $0.hasSuffix("normal  TRANSACTION") })
            let (_, d) = try await t.json(["topic", "describe", "Payments"])
            #expect(d["messageType"].string == "TRANSACTION")
            #expect(try await t.run(["topic", "describe", "Payments"]).lines[0].hasSuffix("type TRANSACTION"))

            // --type and an --attribute for the same key must agree.
            let clash = try await t.run(
                ["topic", "create", "Clash", "--type", "FIFO", "--attribute", "message.type=DELAY"])
            #expect(clash.status == 2 && clash.errorLine.contains("disagree"))
        }
    }

    @Test func oneBrokerOnlyWithBroker() async throws {
        try await TopicTestTarget.withCluster { t in
            let b = t.brokerAddresses[1]
            let (r, c) = try await t.json(["topic", "create", "OnB", "--broker", b])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(c["brokers"].array?.count == 1 && c["brokers"][0]["broker"].string == "broker-b")
            try await t.waitForRoute("OnB", brokers: 1)
            // Update over the cluster: broker-a does not have it and is left alone.
            let (_, u) = try await t.json(["topic", "update", "OnB", "-r", "2"])
            #expect(u["brokers"].array?.map { $0["result"].string ?? "" } == ["absent", "updated"])
        }
    }
}

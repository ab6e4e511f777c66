import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Apache's classic topic commands, their exact layouts asserted line by line (admin-trace-acl §2.1, §3).
@Suite(.serialized) struct TopicClassicTests {
    @Test func updateTopicOnAClusterPrintsApacheLines() async throws {
        try await TopicTestTarget.withCluster { t in
            let (a, b) = (t.brokerAddresses[0], t.brokerAddresses[1])
            let r = try await t.run([
                "updateTopic", "-c", "DefaultCluster", "-t", "Classic", "-r", "4", "-w", "6", "-p", "6", "-o", "true",
                "-a", "+message.type=FIFO",
            ])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(
                r.lines == [
                    "create topic to \(a) success.",
                    "create topic to \(b) success.",
                    "set cluster orderConf. isOrder=true, orderConf=[broker-a:6;broker-b:6]",
                    "TopicConfig [topicName=Classic, readQueueNums=4, writeQueueNums=6, perm=RW-, "
                        + "topicFilterType=SINGLE_TAG, topicSysFlag=0, order=true, attributes={+message.type=FIFO}]",
                    "",
                ])
            #expect(r.stderr.isEmpty)

            // Apache's semantics: options left out get their defaults again, even on an existing topic.
            let again = try await t.run(
                ["updateTopic", "-b", b, "-t", "Classic", "-u", "true", "-s", "true", "-p", "4"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(
                again.lines == [
                    "create topic to \(b) success.",
                    "TopicConfig [topicName=Classic, readQueueNums=8, writeQueueNums=8, perm=R--, "
                        + "topicFilterType=SINGLE_TAG, topicSysFlag=3, order=false, attributes={}]",
                    "",
                ])
            let client = t.cluster!.client()
            let onB = try #require(try await client.topicConfig("Classic", broker: b))
            #expect(onB.readQueueNums == 8 && onB.perm == 4 && onB.topicSysFlag == 3)
            #expect(try await client.topicConfig("Classic", broker: a)?.writeQueueNums == 6)

            // -b with -o true: the order line comes first and keeps the other brokers' entries.
            let ordered = try await t.run(["updateTopic", "-b", a, "-t", "Classic", "-o", "true", "-w", "2"])
            #expect(ordered.lines.first == "set broker orderConf. isOrder=true, orderConf=[broker-a:2]")
            #expect(ordered.lines[1] == "create topic to \(a) success.")
            #expect(
                try await client.kvConfig(namespace: "ORDER_TOPIC_CONFIG", key: "Classic") == "broker-a:2;broker-b:6")

            // JSON.
            let (_, json) = try await t.json(["updateTopic", "-c", "DefaultCluster", "-t", "Classic"], classic: true)
            #expect(json["action"].string == "upsert" && json["brokers"].array?.count == 2)
            #expect(json["brokers"][0]["result"].string == "updated")
            await client.shutdown()
        }
    }

    @Test func deleteTopicPrintsApacheLines() async throws {
        try await TopicTestTarget.withCluster { t in
            #expect(try await t.run(["updateTopic", "-c", "DefaultCluster", "-t", "Doomed"]).status == 0)
            try await t.waitForRoute("Doomed", brokers: 2)
            // Apache's contract: no prompt and no --yes, off a terminal too (docs/classic-commands.md).
            let r = try await t.run(["deleteTopic", "-t", "Doomed", "-c", "DefaultCluster"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(
                r.lines == [
                    "delete topic [Doomed] from cluster [DefaultCluster] success.",
                    "delete topic [Doomed] from NameServer success.",
                    "",
                ])
            #expect(try await t.run(["topicRoute", "-t", "Doomed"]).status == 3)
            // -y, once needed, is still accepted and changes nothing.
            let unknown = try await t.run(["deleteTopic", "-t", "Doomed", "-c", "DefaultCluster", "-y"])
            #expect(unknown.status == 3 && unknown.stdout.isEmpty)
        }
    }

    @Test func topicListPlainAndClusterLayouts() async throws {
        try await TopicTestTarget.withCluster { t in
            #expect(try await t.run(["updateTopic", "-c", "DefaultCluster", "-t", "Listed"]).status == 0)
            #expect(try await t.run(["updateTopic", "-c", "DefaultCluster", "-t", "%RETRY%g9"]).status == 0)
            try await t.waitForRoute("Listed", brokers: 2)
            try await t.waitForRoute("%RETRY%g9", brokers: 2)
            // Groups consuming: one with an offset on broker-b, one on broker-a.
            let client = t.cluster!.client()
            for (group, broker, addr) in [
                ("g-one", "broker-a", t.brokerAddresses[0]), ("g-two", "broker-b", t.brokerAddresses[1]),
            ] {
                try await client.updateGroup(SubscriptionGroupConfig(groupName: group), broker: addr)
                try await client.updateConsumerOffset(
                    group: group, queue: MessageQueue(topic: "Listed", brokerName: broker, queueId: 0), offset: 0)
            }
            await client.shutdown()

            let plain = try await t.run(["topicList"])
            #expect(plain.status == 0)
            // Every topic, system, retry and DLQ ones included, one per line.
            for name in ["Listed", "%RETRY%g9", "TBW102", "DefaultCluster", "broker-a", "broker-b"] {
                #expect(plain.lines.contains(name), "\(name)")
            }

            let c = try await t.run(["topicList", "-c"])
            #expect(c.status == 0, "\(c.stderr)")
            #expect(
                c.lines[0] == pad("#Cluster Name", 20) + "  " + pad("#Topic", 48) + "  " + pad("#Consumer Group", 48))
            let row = { (topic: String, group: String) in
                pad("DefaultCluster", 20) + "  " + pad(topic, 64) + "  " + pad(group, 64)
            }
            #expect(c.lines.contains(row("Listed", "g-one")))
            #expect(c.lines.contains(row("Listed", "g-two")))
            #expect(c.lines.contains(row("TBW102", "")))
            // Retry and DLQ topics are skipped.
            #expect(!c.stdout.contains("%RETRY%g9"))
            #expect(c.lines.dropFirst().allSatisfy { $0.isEmpty || $0.count == 20 + 2 + 64 + 2 + 64 })

            let (_, json) = try await t.json(["topicList", "-c"], classic: true)
            let listed = json["topics"].array?.first { $0["topic"].string == "Listed" }
            #expect(listed?["groups"].strings == ["g-one", "g-two"] && listed?["cluster"].string == "DefaultCluster")
        }
    }

    @Test func topicStatusRouteAndClusterListLayouts() async throws {
        try await TopicTestTarget.withCluster { t in
            let (a, b) = (t.brokerAddresses[0], t.brokerAddresses[1])
            #expect(
                try await t.run(["updateTopic", "-c", "DefaultCluster", "-t", "Shown", "-r", "2", "-w", "2"]).status
                    == 0)
            try await t.waitForRoute("Shown", brokers: 2)
            let client = t.cluster!.client()
            let producer = Producer(group: "pg", client: client)
            for i in 0..<3 {
                _ = try await producer.send(
                    Message(topic: "Shown", body: "s\(i)"),
                    to: MessageQueue(topic: "Shown", brokerName: "broker-b", queueId: 1))
            }
            await client.shutdown()

            let status = try await t.run(["topicStatus", "-t", "Shown"])
            #expect(status.status == 0, "\(status.stderr)")
            #expect(
                status.lines[0] == pad("#Broker Name", 32) + "  " + pad("#QID", 4) + "  " + pad("#Min Offset", 20)
                    + "  " + pad("#Max Offset", 20) + "    #Last Updated")
            #expect(
                status.lines[1] == pad("broker-a", 32) + "  " + pad("0", 4) + "  " + pad("0", 20) + "  " + pad("0", 20)
                    + "    ")
            let lastRow = status.lines[4]
            #expect(
                lastRow.hasPrefix(
                    pad("broker-b", 32) + "  " + pad("1", 4) + "  " + pad("0", 20) + "  " + pad("3", 20) + "    "))
            // yyyy-MM-dd HH:mm:ss,SSS
            #expect(
                lastRow.suffix(23).range(of: #"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}$"#, options: .regularExpression)
                    != nil)
            #expect(status.lines[5] == "" && status.lines[6].hasPrefix("Topic Put TPS: "))
            #expect(Double(status.lines[6].dropFirst("Topic Put TPS: ".count)) != nil)
            let byCluster = try await t.run(["topicStatus", "-t", "Shown", "-c", "DefaultCluster"])
            #expect(byCluster.lines.prefix(5) == status.lines.prefix(5))

            let route = try await t.run(["topicRoute", "-t", "Shown"])
            #expect(route.status == 0)
            var expected = "{\n\t\"brokerDatas\":[\n"
            for (name, addr) in [("broker-a", a), ("broker-b", b)] {
                expected +=
                    "\t\t{\n\t\t\t\"brokerAddrs\":{0:\"\(addr)\"\n\t\t\t},\n\t\t\t\"brokerName\":\"\(name)\",\n"
                    + "\t\t\t\"cluster\":\"DefaultCluster\",\n\t\t\t\"enableActingMaster\":false\n\t\t}"
                    + (name == "broker-a" ? ",\n" : "\n")
            }
            expected += "\t],\n\t\"filterServerTable\":{},\n\t\"queueDatas\":[\n"
            for name in ["broker-a", "broker-b"] {
                expected +=
                    "\t\t{\n\t\t\t\"brokerName\":\"\(name)\",\n\t\t\t\"perm\":6,\n\t\t\t\"readQueueNums\":2,\n"
                    + "\t\t\t\"topicSysFlag\":0,\n\t\t\t\"writeQueueNums\":2\n\t\t}"
                    + (name == "broker-a" ? ",\n" : "\n")
            }
            expected += "\t]\n}\n"
            #expect(route.stdout == expected)

            let list = try await t.run(["topicRoute", "-t", "Shown", "-l"])
            func row(_ c: [String]) -> String {
                pad(c[0], 45) + " " + pad(c[1], 32) + " " + pad(c[2], 50) + " " + pad(c[3], 10) + " " + pad(c[4], 11)
                    + " " + pad(c[5], 5)
            }
            #expect(
                list.lines == [
                    row(["#ClusterName", "#BrokerName", "#BrokerAddrs", "#ReadQueue", "#WriteQueue", "#Perm"]),
                    row(["DefaultCluster", "broker-a", "{0=\(a)}", "2", "2", "6"]),
                    row(["DefaultCluster", "broker-b", "{0=\(b)}", "2", "2", "6"]),
                    String(repeating: "-", count: 158),
                    row(["Total:", "2", "", "4", "4", ""]),
                    "",
                ])

            let clusters = try await t.run(["topicClusterList", "-t", "Shown"])
            #expect(clusters.stdout == "DefaultCluster\n")
            let (_, cj) = try await t.json(["topicClusterList", "-t", "Shown"], classic: true)
            #expect(cj["clusters"].strings == ["DefaultCluster"])
        }
    }

    @Test func classicCommandsOnTheEmbeddedDefault() async throws {
        try await TopicTestTarget.withEmbedded { t in
            let addr = "127.0.0.1:10911"
            let created = try await t.run(["updateTopic", "-c", "DefaultCluster", "-t", "Local", "-r", "2", "-w", "2"])
            #expect(created.status == 0, "\(created.stderr)")
            #expect(created.lines.first == "create topic to \(addr) success.")
            #expect(try await t.run(["topicList"]).lines.contains("Local"))
            let c = try await t.run(["topicList", "-c"])
            #expect(c.lines.contains(pad("DefaultCluster", 20) + "  " + pad("Local", 64) + "  " + pad("", 64)))
            let status = try await t.run(["topicStatus", "-t", "Local"])
            #expect(status.status == 0 && status.lines.count == 6)
            #expect(
                status.lines[2] == pad("broker-a", 32) + "  " + pad("1", 4) + "  " + pad("0", 20) + "  " + pad("0", 20)
                    + "    ")
            let route = try await t.run(["topicRoute", "-t", "Local", "-l"])
            #expect(
                route.lines[1].hasPrefix(
                    pad("DefaultCluster", 45) + " " + pad("broker-a", 32) + " " + pad("{0=\(addr)}", 50)))
            #expect(try await t.run(["topicClusterList", "-t", "Local"]).stdout == "DefaultCluster\n")
            let (_, status2) = try await t.json(["brokerStatus", "-b", addr], classic: true)
            #expect(status2["brokers"][0]["broker"].string == "broker-a")
            let deleted = try await t.run(["deleteTopic", "-t", "Local", "-c", "DefaultCluster", "-y"])
            #expect(
                deleted.lines.prefix(2) == [
                    "delete topic [Local] from cluster [DefaultCluster] success.",
                    "delete topic [Local] from NameServer success.",
                ])
            #expect(try await t.run(["topicStatus", "-t", "Local"]).status == 3)
        }
    }
}

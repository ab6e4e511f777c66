import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Apache's classic metadata commands (issue 16): updateTopicList, updateSubGroupList, updateTopicPerm,
/// getConsumerConfig, updateOrderConf, exportMetadata, copyUser, copyAcl — option letters and exact lines, against a
/// 2-broker in-process cluster.
@Suite(.serialized) struct MetadataClassicTests {
    func write(_ text: String, in f: GroupFixture, _ name: String) throws -> String {
        let path = f.home.sub(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func updateTopicListAndSubGroupListPrintApacheLines() async throws {
        try await GroupFixture.with(perQueue: 0) { f in
            let addrs = f.cluster.brokers.map { $0.brokerAddress! }
            let file = try write(
                #"[{"topicName":"B1","readQueueNums":3,"writeQueueNums":3,"perm":6},"#
                    + #"{"topicName":"B2","readQueueNums":1,"writeQueueNums":1,"perm":4,"order":true}]"#, in: f,
                "topics.json")
            var r = try await f.cli.run(["updateTopicList", "-c", "DefaultCluster", "-f", file])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(
                r.stdout
                    == addrs.map { "submit batch of topic config to \($0) success, please check the result later.\n" }
                    .joined())
            for a in addrs {
                #expect(try await f.client.topicConfig("B1", broker: a)?.readQueueNums == 3)
                #expect(try await f.client.topicConfig("B2", broker: a)?.perm == 4)
            }
            let json = try await J.classic(f.cli, ["updateTopicList", "-b", addrs[0], "-f", file])
            #expect(json["kind"] as? String == "topics" && json["names"] as? [String] == ["B1", "B2"])
            #expect(J.array(json["brokers"]).map { $0["result"] as? String } == ["applied"])

            // A bad item is named and nothing is sent; a missing file and a missing -b/-c are usage errors.
            let bad = try write(#"[{"topicName":"B3"},{"topicName":"TBW102"}]"#, in: f, "bad.json")
            r = try await f.cli.run(["updateTopicList", "-c", "DefaultCluster", "-f", bad])
            #expect(r.status == 2 && r.stderr.contains("item 2 (topic TBW102)"), "\(r.stderr)")
            #expect(try await f.client.topicConfig("B3", broker: addrs[0]) == nil)
            r = try await f.cli.run(["updateTopicList", "-c", "DefaultCluster", "-f", f.home.sub("no")])
            #expect(r.status == 2 && r.stderr.contains("does not exist"), "\(r.stderr)")
            #expect(try await f.cli.run(["updateTopicList", "-f", file]).status == 2)

            let groups = try write(#"[{"groupName":"bg1","retryMaxTimes":3},{"groupName":"bg2"}]"#, in: f, "g.json")
            r = try await f.cli.run(["updateSubGroupList", "-c", "DefaultCluster", "-f", groups])
            #expect(
                r.stdout
                    == addrs.map {
                        "submit batch of subscription group config to \($0) success, please check the result later.\n"
                    }.joined())
            r = try await f.cli.run(["updateSubGroupList", "-b", addrs[1], "-f", groups])
            #expect(r.stdout == "submit batch of group config to \(addrs[1]) success, please check the result later.\n")
            for a in addrs { #expect(try await f.client.groupConfig("bg1", broker: a)?.retryMaxTimes == 3) }
            let badGroups = try write(#"[{"groupName":"ok"},{"groupName":"no good"}]"#, in: f, "bg.json")
            r = try await f.cli.run(["updateSubGroupList", "-c", "DefaultCluster", "-f", badGroups])
            #expect(r.status == 2 && r.stderr.contains("item 2 (group no good)"), "\(r.stderr)")
        }
    }

    @Test func updateTopicPermPrintsApacheLines() async throws {
        try await GroupFixture.with(perQueue: 0) { f in
            let addrs = f.cluster.brokers.map { $0.brokerAddress! }
            var r = try await f.cli.run(["updateTopicPerm", "-c", "DefaultCluster", "-t", "T", "-p", "4"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == addrs.map { "update topic perm from 6 to 4 in \($0) success.\n" }.joined())
            for a in addrs { #expect(try await f.client.topicConfig("T", broker: a)?.perm == 4) }
            try await waitUntil("the route of T to show perm 4") {
                (try? await f.client.route(topic: "T", refresh: true).queueDatas.allSatisfy { $0.perm == 4 }) == true
            }
            r = try await f.cli.run(["updateTopicPerm", "-b", addrs[0], "-t", "T", "-p", "4"])
            #expect(r.stdout == "new perm equals to the old one!\n")
            r = try await f.cli.run(["updateTopicPerm", "-b", addrs[0], "-t", "T", "-p", "6"])
            #expect(
                r.stdout
                    == "update topic perm from 4 to 6 in \(addrs[0]) success.\n"
                    + "TopicConfig [topicName=T, readQueueNums=2, writeQueueNums=2, perm=RW-, "
                    + "topicFilterType=SINGLE_TAG, topicSysFlag=0, order=false, attributes={}].\n")
            #expect(try await f.client.topicConfig("T", broker: addrs[1])?.perm == 4)
            #expect(try await f.cli.run(["updateTopicPerm", "-b", "127.0.0.1:1", "-t", "T", "-p", "6"]).status == 3)
            #expect(try await f.cli.run(["updateTopicPerm", "-c", "DefaultCluster", "-t", "T", "-p", "5"]).status == 2)
            r = try await f.cli.run(["updateTopicPerm", "-c", "DefaultCluster", "-t", "Nope", "-p", "6"])
            #expect(r.status == 3, "\(r.stderr)")
        }
    }

    @Test func getConsumerConfigPrintsEveryField() async throws {
        try await GroupFixture.with(perQueue: 0) { f in
            let r = try await f.cli.run(["getConsumerConfig", "-g", "g"])
            #expect(r.status == 0, "\(r.stderr)")
            let fields = [
                ("groupName", "g"), ("consumeEnable", "true"), ("consumeFromMinEnable", "true"),
                ("consumeBroadcastEnable", "true"), ("consumeMessageOrderly", "false"), ("retryQueueNums", "1"),
                ("retryMaxTimes", "16"),
                (
                    "groupRetryPolicy",
                    "GroupRetryPolicy{type=CUSTOMIZED, exponentialRetryPolicy=null, customizedRetryPolicy=null}"
                ),
                ("brokerId", "0"), ("whichBrokerWhenConsumeSlowly", "1"), ("notifyConsumerIdsChangedEnable", "true"),
                ("groupSysFlag", "0"), ("consumeTimeoutMinute", "15"), ("subscriptionDataSet", ""),
                ("attributes", "{}"),
            ]
            let body = fields.map { $0.0.padding(toLength: 40, withPad: " ", startingAt: 0) + "=  " + $0.1 + "\n" }
                .joined()
            let expected = ["broker-a", "broker-b"].map {
                "=============================DefaultCluster:\($0)=============================\n" + body
            }.joined()
            #expect(r.stdout == expected)
            let json = try await J.classic(f.cli, ["getConsumerConfig", "-g", "g"])
            #expect(J.array(json["brokers"]).map { $0["broker"] as? String } == ["broker-a", "broker-b"])
            #expect(J.int(J.field(J.array(json["brokers"]).first?["config"], "retryMaxTimes")) == 16)
            let missing = try await f.cli.run(["getConsumerConfig", "-g", "ghost"])
            #expect(missing.status == 3 && missing.stdout.isEmpty && missing.stderr.contains("ghost"))
        }
    }

    @Test func updateOrderConfPutsGetsAndDeletes() async throws {
        try await GroupFixture.with(brokers: 1, perQueue: 0) { f in
            var r = try await f.cli.run(["updateOrderConf", "-t", "T", "-m", "put", "-v", "broker-a:2;broker-b:2"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == "update orderConf success. topic=[T], orderConf=[broker-a:2;broker-b:2]")
            r = try await f.cli.run(["updateOrderConf", "-t", "T", "-m", "get"])
            #expect(r.stdout == "get orderConf success. topic=[T], orderConf=[broker-a:2;broker-b:2] ")
            #expect(try await f.client.orderConf(topic: "T") == "broker-a:2;broker-b:2")
            r = try await f.cli.run(["updateOrderConf", "-t", "T", "-m", "delete"])
            #expect(r.stdout == "delete orderConf success. topic=[T]")
            r = try await f.cli.run(["updateOrderConf", "-t", "T", "-m", "get"])
            #expect(r.status == 3 && r.stdout.isEmpty, "\(r.stderr)")
            // put and delete change the name servers and are audited; get only reads.
            let audited = AuditLogTests.auditLines(f.home).map { "\($0)" }.filter { $0.contains("updateOrderConf") }
            #expect(audited.count == 2, "\(audited)")
            for args in [["-m", "put"], ["-m", "put", "-v", "broker-a"], ["-m", "post"]] {
                let bad = try await f.cli.run(["updateOrderConf", "-t", "T"] + args)
                #expect(bad.status == 2, "\(args): \(bad.stderr)")
            }
        }
    }

    @Test func exportMetadataWritesApacheFiles() async throws {
        try await GroupFixture.with(perQueue: 0) { f in
            let addrs = f.cluster.brokers.map { $0.brokerAddress! }
            let dir = f.home.sub("export")
            var r = try await f.cli.run(["exportMetadata", "-c", "DefaultCluster", "-f", dir])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == "export \(dir)/metadata.json success\n")
            let text = try String(contentsOfFile: dir + "/metadata.json", encoding: .utf8)
            #expect(text.hasPrefix("{\n\t\"exportTime\":"))
            let merged = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let topics = try #require(merged["topicConfigTable"] as? [String: [String: Any]])
            // User topics only; queue counts summed over the two brokers, as Apache's tool sums them.
            #expect(topics.keys.sorted() == ["T"])
            #expect(J.int(topics["T"]?["readQueueNums"]) == 4)
            let groups = try #require(merged["subscriptionGroupTable"] as? [String: [String: Any]])
            #expect(groups.keys.sorted() == ["g"] && J.int(groups["g"]?["retryQueueNums"]) == 2)

            r = try await f.cli.run(["exportMetadata", "-b", addrs[0], "-f", dir, "-t"])
            #expect(r.stdout == "export \(dir)/topic.json success")
            let topicFile = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/topic.json")))
                    as? [String: Any])
            #expect(topicFile.keys.sorted() == ["dataVersion", "topicConfigTable"])
            #expect(J.int(J.field(J.field(topicFile["topicConfigTable"], "T"), "readQueueNums")) == 2)
            r = try await f.cli.run(["exportMetadata", "-b", addrs[0], "-f", dir, "-g"])
            #expect(r.stdout == "export \(dir)/subscriptionGroup.json success")

            // What topic.json lists restores with updateTopicList on another broker.
            let list = try #require(topicFile["topicConfigTable"] as? [String: Any]).values.map { $0 }
            let restore = f.home.sub("restore.json")
            try JSONSerialization.data(withJSONObject: list).write(to: URL(fileURLWithPath: restore))
            try await f.client.deleteTopic("T", broker: addrs[1])
            r = try await f.cli.run(["updateTopicList", "-b", addrs[1], "-f", restore])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try await f.client.topicConfig("T", broker: addrs[1])?.readQueueNums == 2)

            let json = try await J.classic(f.cli, ["exportMetadata", "-c", "DefaultCluster", "-f", dir, "-g"])
            #expect(json["path"] as? String == dir + "/subscriptionGroup.json" && json["groups"] as? [String] == ["g"])
            #expect(try await f.cli.run(["exportMetadata", "-f", dir]).status == 2)
        }
    }

    @Test func copyUserAndAclPrintApacheLines() async throws {
        try await GroupFixture.with(perQueue: 0) { f in
            let (a, b) = (f.cluster.brokers[0].brokerAddress!, f.cluster.brokers[1].brokerAddress!)
            try await f.client.createUser(UserInfo(username: "alice", password: "pw-1"), broker: a)
            try await f.client.createUser(UserInfo(username: "bob", password: "pw-2"), broker: a)
            var r = try await f.cli.run(["copyUser", "-f", a, "-t", b, "-u", "alice"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == "copy user of alice from \(a) to \(b) success.\n")
            #expect(try await f.client.user("alice", broker: b)?.password == "pw-1")
            #expect(try await f.client.user("bob", broker: b) == nil)
            try await f.client.updateUser(UserInfo(username: "alice", password: "pw-3"), broker: a)
            let json = try await J.classic(f.cli, ["copyUser", "-f", a, "-t", b])
            #expect(J.array(json["entries"]).compactMap { $0["result"] as? String }.sorted() == ["created", "updated"])
            #expect(try await f.client.user("alice", broker: b)?.password == "pw-3")
            #expect(try await f.cli.run(["copyUser", "-f", a, "-t", b, "-u", "ghost"]).status == 3)
            #expect(try await f.cli.run(["copyUser", "-f", a, "-t", a]).status == 2)

            let policy = PolicyInfo(
                policyType: "Custom",
                entries: [PolicyEntryInfo(resource: "Topic:T", actions: ["Pub"], sourceIps: nil, decision: "Allow")])
            try await f.client.putAcl(AclInfo(subject: "User:alice", policies: [policy]), update: false, broker: a)
            r = try await f.cli.run(["copyAcl", "-f", a, "-t", b, "-s", "User:alice"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == "copy acl of User:alice from \(a) to \(b) success.\n")
            let copied = try #require(try await f.client.acl(subject: "User:alice", broker: b))
            #expect(copied.policies?.first?.entries?.first?.resource == "Topic:T")
            #expect(try await f.cli.run(["copyAcl", "-f", a, "-t", b, "-s", "User:ghost"]).status == 3)

            // The noun-verb twins: same copies, a table, exit 3 for nothing to copy.
            try await f.client.deleteUser("bob", broker: b)
            r = try await f.cli.run(["user", "copy", "bob", "--from", a, "--to", b])
            #expect(r.status == 0 && r.stdout.contains("bob") && r.stdout.contains("created"), "\(r.stderr)")
            #expect(try await f.client.user("bob", broker: b)?.password == "pw-2")
            let acl = try await f.cli.json(["acl", "copy", "User:alice", "--from", a, "--to", b])
            #expect(J.array(J.object(acl)["entries"]).map { $0["result"] as? String } == ["updated"])
            #expect(try await f.cli.run(["user", "copy", "ghost", "--from", a, "--to", b]).status == 3)
            #expect(try await f.cli.run(["acl", "copy", "--from", a, "--to", a]).status == 2)
        }
    }
}

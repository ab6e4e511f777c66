import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Apache's classic group commands: option letters and exact output layouts (admin-trace-acl §2.2, §8).
@Suite(.serialized) struct GroupClassicTests {
    /// Java's `%-Ns`.
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

    @Test func updateSubGroupPrintsApacheLines() async throws {
        try await GroupFixture.with(group: nil) { f in
            let r = try await f.cli.run([
                "updateSubGroup", "-g", "legacy", "-c", "DefaultCluster", "-r", "3", "-o", "true", "-d", "TRUE", "-s",
                "false",
                "-p", #"{"type":"EXPONENTIAL","exponentialRetryPolicy":{"initial":1000,"max":60000,"multiplier":3}}"#,
            ])
            #expect(r.status == 0, "\(r.stderr)")
            let addrs = f.cluster.brokers.map { $0.brokerAddress! }  // broker-a, broker-b: the order commands use
            let expected =
                addrs.map { "create subscription group to \($0) success.\n" }.joined()
                + "SubscriptionGroupConfig{groupName=legacy, consumeEnable=false, consumeFromMinEnable=false, "
                + "consumeBroadcastEnable=true, consumeMessageOrderly=true, retryQueueNums=1, retryMaxTimes=3, "
                + "groupRetryPolicy=GroupRetryPolicy{type=EXPONENTIAL, "
                + "exponentialRetryPolicy=ExponentialRetryPolicy{initial=1000, "
                + "max=60000, multiplier=3}, customizedRetryPolicy=null}, brokerId=0, whichBrokerWhenConsumeSlowly=1, "
                + "notifyConsumerIdsChangedEnable=true, groupSysFlag=0, consumeTimeoutMinute=15, "
                + "subscriptionDataSet=null, attributes={}}"
            #expect(r.stdout == expected)
            for b in f.cluster.brokers {
                let c = try #require(try await f.client.groupConfig("legacy", broker: b.brokerAddress!))
                #expect(c.retryMaxTimes == 3 && c.consumeMessageOrderly && !c.consumeEnable)
                #expect(c.groupRetryPolicy["type"]?.stringValue == "EXPONENTIAL")
            }
            // One broker with -b; JSON with --output json.
            let one = try await J.classic(f.cli, ["updateSubGroup", "-g", "legacy2", "-b", addrs[0]])
            #expect(J.array(one["brokers"]).map { $0["address"] as? String } == [addrs[0]])
            // Neither -b nor -c: a usage error, like a missing required option.
            #expect(try await f.cli.run(["updateSubGroup", "-g", "x"]).status == 2)
            #expect(try await f.cli.run(["updateSubGroup", "-g", "x", "-c", "Nope"]).status == 3)
        }
    }

    @Test func deleteSubGroupPrintsApacheLines() async throws {
        try await GroupFixture.with { f in
            let addrs = f.cluster.brokers.map { $0.brokerAddress! }  // broker-a, broker-b: the order commands use
            // Apache's contract: no prompt and no --yes, off a terminal too; --yes is still accepted.
            var r = try await f.cli.run(["deleteSubGroup", "-g", "g", "-b", addrs[0]])
            #expect(r.stdout == "delete subscription group [g] from broker [\(addrs[0])] success.\n")
            r = try await f.cli.run(["deleteSubGroup", "-g", "g", "-c", "DefaultCluster", "-r", "true", "--yes"])
            // Like Apache's, -c deletes on every master of the cluster.
            #expect(
                r.stdout
                    == addrs.map {
                        "delete subscription group [g] from broker [\($0)] in cluster [DefaultCluster] success.\n"
                    }.joined())
            #expect(try await f.cli.run(["deleteSubGroup", "-g", "g", "-c", "DefaultCluster", "-y"]).status == 3)
        }
    }

    @Test func consumerConnectionAndProgressLayouts() async throws {
        try await GroupFixture.with(brokers: 1) { f in
            // Offline: consumerConnection has nothing to show.
            #expect(try await f.cli.run(["consumerConnection", "-g", "g"]).status == 3)
            for s in try await f.client.offsetStates(group: "g", topic: "T") {
                try await f.client.updateConsumerOffset(group: "g", queue: s.queue, offset: 3)
            }
            var r = try await f.cli.run(["consumerProgress", "-g", "g"])
            #expect(r.status == 0, "\(r.stderr)")
            var lines = r.stdout.components(separatedBy: "\n")
            let header =
                pad("#Topic", 64) + "  " + pad("#Broker Name", 32) + "  " + pad("#QID", 4) + "  "
                + pad("#Broker Offset", 20)
                + "  " + pad("#Consumer Offset", 20) + "  " + pad("#Diff", 20) + " " + pad("#Inflight", 20)
                + "#LastTime"
            #expect(lines[0] == header)
            for q in 0..<2 {
                let prefix =
                    pad("T", 64) + "  " + pad("broker-a", 32) + "  " + pad(String(q), 4) + "  " + pad("5", 20) + "  "
                    + pad("3", 20) + "  " + pad("2", 20) + " " + pad("0", 20) + " "
                #expect(lines[1 + q].hasPrefix(prefix), "\(lines[1 + q])")
                let time = String(lines[1 + q].dropFirst(prefix.count))
                #expect(
                    time.range(of: #"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"#, options: .regularExpression) != nil, "\(time)")
            }
            #expect(
                Array(lines[3...]) == [
                    "", "Consume TPS: 0.00", "Consume Diff Total: 4", "Consume Inflight Total: 0", "",
                ])
            let json = try await J.classic(f.cli, ["consumerProgress", "-g", "g"])
            #expect(J.int(json["diffTotal"]) == 4 && J.array(json["queues"]).count == 2)
            #expect(J.array(json["queues"]).allSatisfy { $0["clientIP"] is NSNull && $0["lastTime"] is String })

            // Online: consumerConnection's layout, -s true, and the all-groups summary.
            let consumerClient = f.cluster.client()
            let consumer = PushConsumer(group: "g", client: consumerClient)
            f.cluster.onStop { await consumer.shutdown() }
            await consumer.subscribe("T", expression: "TagA || TagB")
            try await consumer.start { _, _ in .success }
            try await waitUntil("the consumer of g to be connected", poll: .milliseconds(50)) {
                (try? await f.client.consumerConnection(group: "g")) != nil
            }
            r = try await f.cli.run(["consumerConnection", "-g", "g"])
            #expect(r.status == 0, "\(r.stderr)")
            lines = r.stdout.components(separatedBy: "\n")
            #expect(
                lines[0]
                    == pad("#ClientId", 36) + " " + pad("#ClientAddr", 22) + " " + pad("#Language", 10) + " #Version")
            #expect(lines[1].hasPrefix(pad(consumerClient.clientId, 36) + " "))
            #expect(lines[1].hasSuffix(" " + pad("JAVA", 10) + " V5_3_3"))
            #expect(
                Array(lines[2...]) == [
                    "", "Below is subscription:", pad("#Topic", 20) + " #SubExpression", pad("%RETRY%g", 20) + " *",
                    pad("T", 20) + " TagA || TagB", "", "ConsumeType: CONSUME_PASSIVELY", "MessageModel: CLUSTERING",
                    "ConsumeFromWhere: CONSUME_FROM_LAST_OFFSET", "",
                ])

            r = try await f.cli.run(["consumerProgress", "-g", "g", "-t", "T", "-s", "true"])
            lines = r.stdout.components(separatedBy: "\n")
            #expect(lines[0].contains("  " + pad("#Client IP", 20) + " " + pad("#Diff", 20)))
            #expect(lines[1].contains("  " + pad("127.0.0.1", 20) + " "))

            r = try await f.cli.run(["consumerProgress"])
            lines = r.stdout.components(separatedBy: "\n")
            let summaryHeader = [
                pad("#Group", 64), pad("#Count", 6), pad("#Version", 24) + " " + pad("#Type", 5), pad("#Model", 14),
                pad("#TPS", 7),
                "#Diff Total",
            ]
            #expect(lines[0] == summaryHeader.joined(separator: "  "))
            let row = lines.first { $0.hasPrefix(pad("g", 64)) }
            #expect(
                row?.hasPrefix(
                    pad("g", 64) + "  " + pad("1", 6) + "  " + pad("V5_3_3", 24) + " " + pad("PUSH", 5) + "  "
                        + pad("CLUSTERING", 14) + "  ") == true, "\(row ?? "no row")")
            let all = try await J.classic(f.cli, ["consumerProgress"])
            #expect(J.array(all["groups"]).contains { $0["group"] as? String == "g" && J.int($0["count"]) == 1 })
        }
    }
}

import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// `mqadmin group create|update|delete|list|describe`, run in-process.
@Suite(.serialized) struct GroupCommandsTests {
    func group(_ list: [String: Any], _ name: String) -> [String: Any]? {
        J.array(list["groups"]).first { $0["group"] as? String == name }
    }

    @Test func lifecycleOnTwoBrokers() async throws {
        try await GroupFixture.with(group: nil) { f in
            var r = J.object(try await f.cli.json(["group", "create", "orders", "--retry-max-times", "5", "--orderly"]))
            #expect(J.array(r["brokers"]).map { $0["result"] as? String } == ["created", "created"])
            let config = r["config"] as? [String: Any] ?? [:]
            #expect(J.int(config["retryMaxTimes"]) == 5 && config["consumeMessageOrderly"] as? Bool == true)
            #expect(config["consumeBroadcastEnable"] as? Bool == false)

            // Creating it again changes nothing and says how to change it.
            let again = try await f.cli.run(["group", "create", "orders"])
            #expect(again.status == 1 && again.stderr.contains("group update"))

            r = J.object(try await f.cli.json(["group", "update", "orders", "--retry-max-times", "3", "--broadcast"]))
            let updated = r["config"] as? [String: Any] ?? [:]
            #expect(J.int(updated["retryMaxTimes"]) == 3 && updated["consumeBroadcastEnable"] as? Bool == true)
            // Settings not given are kept.
            #expect(updated["consumeMessageOrderly"] as? Bool == true)
            for b in f.cluster.brokers {
                #expect(try await f.client.groupConfig("orders", broker: b.brokerAddress!)?.retryMaxTimes == 3)
            }

            let list = J.object(try await f.cli.json(["group", "list"]))
            let orders = try #require(group(list, "orders"))
            #expect(orders["brokers"] as? [String] == ["broker-a", "broker-b"])
            #expect(J.int(orders["members"]) == 0 && orders["type"] as? String == "FIFO")
            #expect(J.array(list["failures"]).isEmpty)
            let table = try await f.cli.run(["group", "list"])
            #expect(table.stdout.hasPrefix("GROUP") && table.stdout.contains("orders"))

            let d = J.object(try await f.cli.json(["group", "describe", "orders"]))
            #expect(d["online"] as? Bool == false && d["consumeType"] is NSNull && d["consumeReason"] is String)
            #expect(J.array(d["members"]).isEmpty && J.array(d["topics"]).isEmpty)

            // Deleting asks first; off a terminal it needs --yes.
            #expect(try await f.cli.run(["group", "delete", "orders"]).status == 2)
            #expect(group(J.object(try await f.cli.json(["group", "list"])), "orders") != nil)
            r = J.object(try await f.cli.json(["group", "delete", "orders", "--yes"]))
            #expect(J.array(r["brokers"]).count == 2)
            #expect(group(J.object(try await f.cli.json(["group", "list"])), "orders") == nil)
        }
    }

    @Test func badInput() async throws {
        try await GroupFixture.with(brokers: 1) { f in
            let cases: [([String], Int32, String)] = [
                (["group", "update", "nobody", "--retry-max-times", "2"], 3, "does not exist"),
                (["group", "update", "g"], 2, "nothing to change"),
                (["group", "delete", "nobody", "-y"], 3, "does not exist"),
                (["group", "describe", "nobody"], 3, "does not exist"),
                (["group", "create", "bad name"], 2, "illegal character"),
                (["group", "create", "x", "--cluster", "NoCluster"], 3, "cluster NoCluster not found"),
                (["group", "create", "x", "--retry-max-times", "many"], 2, "retry-max-times"),
                (["group", "list", "--cluster", "NoCluster"], 3, "not found"),
            ]
            for (args, code, text) in cases {
                let r = try await f.cli.run(args)
                #expect(r.status == code, "\(args): exit \(r.status), \(r.stderr)")
                #expect(r.stderr.hasPrefix("mqadmin: ") && r.stderr.contains(text), "\(args): \(r.stderr)")
            }
        }
    }

    @Test func describeShowsMembersAndLagAndDeleteRefusesOnlineGroups() async throws {
        try await GroupFixture.with { f in
            let consumerClient = f.cluster.client()
            let consumer = PushConsumer(group: "g", client: consumerClient, consumeFromWhere: .firstOffset)
            f.cluster.onStop { await consumer.shutdown() }
            await consumer.subscribe("T", expression: "*")
            try await consumer.start { _, _ in .success }
            try await waitUntil("g to commit every message of T", timeout: .seconds(20), poll: .milliseconds(50)) {
                ((try? await f.client.offsetStates(group: "g", topic: "T")) ?? []).allSatisfy { $0.committed == 5 }
            }
            let d = J.object(try await f.cli.json(["group", "describe", "g"]))
            #expect(d["online"] as? Bool == true)
            #expect(J.array(d["members"]).first?["clientId"] as? String == consumerClient.clientId)
            #expect(J.array(d["members"]).first?["version"] as? String == "V5_3_3")
            // The broker's extension: a remoting client, with no raw version (only gRPC clients announce one).
            #expect(J.array(d["members"]).first?["protocol"] as? String == "REMOTING")
            #expect(J.array(d["members"]).first?["clientVersion"] is NSNull)
            #expect(Set(J.array(d["subscriptions"]).compactMap { $0["topic"] as? String }) == ["T", "%RETRY%g"])
            #expect(d["messageModel"] as? String == "CLUSTERING")
            let topic = J.array(d["topics"]).first { $0["topic"] as? String == "T" }
            #expect(J.int(topic?["queues"]) == 4 && J.int(topic?["lag"]) == 0 && J.int(topic?["inflight"]) == 0)
            #expect(
                J.int(
                    J.object(try await f.cli.json(["group", "list"]))["groups"].flatMap {
                        J.array($0).first { $0["group"] as? String == "g" }
                    }?["members"]) == 1)

            let refused = try await f.cli.run(["group", "delete", "g", "--yes"])
            #expect(refused.status == 1 && refused.stderr.contains("online"))
        }
    }

    @Test func embeddedDefault() async throws {
        try await EmbeddedFixture.with(group: nil) { f in
            let r = J.object(try await f.cli.json(["group", "create", "local", "--retry-queues", "2"]))
            #expect(J.array(r["brokers"]).first?["broker"] as? String == "broker-a")
            let list = J.object(try await f.cli.json(["group", "list"]))
            #expect(J.int((group(list, "local")?["config"] as? [String: Any])?["retryQueueNums"]) == 2)
            let d = J.object(try await f.cli.json(["group", "describe", "local"]))
            #expect(d["brokers"] as? [String] == ["broker-a"])
        }
    }
}

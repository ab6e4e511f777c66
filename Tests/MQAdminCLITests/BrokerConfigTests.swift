import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// `broker config get|set|diff` and `namesrv config get|set` on a two-broker in-process cluster: a live key
/// (brokerPermission, which changes routes), a refused key, drift shown by diff; the classic names' layouts.
@Suite(.serialized) struct BrokerConfigTests {
    static let topic = "CfgTopic"

    func object(_ r: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r.stdout)")
    }

    /// broker-a's route permission for the topic, as the name server has it now.
    func routedPerm(_ client: MQClientInstance) async throws -> Int32? {
        try await client.route(topic: Self.topic, refresh: true).queueDatas.first { $0.brokerName == "broker-a" }?.perm
    }

    @Test func setPlansThenAppliesAndDiffShowsDrift() async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, Self.topic)
            let client = cluster.client()
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let a = cluster.brokers[0].brokerAddress!

            let all = try await cli.run(["broker", "config", "get", "-o", "json"])
            #expect(all.status == 0, "\(all.stderr)")
            let servers = try #require(try object(all)["servers"] as? [[String: Any]])
            #expect(servers.compactMap { $0["name"] as? String }.sorted() == ["broker-a", "broker-b"])
            let one = try await cli.run(["broker", "config", "get", "broker-a", "brokerPermission", "traceOn"])
            #expect(one.status == 0, "\(one.stderr)")
            #expect(one.stdout.hasPrefix("KEY") && one.stdout.contains("broker-a"))
            #expect(one.stdout.split(separator: "\n").filter { $0.hasPrefix("brokerPermission") }.first?
                .split(separator: " ").last == "6")
            #expect(!one.stdout.contains("broker-b") && !one.stdout.contains("maxMessageSize"))

            // The plan changes nothing.
            let plan = try await cli.run(["broker", "config", "set", "brokerPermission=4", "broker-a"])
            #expect(plan.status == 0, "\(plan.stderr)")
            #expect(plan.stdout.contains("broker-a  brokerPermission  6") && plan.stdout.contains("4"))
            #expect(plan.stderr.contains("Plan only: nothing changed"))
            #expect(try await client.brokerConfig(broker: a)["brokerPermission"] == "6")
            let diffSame = try await cli.run(["broker", "config", "diff"])
            #expect(diffSame.status == 0 && diffSame.stdout.contains("All 2 brokers have the same configuration"))

            // Applied: broker-a is read-only on the name server at once; diff names the key, exit 1.
            let applied = try await cli.run(["broker", "config", "set", "brokerPermission=4", "broker-a", "--execute"])
            #expect(applied.status == 0, "\(applied.stderr)")
            #expect(applied.stdout.contains("applied"))
            #expect(try await routedPerm(client) == PermName.read)
            let drift = try await cli.run(["broker", "config", "diff", "-c", "DefaultCluster", "-o", "json"])
            #expect(drift.status == 1 && drift.stderr.isEmpty, "\(drift.stderr)")
            let differences = try #require(try object(drift)["differences"] as? [[String: Any]])
            #expect(differences.map { $0["key"] as? String } == ["brokerPermission"])
            #expect(differences.first?["values"] as? [String: String] == ["broker-a": "4", "broker-b": "6"])

            let restored = try await cli.run(["broker", "config", "set", "brokerPermission=6", "--execute", "broker-a"])
            #expect(restored.status == 0, "\(restored.stderr)")
            #expect(try await routedPerm(client) == PermName.read | PermName.write)
            #expect(try await cli.run(["broker", "config", "diff"]).status == 0)

            // Refused: exit 1, one stderr line naming the key, nothing changed on either broker.
            let before = try await client.brokerConfig(broker: a)
            let refused = try await cli.run(
                ["broker", "config", "set", "traceOn=false", "maxMessageSize=1024", "--execute"])
            #expect(refused.status == 1)
            let lines = refused.stderr.split(separator: "\n")
            #expect(
                lines.count == 1 && lines[0].contains("maxMessageSize cannot change while the broker runs"), "\(lines)")
            #expect(refused.stdout.contains("refused"))
            #expect(try await client.brokerConfig(broker: a) == before)
            let bad = try await cli.run(["broker", "config", "set", "brokerPermission"])
            #expect(bad.status == 2 && bad.stderr.contains("say what to change: KEY=VALUE"), "\(bad.stderr)")
            let black = try await cli.run(["broker", "config", "set", "brokerConfigPath=/x", "broker-a", "--execute"])
            #expect(black.status == 5 && black.stderr.contains("Can not update config in black list"), "\(black.stderr)")
            let unknown = try await cli.run(["broker", "config", "set", "traceOn=false", "broker-z"])
            #expect(unknown.status == 3 && unknown.stderr.contains("no broker named broker-z"))
        }
    }

    @Test func namesrvConfigRoundTripAndClassicLayouts() async throws {
        try await withCluster(brokers: 1) { cluster in
            let ns = cluster.nameServerAddress
            let cli = InProcessRunner(nameServer: ns)
            let a = cluster.brokers[0].brokerAddress!

            let get = try await cli.run(["namesrv", "config", "get", "orderMessageEnable"])
            #expect(get.status == 0, "\(get.stderr)")
            #expect(get.stdout.contains("KEY") && get.stdout.contains(ns) && get.stdout.contains("false"))
            let set = try await cli.run(["namesrv", "config", "set", "orderMessageEnable=true", "--execute"])
            #expect(set.status == 0, "\(set.stderr)")
            let json = try await cli.run(["namesrv", "config", "get", "-o", "json"])
            let servers = try #require(try object(json)["servers"] as? [[String: Any]])
            #expect((servers.first?["config"] as? [String: String])?["orderMessageEnable"] == "true")
            let refused = try await cli.run(["namesrv", "config", "set", "listenPort=1", "--execute"])
            #expect(refused.status == 1 && refused.stderr.contains("listenPort is fixed at start"))

            // Classic layouts: Apache's header lines, `%-50s=  %s` per key.
            let padded = "brokerPermission" + String(repeating: " ", count: 34) + "=  6"
            let byAddr = try await cli.run(["getBrokerConfig", "-b", a])
            #expect(byAddr.status == 0, "\(byAddr.stderr)")
            #expect(byAddr.stdout.hasPrefix("============\(a)============\n") && byAddr.stdout.hasSuffix("\n\n"))
            #expect(byAddr.stdout.contains("\n\(padded)\n"))
            let byCluster = try await cli.run(["getBrokerConfig", "-c", "DefaultCluster"])
            #expect(byCluster.stdout.hasPrefix("============Master: \(a)============\n"))
            let update = try await cli.run(["updateBrokerConfig", "-b", a, "-k", "traceOn", "-v", "false"])
            #expect(update.status == 0 && update.stdout == "update broker config success, \(a)\n", "\(update.stderr)")
            let clusterUpdate = try await cli.run(
                ["updateBrokerConfig", "-c", "DefaultCluster", "-k", "traceOn", "-v", "true"])
            #expect(clusterUpdate.stdout == "update broker config success, \(a)\n")
            let refusedClassic = try await cli.run(["updateBrokerConfig", "-b", a, "-k", "maxMessageSize", "-v", "1"])
            #expect(refusedClassic.status == 1 && refusedClassic.stdout.isEmpty)

            let nsGet = try await cli.run(["getNamesrvConfig"])
            #expect(nsGet.stdout.hasPrefix("============\(ns)============\n"))
            #expect(nsGet.stdout.contains("\norderMessageEnable" + String(repeating: " ", count: 32) + "=  true\n"))
            let nsSet = try await cli.run(["updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "false"])
            #expect(nsSet.status == 0, "\(nsSet.stderr)")
            #expect(nsSet.stdout == "update name server config success![\(ns)]\norderMessageEnable : false\n")
        }
    }
}

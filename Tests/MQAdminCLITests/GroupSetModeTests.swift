import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// `mqadmin group set-mode` and the classic `setConsumeMode`, against two in-process brokers.
@Suite(.serialized) struct GroupSetModeTests {
    func modes(_ f: GroupFixture) async throws -> [SetMessageRequestModeBody?] {
        var found: [SetMessageRequestModeBody?] = []
        for b in f.cluster.brokers {
            found.append(try await f.client.messageRequestModes(broker: b.brokerAddress!).mode(topic: "T", group: "g"))
        }
        return found
    }

    @Test func setModeWritesEveryMasterOrOne() async throws {
        try await GroupFixture.with { f in
            let args = ["group", "set-mode", "g", "--topic", "T", "--mode", "pop", "--pop-share-queues", "1"]
            let r = J.object(try await f.cli.json(args))
            #expect(J.array(r["brokers"]).map { $0["result"] as? String } == ["set", "set"])
            #expect(r["mode"] as? String == "POP" && J.int(r["popShareQueueNum"]) == 1)
            let pop = SetMessageRequestModeBody(topic: "T", consumerGroup: "g", mode: .pop, popShareQueueNum: 1)
            #expect(try await modes(f) == [pop, pop])
            // group describe shows it.
            let described = J.array(J.object(try await f.cli.json(["group", "describe", "g"]))["requestModes"])
            #expect(described.count == 1 && described.first?["topic"] as? String == "T")
            #expect(described.first?["mode"] as? String == "POP" && J.int(described.first?["popShareQueueNum"]) == 1)
            #expect(try await f.cli.run(["group", "describe", "g"]).stdout.contains("Modes:     T POP (share 1)"))
            // --broker narrows it to one broker.
            let addrs = f.cluster.brokers.map { $0.brokerAddress! }
            let one = try await f.cli.run(["group", "set-mode", "g", "-t", "T", "-m", "PULL", "-b", addrs[0]])
            #expect(one.status == 0 && one.stdout.contains("broker-a") && !one.stdout.contains("broker-b"))
            let pull = SetMessageRequestModeBody(topic: "T", consumerGroup: "g", mode: .pull, popShareQueueNum: 0)
            #expect(try await modes(f) == [pull, pop])
        }
    }

    @Test func classicSetConsumeModePrintsApacheLines() async throws {
        try await GroupFixture.with { f in
            let addrs = f.cluster.brokers.map { $0.brokerAddress! }
            var r = try await f.cli.run(
                ["setConsumeMode", "-b", addrs[1], "-t", "T", "-g", "g", "-m", "POP", "-q", "2"])
            #expect(
                r.stdout == "set consume mode to \(addrs[1]) success.\n"
                    + "topic[T] group[g] consume mode[POP] popShareQueueNum[2]\n")
            r = try await f.cli.run(["setConsumeMode", "-c", "DefaultCluster", "-t", "T", "-g", "g", "-m", "PULL"])
            #expect(
                r.stdout == addrs.map { "set consume mode to \($0) success.\n" }.joined()
                    + "topic[T] group[g] consume mode[PULL] popShareQueueNum[0]\n")
            let pull = SetMessageRequestModeBody(topic: "T", consumerGroup: "g", mode: .pull)
            #expect(try await modes(f) == [pull, pull])
        }
    }

    @Test func badValuesExit2WithOneLine() async throws {
        try await GroupFixture.with(brokers: 1) { f in
            let cases: [([String], String)] = [
                (["group", "set-mode", "g", "--topic", "T", "--mode", "push"], "unknown mode; use pull or pop"),
                (["group", "set-mode", "g", "--topic", "%RETRY%g", "--mode", "pop"], "always read by pull"),
                (["group", "set-mode", "g", "--topic", "T", "--mode", "pop", "--pop-share-queues=-1"], "0 or more"),
                (["setConsumeMode", "-c", "DefaultCluster", "-t", "T", "-g", "g", "-m", "pop"], "use PULL or POP"),
                (["setConsumeMode", "-t", "T", "-g", "g", "-m", "POP"], "-b BROKER_ADDR or -c CLUSTER_NAME"),
            ]
            for (args, message) in cases {
                let r = try await f.cli.run(args)
                #expect(r.status == 2, "\(args): \(r.stderr)")
                #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
                #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
            }
            #expect(try await f.client.messageRequestModes(broker: f.cluster.brokers[0].brokerAddress!)
                .messageRequestModeMap.isEmpty)
        }
    }
}

import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

/// A cluster where one registered master does not answer: writes change nothing anywhere, reads show
/// what they can and exit non-zero, naming the broker.
@Suite(.serialized) struct TopicPartialFailureTests {
    /// Registers a dead master `broker-z` (127.0.0.1:1) serving topic `Part`; it stays registered while
    /// the returned client's connection to the name server is open (until the cluster stops and shuts it down).
    func registerDeadBroker(_ t: TopicTestTarget) async throws -> MQClientInstance {
        let client = t.cluster!.client()
        let topics = TopicConfigSerializeWrapper(
            dataVersion: DataVersion(counter: 1),
            // A broker's first registration carries its whole table (TBW102 too); one topic alone is refused.
            topicConfigTable: ["Part": TopicConfig(topicName: "Part"), "TBW102": TopicConfig(topicName: "TBW102")],
            withMapping: true)
        var body = RemotingCommand(code: 0)
        body.setJSONBody(RegisterBrokerBody(topicConfigSerializeWrapper: topics))
        let header = RegisterBrokerRequestHeader(
            brokerName: "broker-z", brokerAddr: "127.0.0.1:1", clusterName: "DefaultCluster", brokerId: 0)
        let response = try await client.invokeNameServer(.request(.registerBroker, header: header, body: body.body))
        #expect(response.responseCode == .success)
        return client
    }

    @Test func writesChangeNothingWhenABrokerIsDown() async throws {
        try await TopicTestTarget.withCluster { t in
            let client = try await registerDeadBroker(t)

            for args in [
                ["topic", "create", "Part2"], ["updateTopic", "-c", "DefaultCluster", "-t", "Part2"],
                ["topic", "update", "Part", "-w", "2"], ["topic", "delete", "Part", "--yes"],
                ["deleteTopic", "-t", "Part", "-c", "DefaultCluster", "-y"],
            ] {
                let r = try await t.run(args + ["--timeout", "1000"])
                #expect(r.status == 4, "\(args): \(r.stderr)")
                #expect(
                    r.errorLine.contains("broker-z (127.0.0.1:1)") && r.errorLine.hasSuffix("nothing changed"),
                    "\(args): \(r.stderr)")
                #expect(r.stdout.isEmpty, "\(args)")
            }
            for addr in t.brokerAddresses { #expect(try await client.topicConfig("Part2", broker: addr) == nil) }
        }
    }

    @Test func readsShowWhatTheyCanAndExitNonZero() async throws {
        try await TopicTestTarget.withCluster { t in
            _ = try await registerDeadBroker(t)

            let (list, json) = try await t.json(["cluster", "list", "--timeout", "1000"])
            #expect(list.status == 4)
            let z = json["clusters"][0]["brokers"].array?.first { $0["broker"].string == "broker-z" }
            #expect(z?["error"].string?.contains("cannot reach broker 127.0.0.1:1") == true)
            #expect(z?["inTps"].isNull == true && z?["nullReason"].string == "broker unreachable")
            #expect(json["clusters"][0]["brokers"][0]["error"].isNull)
            #expect(list.errorLine.contains("1 of 3 brokers") && list.errorLine.contains("broker-z"))

            let classic = try await t.run(["clusterList", "--timeout", "1000"])
            #expect(classic.status == 4 && classic.lines.count == 5)
            #expect(classic.lines[3].hasPrefix(pad("DefaultCluster", 22) + "  " + pad("broker-z", 22)))
            #expect(classic.lines[3].hasSuffix(rpad("false", 10)))

            let (described, d) = try await t.json(["topic", "describe", "Part", "--timeout", "1000"])
            #expect(described.status == 4)
            #expect(d["brokers"][0]["reachable"].bool == false && d["brokers"][0]["broker"].string == "broker-z")
            #expect(described.errorLine.contains("cannot read topic Part from broker broker-z"))
        }
    }
}

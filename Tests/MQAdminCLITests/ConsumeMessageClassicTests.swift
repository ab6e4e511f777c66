import Foundation
import MQTestSupport
import Testing

@testable import MQAdminCLI

/// Apache's `consumeMessage`: its option letters, its messages and printMsgByQueue's lines per pull.
@Suite(.serialized) struct ConsumeMessageClassicTests {
    @Test func consumeMessagePrintsEachPullInApacheLayout() async throws {
        try await withCluster(brokers: 1) { cluster in
            try await MessageFixtures.createTopic(cluster, "CM", queues: 1)
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            for body in ["m0", "m1", "m2"] { _ = try await cli.run(["message", "send", "CM", body]) }
            let queue = "MessageQueue [topic=CM, brokerName=broker-a, queueId=0]"

            let all = try await cli.run(["consumeMessage", "-t", "CM"])
            #expect(all.status == 0, "\(all.stderr)")
            let lines = all.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.first == "Consume ok")
            #expect(lines.dropFirst().prefix(3).allSatisfy { $0.hasPrefix("MSGID: ") && $0.contains(" BODY: m") })
            #expect(lines.dropFirst().prefix(3).map { String($0.suffix(2)) } == ["m0", "m1", "m2"])
            #expect(Array(lines.suffix(2)) == ["\(queue) print msg finished. status=NO_NEW_MSG, offset=3", ""])
            #expect(lines.count == 6)

            let two = try await cli.run(["consumeMessage", "-t", "CM", "-b", "broker-a", "-i", "0", "-c", "2"])
            let twoLines = two.stdout.split(separator: "\n").map(String.init)
            #expect(twoLines.first == "The oldler 2 message will be provided")
            #expect(twoLines.dropFirst().first == "Consume ok")
            #expect(twoLines.count == 4 && twoLines.last?.hasSuffix(" BODY: m1") == true)

            let fromOne = try await cli.run(["consumeMessage", "-t", "CM", "-b", "broker-a", "-i", "0", "-o", "1"])
            #expect(fromOne.stdout.components(separatedBy: "MSGID: ").count - 1 == 2)
            let past = try await cli.run(["consumeMessage", "-t", "CM", "-b", "broker-a", "-i", "0", "-o", "5"])
            #expect(past.stdout == "\(queue) no matched msg, offset=5\n")

            let json = MessageFixtures.array(try await cli.run(["consumeMessage", "-t", "CM", "--output", "json"]))
            #expect(json.count == 3)
            let noBroker = try await cli.run(["consumeMessage", "-t", "CM", "-i", "0"])
            #expect(noBroker.status == 2)
            MessageFixtures.expectOneErrorLine(noBroker, contains: "Please set the brokerName before queueId!")
            let zero = try await cli.run(["consumeMessage", "-t", "CM", "-c", "0"])
            #expect(zero.status == 2)
            let future = try await cli.run(["consumeMessage", "-t", "CM", "-s", String(Int64.max / 2)])
            #expect(future.status == 2)
            MessageFixtures.expectOneErrorLine(future, contains: "beginTimestamp before now")
        }
    }
}

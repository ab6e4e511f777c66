import Foundation
import MQClient
import MQTestSupport
import Testing

/// Apache's `checkMsgSendRT` and `clusterRT` layouts (tools' CheckMsgSendRTCommand, CLusterSendMsgRTCommand), on a
/// two-broker cluster. RTs vary, so rows are matched by pattern; padding is Apache's printf widths.
@Suite(.serialized) struct SendRTClassicTests {
    func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func pad(_ n: Int) -> String { String(repeating: " ", count: n) }

    func matches(_ line: String, _ pattern: String) -> Bool { line.wholeMatch(of: try! Regex(pattern)) != nil }

    @Test func checkMsgSendRTPrintsOneLinePerSendAndTheAverage() async throws {
        try await withCluster(brokers: 2) { cluster in
            try await MessageFixtures.createTopic(cluster, "RtT", queues: 2)
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let r = try await cli.run(["checkMsgSendRT", "-t", "RtT", "-a", "5", "-s", "64"])
            #expect(r.status == 0, "\(r.stderr)")
            let out = lines(r.stdout)
            #expect(out.count == 8, "\(r.stdout)")
            let header = "#Broker Name" + pad(20) + "  #QID  #Send Result" + pad(8) + "    #RT"
            #expect(out[0] == header, "\(out[0])")
            // Send i goes to queue i mod 4 of the queues sorted by broker: a0 a1 b0 b1 a0.
            let expected = [("broker-a", 0), ("broker-a", 1), ("broker-b", 0), ("broker-b", 1), ("broker-a", 0)]
            for (i, (broker, queue)) in expected.enumerated() {
                let pattern = broker + " {24}  \(queue)     true {16}    [0-9]+"
                #expect(matches(out[i + 1], pattern), "line \(i + 1): \(out[i + 1])")
            }
            #expect(matches(out[6], "Avg RT: [0-9]+\\.[0-9]{2}") && out[7].isEmpty, "\(out[6])")

            let one = try await cli.run(["checkMsgSendRT", "-t", "RtT", "-a", "1"])
            #expect(one.stdout.hasSuffix("Avg RT: NaN\n"), "Apache divides by amount - 1: \(one.stdout)")
            let missing = try await cli.run(["checkMsgSendRT", "-t", "NoSuchTopic"])
            #expect(missing.status == 3 && missing.stderr.contains("topic NoSuchTopic does not exist"))
        }
    }

    @Test func clusterRTPrintsOneLinePerBrokerEachRound() async throws {
        try await withCluster(brokers: 2) { cluster in
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let r = try await cli.run(["clusterRT", "-a", "3", "-i", "0", "--rounds", "2", "-c", "DefaultCluster"])
            #expect(r.status == 0, "\(r.stderr)")
            let out = lines(r.stdout)
            #expect(out.count == 6, "\(r.stdout)")
            let header = "#Cluster Name" + pad(11) + "  #Broker Name" + pad(12) + "  #RT   #successCount  #failCount"
            #expect(out[0] == header, "\(out[0])")
            for (i, broker) in ["broker-a", "broker-b", "broker-a", "broker-b"].enumerated() {
                // RT over the sends after the first; 3 sent, none failed.
                let pattern = "DefaultCluster {10}  \(broker) {16}  [0-9]+\\.[0-9]{2} *  3 {15}  0 {15}"
                #expect(matches(out[i + 1], pattern), "line \(i + 1): \(out[i + 1])")
            }

            let tlog = try await cli.run(["clusterRT", "-a", "2", "-p", "true", "-m", "room1", "--rounds", "1"])
            let logLines = lines(tlog.stdout)
            #expect(logLines.count == 3, "no header in tlog mode: \(tlog.stdout)")
            let time = "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}"
            #expect(matches(logLines[0], time + "\\|room1\\|DefaultCluster\\|broker-a\\|[0-9]+"), "\(logLines[0])")

            let json = try await cli.run(["clusterRT", "--output", "json"])
            #expect(json.status == 2 && json.stderr.contains("add --rounds N"))
        }
    }
}

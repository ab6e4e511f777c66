import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// `cluster list`, `broker status` and classic `clusterList`, `brokerStatus`, run in-process.
@Suite(.serialized) struct ClusterCommandsTests {
    @Test func clusterListAndBrokerStatusOnTwoBrokers() async throws {
        try await TopicTestTarget.withCluster { t in
            let (a, b) = (t.brokerAddresses[0], t.brokerAddresses[1])

            let (r, json) = try await t.json(["cluster", "list"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(json.keys == ["clusters", "target"])
            #expect(json["clusters"].array?.count == 1 && json["clusters"][0]["name"].string == "DefaultCluster")
            let brokers = json["clusters"][0]["brokers"].array ?? []
            #expect(brokers.map { $0["broker"].string ?? "" } == ["broker-a", "broker-b"])
            #expect(brokers.map { $0["address"].string ?? "" } == [a, b])
            let first = brokers[0]
            #expect(
                first.keys == [
                    "active", "address", "broker", "diskUsedRatio", "earliestMessageTime", "earliestMessageTimeIso",
                    "earliestMessageTimeReason", "error", "id", "inTotalToday", "inTotalYesterday", "inTps",
                    "nullReason", "outTotalToday", "outTotalYesterday", "outTps", "role", "version",
                ])
            #expect(first["role"].string == "master" && first["id"].int == 0 && first["version"].string == "V5_3_3")
            #expect(first["active"].bool == true && first["error"].isNull && first["inTotalToday"].int == 0)
            #expect(
                first["earliestMessageTime"].isNull
                    && first["earliestMessageTimeReason"].string == "no messages stored")
            let table = try await t.run(["cluster", "list"])
            #expect(table.lines[0].hasPrefix("CLUSTER"))
            #expect(table.lines[1].contains("broker-a") && table.lines[1].hasSuffix("ACTIVE"))

            let (s, status) = try await t.json(["broker", "status", "-c", "DefaultCluster"])
            #expect(s.status == 0, "\(s.stderr)")
            #expect(status["brokers"].array?.count == 2)
            #expect(status["brokers"][1].keys == ["address", "broker", "cluster", "error", "id", "runtime"])
            #expect(status["brokers"][1]["runtime"]["brokerVersionDesc"].string == "V5_3_3")
            let one = try await t.run(["broker", "status", "-b", b])
            #expect(one.lines[0].hasPrefix("KEY") && one.stdout.contains("brokerVersionDesc"))
        }
    }

    @Test func clusterListOnTheEmbeddedDefault() async throws {
        try await TopicTestTarget.withEmbedded { t in
            let (r, json) = try await t.json(["cluster", "list"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(json["clusters"][0]["brokers"][0]["address"].string == "127.0.0.1:10911")
            let (s, status) = try await t.json(["broker", "status"])
            #expect(s.status == 0, "\(s.stderr)")
            #expect(status["brokers"][0]["runtime"]["brokerActive"].string == "true")
            let classic = try await t.run(["clusterList"])
            #expect(classic.status == 0 && classic.lines.count == 3)
        }
    }

    @Test func classicClusterListLayouts() async throws {
        try await TopicTestTarget.withCluster { t in
            let (a, b) = (t.brokerAddresses[0], t.brokerAddresses[1])
            let r = try await t.run(["clusterList"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(
                r.lines[0] == pad("#Cluster Name", 22) + "  " + pad("#Broker Name", 22) + "  " + pad("#BID", 4) + "  "
                    + pad("#Addr", 22) + " " + pad("#Version", 16) + "  " + rpad("#InTPS(LOAD)", 16) + "  "
                    + rpad("#OutTPS(LOAD)", 30)
                    + "  " + pad("#Timer(Progress)", 22) + "  " + pad("#PCWait(ms)", 11) + "  " + pad("#Hour", 12)
                    + "  " + pad("#SPACE", 8) + "  " + pad("#ACTIVATED", 10))
            for (i, (name, addr)) in [("broker-a", a), ("broker-b", b)].enumerated() {
                let row = r.lines[i + 1]
                #expect(
                    row.hasPrefix(
                        pad("DefaultCluster", 22) + "  " + pad(name, 22) + "  " + pad("0", 4) + "  " + pad(addr, 22)
                            + " " + pad("V5_3_3", 16) + "  "))
                #expect(row.hasSuffix(rpad("true", 10)))
                // InTPS is "%9.2f(queue,waitms)" right-aligned in 16 columns; Hour "%2.2f" in 12; SPACE "%.4f" in 8.
                let cells = row.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                #expect(cells[5].range(of: #"^0\.00\(.*ms\)$"#, options: .regularExpression) != nil, "\(row)")
                #expect(cells.count >= 12)
            }
            #expect(r.lines.count == 4 && r.lines[3] == "")

            let m = try await t.run(["clusterList", "-m"])
            #expect(
                m.lines == [
                    pad("#Cluster Name", 16) + "  " + pad("#Broker Name", 32) + " " + rpad("#InTotalYest", 14) + " "
                        + rpad("#OutTotalYest", 14) + " " + rpad("#InTotalToday", 14) + " "
                        + rpad("#OutTotalToday", 14),
                    pad("DefaultCluster", 16) + "  " + pad("broker-a", 32) + " "
                        + [0, 0, 0, 0].map { rpad("\($0)", 14) }.joined(separator: " "),
                    pad("DefaultCluster", 16) + "  " + pad("broker-b", 32) + " "
                        + [0, 0, 0, 0].map { rpad("\($0)", 14) }.joined(separator: " "),
                    "",
                ])

            let unknown = try await t.run(["clusterList", "-c", "Nope"])
            #expect(
                unknown.status == 3
                    && unknown.errorLine.contains("cluster Nope does not exist; known clusters: DefaultCluster"))
        }
    }

    @Test func classicBrokerStatusLayouts() async throws {
        try await TopicTestTarget.withCluster { t in
            let (a, b) = (t.brokerAddresses[0], t.brokerAddresses[1])
            let one = try await t.run(["brokerStatus", "-b", a])
            #expect(one.status == 0, "\(one.stderr)")
            let lines = one.lines.dropLast()
            #expect(lines.contains(pad("brokerVersionDesc", 32) + ": V5_3_3"))
            #expect(lines.contains(pad("brokerActive", 32) + ": true"))
            // "%-32s: %s": the key padded to at least 32 columns (longer keys push the colon right).
            let keys = lines.compactMap { line in line.range(of: ": ").map { String(line[..<$0.lowerBound]) } }
            #expect(keys.count == lines.count)
            #expect(keys.allSatisfy { $0.count >= 32 && !$0.trimmingCharacters(in: .whitespaces).contains(" ") })
            #expect(keys.allSatisfy { $0.count == 32 || !$0.hasSuffix(" ") })
            let names = keys.map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(names == names.sorted())

            let all = try await t.run(["brokerStatus", "-c", "DefaultCluster"])
            #expect(all.lines.contains(pad(a, 24) + " " + pad("brokerVersionDesc", 32) + ": V5_3_3"))
            #expect(all.lines.contains(pad(b, 24) + " " + pad("brokerVersionDesc", 32) + ": V5_3_3"))
            let neither = try await t.run(["brokerStatus"])
            #expect(neither.status == 2 && neither.errorLine.contains("-b BROKER_ADDR or -c CLUSTER_NAME"))
        }
    }
}

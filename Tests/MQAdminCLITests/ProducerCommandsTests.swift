import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

@testable import MQAdminCLI

/// Live producers (`producer list|describe`, classic `producerConnection` and `producer`) against real brokers,
/// with a Swift client that heartbeats as a producer of `pg-live` to both of them.
@Suite(.serialized) struct ProducerCommandsTests {
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

    /// Registers `client` as a producer of `group` on every broker, the way producers announce themselves.
    static func heartbeatAsProducer(_ client: MQClientInstance, group: String, brokers: [String]) async throws {
        let data = HeartbeatData(clientID: client.clientId, producerDataSet: [ProducerData(groupName: group)])
        await client.heartbeat(data, to: brokers)
        try await waitUntil("the producer of \(group) to be registered on every broker") {
            var found = 0
            for b in brokers where try await client.producerConnection(group: group, broker: b) != nil { found += 1 }
            return found == brokers.count
        }
    }

    @Test func listAndDescribeShowTheLiveProducer() async throws {
        try await GroupFixture.with { f in
            let brokers = f.cluster.brokers.map { $0.brokerAddress! }
            let producer = f.cluster.client()
            try await Self.heartbeatAsProducer(producer, group: "pg-live", brokers: brokers)

            let table = try await f.cli.run(["producer", "list"])
            #expect(table.status == 0, "\(table.stderr)")
            #expect(table.stdout.contains("pg-live") && table.stdout.contains(producer.clientId), "\(table.stdout)")
            #expect(table.stderr.isEmpty, "every bundled broker serves GET_ALL_PRODUCER_INFO: \(table.stderr)")

            let list = J.object(try await Self.json(f.cli, ["producer", "list"]))
            let listed = J.array(list["producers"]).filter { $0["group"] as? String == "pg-live" }
            #expect(listed.map { $0["broker"] as? String } == ["broker-a", "broker-b"])
            #expect(listed.allSatisfy { $0["clientId"] as? String == producer.clientId })
            #expect(listed.allSatisfy { $0["lastHeartbeat"] is String })
            #expect(listed.allSatisfy { $0["protocol"] as? String == "REMOTING" && $0["clientVersion"] is NSNull })

            let described = J.object(try await Self.json(f.cli, ["producer", "describe", "pg-live"]))
            let rows = J.array(described["producers"])
            #expect(rows.map { $0["clientId"] as? String } == [producer.clientId, producer.clientId])
            #expect(rows.map { $0["brokerAddress"] as? String } == brokers)
            let filtered = J.object(try await Self.json(f.cli, ["producer", "list", "-g", "pg-live"]))
            #expect(J.array(filtered["producers"]).count == 2)

            // Apache's producerConnection layout, one line per connection.
            let classic = try await f.cli.run(["producerConnection", "-g", "pg-live", "-t", "T"])
            #expect(classic.status == 0, "\(classic.stderr)")
            let expected = rows.enumerated().map { i, r in
                String(format: "%04d", i + 1) + "  " + pad(producer.clientId, 32) + " "
                    + pad(r["address"] as? String ?? "", 22) + " " + pad(r["language"] as? String ?? "", 8) + " "
                    + (r["version"] as? String ?? "") + "\n"
            }.joined()
            #expect(classic.stdout == expected)

            // Apache's `producer -b`: ProducerInfo.toString per instance.
            let one = try await f.cli.run(["producer", "-b", brokers[0]])
            #expect(one.status == 0, "\(one.stderr)")
            let id = NSRegularExpression.escapedPattern(for: producer.clientId)
            let line = try Regex(
                "producer group \\(pg-live\\) instance : clientId=\(id),remoteIP=/127\\.0\\.0\\.1:[0-9]+, "
                    + "language=[A-Z]+, version=[0-9]+, lastUpdateTimestamp=[0-9]{13}")
            #expect(one.stdout.split(separator: "\n").contains { $0.wholeMatch(of: line) != nil }, "\(one.stdout)")
            // Apache's argument order (-n first) works too; the noun alone names its subcommands.
            let apacheOrder = ["producer", "-n", f.cluster.nameServerAddress, "-b", brokers[0]]
            #expect(try await f.cli.run(apacheOrder).stdout == one.stdout)
            let bare = try await f.cli.run(["producer"])
            #expect(bare.status == 2 && bare.stderr.contains("usage: mqadmin producer <list|describe>"))

            // A group nobody produces for: exit 3 and one line naming it and the brokers.
            let none = try await f.cli.run(["producer", "describe", "nobody"])
            #expect(none.status == 3 && none.stdout.isEmpty)
            #expect(none.stderr.contains("no producer of group nobody is connected to brokers broker-a, broker-b"))
            #expect(try await f.cli.run(["producer", "list", "-g", "nobody"]).status == 3)
            #expect(try await f.cli.run(["producerConnection", "-g", "nobody", "-t", "T"]).status == 3)

            // Leaving (UNREGISTER_CLIENT) takes the producer off the lists at once.
            await producer.shutdown()
            try await waitUntil("pg-live to leave") {
                let refs = brokers.map { BrokerRef(name: $0, address: $0) }
                return (try? await f.client.producerConnections(group: "pg-live", on: refs))?.isEmpty == true
            }
        }
    }

    static func json(_ cli: InProcessRunner, _ args: [String]) async throws -> (result: CommandResult, value: Any?) {
        let r = try await cli.run(args + ["-o", "json"])
        return (r, try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)))
    }

    /// statsAll reads what the brokers counted: 20 messages put into T (10 per broker), all 20 pulled by g.
    @Test func statsAllNumbersAreWhatWasSentAndPulled() async throws {
        try await GroupFixture.with { f in
            let before = J.object(try await Self.classicJSON(f.cli, ["statsAll", "-t", "T"]))
            let first = J.array(before["rows"])
            #expect(first.count == 1 && first[0]["group"] is NSNull && J.int(first[0]["inMsg24Hour"]) == 20, "\(first)")
            let table = try await f.cli.run(["statsAll", "-t", "T"])
            let lines = table.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first.map { $0 + "\n" } == ClassicStatsAll.header, "\(table.stdout)")
            let noConsumer = try Regex(
                NSRegularExpression.escapedPattern(for: pad("T", 64) + "  " + pad("", 64) + " " + pad("", 11) + "0")
                    + " +[0-9]+\\.[0-9]{2} {12} +20    NO_CONSUMER")
            #expect(lines.count == 2 && lines[1].wholeMatch(of: noConsumer) != nil, "\(table.stdout)")

            let read = try await f.cli.run(["message", "consume", "T", "-g", "g", "-c", "20"])
            #expect(read.status == 0, "\(read.stderr)")
            let after = J.array(J.object(try await Self.classicJSON(f.cli, ["statsAll", "-t", "T"]))["rows"])
            #expect(after.count == 1 && after[0]["group"] as? String == "g", "\(after)")
            #expect(J.int(after[0]["inMsg24Hour"]) == 20 && J.int(after[0]["outMsg24Hour"]) == 20)
            #expect(J.int(after[0]["accumulation"]) == 0)
            #expect((after[0]["outTps"] as? Double ?? 0) > 0 && (after[0]["inTps"] as? Double ?? 0) > 0)

            // -a leaves out a topic nothing went through.
            try await f.client.createTopic(TopicConfig(topicName: "Idle"), broker: f.cluster.brokers[0].brokerAddress!)
            try await waitUntil("Idle's route") { (try? await f.client.route(topic: "Idle", refresh: true)) != nil }
            let all = try await f.cli.run(["statsAll"])
            #expect(all.stdout.contains("\n" + pad("Idle", 64)) && all.stdout.contains("\n" + pad("T", 64)))
            let active = try await f.cli.run(["statsAll", "-a"])
            #expect(!active.stdout.contains("\n" + pad("Idle", 64)) && active.stdout.contains("\n" + pad("T", 64)))

            // A statistic never recorded is Apache's SYSTEM_ERROR with its remark, not zeros.
            let addr = f.cluster.brokers[0].brokerAddress!
            let header = ViewBrokerStatsDataRequestHeader(statsName: "GROUP_GET_NUMS", statsKey: "Idle@g")
            let refused = try await f.client.invoke(addr, .request(.viewBrokerStatsData, header: header))
            #expect(refused.code == ResponseCode.systemError.rawValue)
            #expect(refused.remark == "The stats <GROUP_GET_NUMS> <Idle@g> not exist")
            let unknown = ViewBrokerStatsDataRequestHeader(statsName: "NO_SUCH_STATS", statsKey: "T")
            #expect(try await f.client.invoke(addr, .request(.viewBrokerStatsData, header: unknown)).code == 1)
            let put = try #require(try await f.client.brokerStatsData(name: "TOPIC_PUT_NUMS", key: "T", broker: addr))
            #expect(put.statsMinute.sum == 10 && put.statsHour.sum == 10 && put.statsDay.sum == 10)
            #expect(abs(put.statsMinute.tps - 10.0 / 60) < 1e-9 && put.statsMinute.avgpt == 1)
        }
    }

    static func classicJSON(_ cli: InProcessRunner, _ args: [String]) async throws
        -> (result: CommandResult, value: Any?)
    {
        let r = try await cli.run(args + ["--output", "json"])
        return (r, try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)))
    }

    /// sendMsgStatus: a warm-up and `-c` sends to the broker's own topic, each printed as Apache's SendResult.
    @Test func sendMsgStatusSendsToTheBrokersTopic() async throws {
        try await GroupFixture.with(brokers: 1, group: nil) { f in
            let r = try await f.cli.run(["sendMsgStatus", "-b", "broker-a", "-c", "3", "-s", "20"])
            #expect(r.status == 0, "\(r.stderr)")
            let line = try Regex(
                "rt=[0-9]+ms, SendResult=SendResult \\[sendStatus=SEND_OK, msgId=[0-9A-F]{32}, "
                    + "offsetMsgId=[0-9A-F]{32}, messageQueue=MessageQueue \\[topic=broker-a, brokerName=broker-a, "
                    + "queueId=0\\], queueOffset=([0-9]+), recallHandle=null\\]")
            let lines = r.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 3 && lines.allSatisfy { $0.wholeMatch(of: line) != nil }, "\(r.stdout)")
            let offsets = lines.compactMap { $0.wholeMatch(of: line)?.output[1].substring }.map(String.init)
            #expect(offsets == ["1", "2", "3"])
            let addr = f.cluster.brokers[0].brokerAddress!
            let put = try await f.client.brokerStatsData(name: "TOPIC_PUT_NUMS", key: "broker-a", broker: addr)
            #expect(put?.statsDay.sum == 4)
            #expect(try await f.cli.run(["sendMsgStatus", "-b", "broker-a", "-s", "0"]).status == 2)
        }
    }

    /// allocateMQ: the averaging rule over the route's queues for a few ip lists, printed as Apache's JSON.
    @Test func allocateMQFollowsTheAveragingRule() async throws {
        let oneBroker = TopicRouteData(
            queueDatas: [QueueData(brokerName: "broker-a", readQueueNums: 2, writeQueueNums: 2, perm: 6)],
            brokerDatas: [])
        // Java's HashSet puts queue 1 before 0 and the HashMap 10.0.0.3 first; the third client gets nothing.
        let clients = ClassicAllocateMQ.clients("10.0.0.1,10.0.0.2,10.0.0.3")
        #expect(
            ClassicAllocateMQ.layout(ClassicAllocateMQ.allocation(topic: "T", route: oneBroker, clients: clients))
                == #"{"result":{"10.0.0.3":[],"10.0.0.2":[{"brokerName":"broker-a","queueId":0,"topic":"T"}],"#
                + #""10.0.0.1":[{"brokerName":"broker-a","queueId":1,"topic":"T"}]}}"#)
        try await GroupFixture.with(queues: 4, perQueue: 0, group: nil) { f in
            for ips in ["a", "a,b", "a,b,c", "c,a,b", "1,2,3,4,5,6,7,8,9,10"] {
                let r = try await f.cli.run(["allocateMQ", "-t", "T", "-i", ips])
                #expect(r.status == 0, "\(r.stderr)")
                let result = try #require(
                    (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])?["result"]
                        as? [String: [[String: Any]]])
                let clients = ips.split(separator: ",").map(String.init)
                #expect(Set(result.keys) == Set(clients))
                // Every one of the 8 queues to exactly one client; shares differ by at most one, larger first.
                let shares = clients.map { result[$0]?.count ?? -1 }
                #expect(shares.reduce(0, +) == 8 && shares == shares.sorted(by: >) && shares[0] - shares.last! <= 1)
                let owned = clients.flatMap { c in result[c]!.map { "\($0["brokerName"]!)/\($0["queueId"]!)" } }
                #expect(Set(owned).count == 8)
            }
        }
    }

    /// The layouts against what Apache's brokers answered in the capture (../shared/apache-frames).
    @Test(arguments: ["apache-4.9.8.jsonl", "apache-5.3.3.jsonl"])
    func layoutsOfCapturedAnswers(file: String) throws {
        let url = MessagePrintClassicTests.fixtures.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let frames = text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let answer = try #require(
            frames.first {
                $0["exchange"] as? String == "producerConnection" && $0["requestCode"] as? Int == 204
            }?["bodyText"] as? String)
        let pc = try FastJSONDecoder().decode(ProducerConnection.self, from: Array(answer.utf8))
        let c = try #require(pc.connectionSet.first)
        let rows = [
            ProducerRow(
                group: "capProducerGroup", broker: BrokerRef(name: "broker-a", address: ""), clientId: c.clientId,
                address: c.clientAddr, language: c.language, version: c.version, lastHeartbeat: nil)
        ]
        let version = file.contains("4.9.8") ? "V4_9_8" : "V5_3_3"
        let expected = "0001  \(pad(c.clientId, 32)) \(pad(c.clientAddr, 22)) JAVA     \(version)\n"
        #expect(ClassicProducerConnection.layout(rows) == expected)

        // statsAll's numbers from a captured VIEW_BROKER_STATS_DATA answer: the day's sum, else the hour's.
        let stats = frames.filter { $0["exchange"] as? String == "statsAll" && $0["requestCode"] as? Int == 315 }
        let bodies = stats.compactMap { $0["bodyText"] as? String }
        #expect(!bodies.isEmpty)
        for body in bodies {
            let d = try FastJSONDecoder().decode(BrokerStatsData.self, from: Array(body.utf8))
            let hourOrMinute = d.statsHour.sum != 0 ? d.statsHour.sum : d.statsMinute.sum
            let sum = d.statsDay.sum != 0 ? d.statsDay.sum : hourOrMinute
            #expect(d.last24HourSum == sum)
        }
        let remarks = stats.compactMap { $0["header"] as? [String: Any] }.compactMap { $0["remark"] as? String }
        #expect(!remarks.isEmpty)
        #expect(remarks.allSatisfy { $0.wholeMatch(of: /The stats <[A-Z_]+> <[^>]+> not exist/) != nil })
        // Java's %.2f rounds half up.
        #expect(ClassicStatsAll.twoDecimals(0.125) == "0.13")
        #expect(ClassicStatsAll.twoDecimals(0.016666666666666666) == "0.02")
    }
}

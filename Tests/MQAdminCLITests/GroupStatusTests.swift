import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

@testable import MQAdminCLI

/// `group status` and classic `consumerStatus` against a 2-broker cluster over loopback TCP: a live Swift push
/// consumer answers GET_CONSUMER_RUNNING_INFO through the broker, with a row for each of its queues on both brokers.
@Suite(.serialized) struct GroupStatusTests {
    /// Starts a Swift push consumer of `T` in `g` and waits until it committed every message.
    static func liveConsumer(_ f: GroupFixture) async throws -> MQClientInstance {
        let consumerClient = f.cluster.client()
        let consumer = PushConsumer(group: "g", client: consumerClient, consumeFromWhere: .firstOffset)
        f.cluster.onStop { await consumer.shutdown() }
        await consumer.subscribe("T", expression: "*")
        try await consumer.start { _, _ in .success }
        try await waitUntil("g to commit every message of T", timeout: .seconds(20), poll: .milliseconds(50)) {
            ((try? await f.client.offsetStates(group: "g", topic: "T")) ?? []).allSatisfy { $0.committed == 5 }
        }
        return consumerClient
    }

    @Test func aSwiftConsumerAnswersWithEveryQueueOnBothBrokers() async throws {
        try await GroupFixture.with { f in
            let consumerClient = try await Self.liveConsumer(f)
            let (r, value) = try await f.cli.json(["group", "status", "g", "--stack"])
            #expect(r.status == 0, "\(r.stderr)")
            let view = J.object((r, value))
            #expect(J.int(view["answered"]) == 1 && J.int(view["didNotAnswer"]) == 0)
            let member = J.array(view["members"]).first ?? [:]
            #expect(member["clientId"] as? String == consumerClient.clientId)
            #expect(member["answered"] as? Bool == true && member["reason"] is NSNull)
            let status = member["status"] as? [String: Any] ?? [:]
            #expect(status["consumeType"] as? String == "CONSUME_PASSIVELY")
            #expect(status["clientVersion"] as? String == "V5_3_3")
            let queues = J.array(status["queues"]).filter { $0["topic"] as? String == "T" }
            #expect(Set(queues.compactMap { $0["broker"] as? String }) == ["broker-a", "broker-b"])
            #expect(queues.count == 4)
            #expect(queues.allSatisfy { J.int($0["committedOffset"]) == 5 && $0["lastPullTime"] is String })
            #expect(queues.allSatisfy { J.int($0["lastConsumeTimestamp"]) ?? 0 > 0 })
            let rates = J.array(status["topics"]).first { $0["topic"] as? String == "T" }
            #expect(((rates?["consumeOkTps"] as? NSNumber)?.doubleValue ?? 0) > 0)
            #expect(Set(J.array(status["subscriptions"]).compactMap { $0["topic"] as? String }) == ["T", "%RETRY%g"])
            #expect((status["stack"] as? String)?.hasPrefix("Swift task dump (not a thread stack") == true)

            let table = try await f.cli.run(["group", "status", "g"])
            #expect(table.status == 0)
            #expect(table.stdout.contains("Client:    \(consumerClient.clientId)"))
            let rows = table.stdout.split(separator: "\n").filter { $0.hasPrefix("broker-") && $0.contains(" T ") }
            #expect(rows.count == 4 && rows.allSatisfy { $0.contains(" ago") }, "\(table.stdout)")
            #expect(!table.stdout.contains("Stack:"))
        }
    }

    @Test func aClientThatIsNotAMemberDidNotAnswerAndAnEmptyGroupExits3() async throws {
        try await GroupFixture.with { f in
            _ = try await Self.liveConsumer(f)
            let other = try await f.cli.run(["group", "status", "g", "--client", "10.9.9.9@nobody"])
            #expect(other.status == 4)
            #expect(other.stdout.contains("client 10.9.9.9@nobody did not answer: not a member of g"))
            #expect(other.stderr == "mqadmin: 1 of 1 members did not answer\n")
            let empty = try await f.cli.run(["group", "status", "idle"])
            #expect(empty.status == 3 && empty.stderr.contains("has no online member"), "\(empty.stderr)")
            let classic = try await f.cli.run(["consumerStatus", "-g", "idle"])
            #expect(classic.status == 3 && classic.stderr.contains("not online"))
        }
    }

    /// A member that answers 307 with a refusal (a client with no consumer of the group: Java's "not exist in this
    /// consumer") is one line; the member that answers is still shown in full, and the exit is 4.
    @Test func aMemberThatDoesNotAnswerIsOneLineAndTheOthersAreStillShown() async throws {
        try await GroupFixture.with { f in
            let consumerClient = try await Self.liveConsumer(f)
            let silent = f.cluster.client()
            let data = HeartbeatData(
                clientID: silent.clientId,
                consumerDataSet: [
                    ConsumerData(groupName: "g", subscriptionDataSet: [SubscriptionData(topic: "T", subString: "*")])
                ])
            await silent.heartbeat(data, to: f.cluster.brokers.map { $0.brokerAddress! })
            try await waitUntil("g to have two members") {
                (try? await f.client.consumerConnection(group: "g"))?.connectionSet.count == 2
            }
            let r = try await f.cli.run(["group", "status", "g"])
            #expect(r.status == 4, "\(r.stderr)")
            #expect(r.stderr == "mqadmin: 1 of 2 members did not answer\n")
            #expect(
                r.stdout.contains(
                    "client \(silent.clientId) did not answer: SYSTEM_ERROR(1): The Consumer Group <g> not exist in "
                        + "this consumer\n"), "\(r.stdout)")
            #expect(r.stdout.contains("Client:    \(consumerClient.clientId)\n"))
            let (jr, value) = try await f.cli.json(["group", "status", "g"])
            #expect(jr.status == 4)
            let json = value as? [String: Any] ?? [:]
            #expect(J.int(json["answered"]) == 1 && J.int(json["didNotAnswer"]) == 1)
            let quiet = J.array(json["members"]).first { $0["clientId"] as? String == silent.clientId }
            #expect(quiet?["answered"] as? Bool == false && quiet?["status"] is NSNull)

            // Classic: Apache leaves a member that fails out of the table; we also name it on stderr. -b limits
            // the members to those connected to that broker.
            let broker = f.cluster.brokers[1].brokerAddress!
            let classic = try await f.cli.run(["consumerStatus", "-g", "g", "-b", broker])
            #expect(classic.status == 0, "\(classic.stderr)")
            #expect(classic.stderr.contains("client \(silent.clientId) did not answer: SYSTEM_ERROR(1)"))
            let lines = classic.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let rows = lines.dropFirst().prefix { !$0.isEmpty }
            #expect(rows.count == 1 && rows.first?.contains(consumerClient.clientId) == true, "\(classic.stdout)")
            if let path = rows.first?.split(separator: " ").last, let dir = path.split(separator: "/").first {
                try? FileManager.default.removeItem(atPath: String(dir))
            }
        }
    }

    @Test func classicConsumerStatusPrintsApachesLayout() async throws {
        try await GroupFixture.with { f in
            let consumerClient = try await Self.liveConsumer(f)
            let id = consumerClient.clientId
            let one = try await f.cli.run(["consumerStatus", "-g", "g", "-i", id])
            #expect(one.status == 0, "\(one.stderr)")
            let sections = one.stdout.components(separatedBy: "\n\n\n").map { $0.split(separator: "\n").first ?? "" }
            #expect(
                sections == [
                    "#Consumer Properties#", "#Consumer Subscription#", "#Consumer Offset#", "#Consumer MQ Detail#",
                    "#Consumer Pop Detail#", "#Consumer RT&TPS#", "#User Consume Info#",
                ])
            #expect(one.stdout.contains("PROP_CONSUME_TYPE                       : CONSUME_PASSIVELY\n"))
            #expect(one.stdout.contains("001 Topic: %RETRY%g"))
            let detail = one.stdout.split(separator: "\n").filter {
                $0.hasPrefix("T ") && $0.contains("ProcessQueueInfo [")
            }
            #expect(detail.count == 4 && detail.allSatisfy { $0.contains("commitOffset=5, ") })

            let all = try await f.cli.run(["consumerStatus", "-g", "g"])
            #expect(all.status == 0, "\(all.stderr)")
            let lines = all.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let header = "#Index     #ClientId                                #Version             #ConsumerRunningInfoFile"
            #expect(lines.first.map(String.init) == header)
            let row = lines.dropFirst().first.map(String.init) ?? ""
            let path = String(row.split(separator: " ").last ?? "")
            #expect(row.hasPrefix("1          \(id)") && path.hasSuffix("/\(id)"), "\(row)")
            defer { try? FileManager.default.removeItem(atPath: String(path.split(separator: "/").first ?? "")) }
            let written = try String(contentsOfFile: path, encoding: .utf8)
            #expect(written.hasPrefix("#Consumer Properties#\n") && written.contains("#Consumer RT&TPS#"))
            #expect(all.stdout.hasSuffix("\n\nSame subscription in the same group of consumer\n\nRebalance OK\n"))
        }
    }

    /// Apache's 5.3.3 `formatString` of the captured Java consumer's answer, pinned to UTC.
    @Test func classicTextOfTheCapturedJavaAnswer() throws {
        let body = """
            {"mqPopTable":{},"mqTable":{{"brokerName":"broker-a","queueId":0,"topic":"CapTopic"}:{"cachedMsgCount":0,\
            "cachedMsgMaxOffset":0,"cachedMsgMinOffset":0,"cachedMsgSizeInMiB":0,"commitOffset":24,"droped":false,\
            "lastConsumeTimestamp":1796291213515,"lastLockTimestamp":1796291195970,"lastPullTimestamp":1796291213515,\
            "locked":true,"transactionMsgCount":0,"transactionMsgMaxOffset":0,"transactionMsgMinOffset":0,\
            "tryUnlockTimes":0}},"properties":{"PROP_CONSUME_TYPE":"CONSUME_PASSIVELY","PROP_CLIENT_VERSION":"V5_3_3"},\
            "statusTable":{"CapTopic":{"consumeFailedMsgs":0,"consumeFailedTPS":0.0,"consumeOKTPS":0.5000250012500626,\
            "consumeRT":1.1,"pullRT":5603.1,"pullTPS":0.4999750012499375}},"subscriptionSet":[{"classFilterMode":false,\
            "codeSet":[],"expressionType":"TAG","subString":"*","subVersion":1796291195986,"tagsSet":[],\
            "topic":"CapTopic"}],"userConsumerInfo":{}}
            """
        let info = try FastJSONDecoder().decode(ConsumerRunningInfo.self, from: Array(body.utf8))
        let text = ClassicRunningInfoText.format(info, zone: TimeZone(identifier: "UTC")!)
        let pad = { (s: String, n: Int) in s + String(repeating: " ", count: max(0, n - s.count)) }
        let expected =
            "#Consumer Properties#\n"
            + pad("PROP_CONSUME_TYPE", 40) + ": CONSUME_PASSIVELY\n" + pad("PROP_CLIENT_VERSION", 40) + ": V5_3_3\n"
            + "\n\n#Consumer Subscription#\n"
            + "001 Topic: " + pad("CapTopic", 40) + " ClassFilter: false    SubExpression: *\n"
            + "\n\n#Consumer Offset#\n"
            + pad("#Topic", 64) + "  " + pad("#Broker Name", 32) + "  #QID  #Consumer Offset    \n"
            + pad("CapTopic", 32) + "  " + pad("broker-a", 32) + "  0     " + pad("24", 20) + "\n"
            + "\n\n#Consumer MQ Detail#\n"
            + pad("#Topic", 64) + "  " + pad("#Broker Name", 32) + "  #QID  #ProcessQueueInfo   \n"
            + pad("CapTopic", 64) + "  " + pad("broker-a", 32) + "  0     "
            + "ProcessQueueInfo [commitOffset=24, cachedMsgMinOffset=0, cachedMsgMaxOffset=0, cachedMsgCount=0, "
            + "cachedMsgSizeInMiB=0, transactionMsgMinOffset=0, transactionMsgMaxOffset=0, transactionMsgCount=0, "
            + "locked=true, tryUnlockTimes=0, lastLockTimestamp=20261203094635970, droped=false, "
            + "lastPullTimestamp=20261203094653515, lastConsumeTimestamp=20261203094653515]\n"
            + "\n\n#Consumer Pop Detail#\n"
            + pad("#Topic", 32) + "  " + pad("#Broker Name", 32) + "  #QID  #ProcessQueueInfo   \n"
            + "\n\n#Consumer RT&TPS#\n"
            + pad("#Topic", 64) + "        #Pull RT      #Pull TPS    #Consume RT #ConsumeOK TPS #ConsumeFailed TPS"
            + "  #ConsumeFailedMsgsInHour\n"
            + pad("CapTopic", 32) + "         5603.10           0.50           1.10           0.50               0.00"
            + "                         0\n"
            + "\n\n#User Consume Info#\n"
        #expect(text == expected)
        #expect(ClassicRunningInfoText.fixed2(1.005) == "1.01" && ClassicRunningInfoText.fixed2(0.125) == "0.13")
    }

    /// The C++ client writes ProcessQueueInfo numbers as strings and styled (multi-line) MessageQueue keys.
    @Test func decodesTheCppClientsShape() throws {
        let body = """
            {"mqTable":{{
               "brokerName" : "broker-a",
               "queueId" : 1,
               "topic" : "T"
            }
            :{
               "cachedMsgCount" : 2,
               "commitOffset" : "17",
               "droped" : false,
               "lastPullTimestamp" : "1796291213515",
               "locked" : false
            }
            },"jstack":"","properties":{"PROP_CLIENT_VERSION":"V4_6_0","PROP_CONSUME_TYPE":"CONSUME_PASSIVELY",\
            "PROP_CONSUMER_START_TIMESTAMP":"1796291194695"},"statusTable":{"T":{"consumeFailedMsgs":0,\
            "consumeFailedTPS":0.0,"consumeOKTPS":1.5,"consumeRT":2.0,"pullRT":3.0,"pullTPS":4.0}},\
            "subscriptionSet":[{"classFilterMode":false,"codeSet":[],"subString":"*","subVersion":1,"tagsSet":[],\
            "topic":"T"}]}
            """
        let info = try FastJSONDecoder().decode(ConsumerRunningInfo.self, from: Array(body.utf8))
        let (mq, p) = try #require(info.mqTable.entries.first)
        #expect(mq == MessageQueue(topic: "T", brokerName: "broker-a", queueId: 1))
        #expect(p.commitOffset == 17 && p.cachedMsgCount == 2 && p.lastPullTimestamp == 1_796_291_213_515)
        #expect(info.jstack == nil && info.isPush && info.startTimestamp == 1_796_291_194_695)
        #expect(info.statusTable.first?.status.consumeOKTPS == 1.5)
    }
}

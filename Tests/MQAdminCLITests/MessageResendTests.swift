import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import NIOConcurrencyHelpers
import Testing

@testable import MQAdminCLI

/// `message resend` and classic `queryMsgById -g/-d/-s` against real brokers and a Swift push consumer.
@Suite(.serialized) struct MessageResendTests {
    /// What a consumer's listener saw: topic, body, reconsume times and RETRY_TOPIC of each message.
    struct Seen: Sendable, Equatable {
        var topic: String
        var body: String
        var reconsumeTimes: Int32
        var retryTopic: String?
    }

    /// A push consumer of `group` on `topic` that records what it sees and answers later for the body "later".
    static func consumer(
        _ cluster: InProcessCluster, group: String, topic: String, seen: NIOLockedValueBox<[Seen]>
    ) async throws -> PushConsumer {
        let client = cluster.client()
        let consumer = PushConsumer(group: group, client: client, consumeFromWhere: .firstOffset)
        cluster.onStop {
            await consumer.shutdown()
            await client.shutdown()
        }
        await consumer.subscribe(topic)
        try await consumer.start { messages, _ in
            let views = messages.map {
                Seen(
                    topic: $0.topic, body: String(decoding: $0.body.readableBytesView, as: UTF8.self),
                    reconsumeTimes: $0.reconsumeTimes, retryTopic: $0.properties[MessageConst.retryTopic])
            }
            seen.withLockedValue { $0 += views }
            return views.contains { $0.body == "later" } ? .reconsumeLater : .success
        }
        return consumer
    }

    /// Both resends change the cluster (audited, refused by a read-only context); queryMsgById only with -g -d
    /// or -s true, as Apache acts then.
    @Test func resendsAreChangesAndQueriesAreReads() throws {
        func changes(_ args: [String]) throws -> Bool { CommandEffects.changesTarget(try MQAdmin.parseAsRoot(args)) }
        let id = "7F00000100002A9F0000000000000000"
        #expect(try changes(["message", "resend", id, "-g", "g"]))
        #expect(try changes(["message", "resend", id, "-g", "g", "--client", "c"]))
        #expect(try changes(["queryMsgById", "-t", "T", "-i", id, "-g", "g", "-d", "c"]))
        #expect(try changes(["queryMsgById", "-t", "T", "-i", id, "-s", "TRUE"]))
        #expect(try !changes(["queryMsgById", "-t", "T", "-i", id, "-s", "false"]))
        #expect(try !changes(["queryMsgById", "-t", "T", "-i", id, "-g", "g"]))
        #expect(try !changes(["consumeMessage", "-t", "T", "-g", "g"]))
    }

    @Test func aSwiftConsumerAnswersResendToItsClient() async throws {
        try await withCluster(brokers: 1) { cluster in
            try await MessageFixtures.createTopic(cluster, "Resend")
            try await MessageFixtures.createTopic(cluster, "Idle")
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            // It subscribes to another topic: only the pushed message reaches its listener.
            let seen = NIOLockedValueBox<[Seen]>([])
            let app = try await Self.consumer(cluster, group: "cg-direct", topic: "Idle", seen: seen)
            let sent = MessageFixtures.object(try await cli.run(["message", "send", "Resend", "hello", "-o", "json"]))
            let offsetMsgId = try #require(sent["offsetMsgId"] as? String)

            let json = MessageFixtures.object(try await cli.run(
                ["message", "resend", offsetMsgId, "--group", "cg-direct", "--client", app.clientId, "-o", "json"]))
            let result = try #require(json["result"] as? [String: Any])
            #expect(result["consumeResult"] as? String == "CR_SUCCESS")
            #expect((result["spentTimeMills"] as? Int).map { $0 >= 0 } == true)
            #expect(json["mode"] as? String == "client" && json["topic"] as? String == "Resend")
            #expect(seen.withLockedValue { $0 } == [Seen(topic: "Resend", body: "hello", reconsumeTimes: 0, retryTopic: nil)])

            // By UNIQ_KEY with --topic; the listener says later, and the table says so.
            let later = MessageFixtures.object(try await cli.run(["message", "send", "Resend", "later", "-o", "json"]))
            let msgId = try #require(later["msgId"] as? String)
            let text = try await cli.run(
                ["message", "resend", msgId, "-t", "Resend", "-g", "cg-direct", "--client", app.clientId])
            #expect(text.status == 0, "\(text.stderr)")
            #expect(text.stdout.contains("Result   CR_LATER\n"), "\(text.stdout)")
            #expect(text.stdout.contains("Client   \(app.clientId) of group cg-direct\n"))
            #expect(seen.withLockedValue { $0.map(\.body) } == ["hello", "later"])

            let offline = try await cli.run(
                ["message", "resend", offsetMsgId, "--group", "cg-direct", "--client", "10.0.0.9@gone"])
            #expect(offline.status == 3)
            MessageFixtures.expectOneErrorLine(offline, contains: "not an online consumer of group cg-direct")
            let unknown = try await cli.run(
                ["message", "resend", String(offsetMsgId.dropLast(4)) + "FFFF", "--group", "cg-direct"])
            #expect(unknown.status == 3, "\(unknown.stderr)")
            // A UNIQ_KEY has the offset id's length: refused by shape (2) or as no broker's id (3), both naming -t.
            let noTopic = try await cli.run(["message", "resend", msgId, "--group", "cg-direct"])
            #expect([2, 3].contains(noTopic.status), "\(noTopic.stderr)")
            MessageFixtures.expectOneErrorLine(noTopic, contains: "--topic")
            #expect(seen.withLockedValue { $0.count } == 2)
        }
    }

    @Test func resendWithoutClientGivesTheGroupACopyOnItsRetryTopicOnce() async throws {
        try await withCluster(brokers: 1) { cluster in
            try await MessageFixtures.createTopic(cluster, "Again")
            // No retries left for any message of this group: the resend must still reach the retry topic, not the DLQ.
            let admin = cluster.client()
            try await withTeardown {
                var config = SubscriptionGroupConfig(groupName: "cg-again")
                config.retryMaxTimes = 0
                try await admin.updateGroup(config, broker: try #require(cluster.brokers[0].brokerAddress))
            } teardown: {
                await admin.shutdown()
            }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let seen = NIOLockedValueBox<[Seen]>([])
            _ = try await Self.consumer(cluster, group: "cg-again", topic: "Again", seen: seen)
            let sent = MessageFixtures.object(try await cli.run(["message", "send", "Again", "twice", "-o", "json"]))
            let offsetMsgId = try #require(sent["offsetMsgId"] as? String)
            try await waitUntil("the consumer to take the message", timeout: .seconds(30)) {
                seen.withLockedValue { $0.count } == 1
            }

            let json = MessageFixtures.object(
                try await cli.run(["message", "resend", offsetMsgId, "--group", "cg-again", "-o", "json"]))
            #expect(json["retryTopic"] as? String == "%RETRY%cg-again")
            #expect(json["reconsumeTimes"] as? Int == 1 && json["mode"] as? String == "retry")
            try await waitUntil("the group to take the copy from its retry topic", timeout: .seconds(30)) {
                seen.withLockedValue { $0.count } == 2
            }
            // A later message arrives after the copy: had the copy been stored twice, it would show by now.
            _ = try await cli.run(["message", "send", "Again", "marker"])
            try await waitUntil("the marker", timeout: .seconds(30)) {
                seen.withLockedValue { $0.contains { $0.body == "marker" } }
            }
            let copies = seen.withLockedValue { $0.filter { $0.body == "twice" } }
            #expect(copies.count == 2)
            #expect(copies.last?.reconsumeTimes == 1)
            #expect(copies.last?.retryTopic == "Again")
            #expect(copies.last?.topic == "%RETRY%cg-again")
        }
    }

    @Test func classicQueryMsgByIdPushesAndResendsInApacheLayout() async throws {
        try await withCluster(brokers: 1) { cluster in
            try await MessageFixtures.createTopic(cluster, "ClassicPush")
            try await MessageFixtures.createTopic(cluster, "Idle")
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            let seen = NIOLockedValueBox<[Seen]>([])
            let app = try await Self.consumer(cluster, group: "cg-classic", topic: "Idle", seen: seen)
            let sent = MessageFixtures.object(
                try await cli.run(["message", "send", "ClassicPush", "pushed", "-o", "json"]))
            let msgId = try #require(sent["msgId"] as? String)

            let pushed = try await cli.run(
                ["queryMsgById", "-t", "ClassicPush", "-i", msgId, "-g", "cg-classic", "-d", app.clientId])
            #expect(pushed.status == 0, "\(pushed.stderr)")
            let prefix = "ConsumeMessageDirectlyResult [order=false, autoCommit=true, consumeResult=CR_SUCCESS, "
                + "remark=null, spentTimeMills="
            #expect(pushed.stdout.hasPrefix(prefix) && pushed.stdout.contains("]"), "\(pushed.stdout)")
            #expect(Int64(pushed.stdout.dropFirst(prefix.count).prefix { $0.isNumber }) != nil)
            #expect(seen.withLockedValue { $0.map(\.body) } == ["pushed"])

            let resent = try await cli.run(["queryMsgById", "-t", "ClassicPush", "-i", msgId, "-s", "true"])
            #expect(resent.status == 0, "\(resent.stderr)")
            let head = "prepare resend msg. originalMsgId=\(msgId)SendResult [sendStatus=SEND_OK, msgId=\(msgId), "
                + "offsetMsgId="
            #expect(resent.stdout.hasPrefix(head), "\(resent.stdout)")
            #expect(resent.stdout.contains(", messageQueue=MessageQueue [topic=ClassicPush, brokerName=broker-a, "))
            #expect(resent.stdout.contains(", recallHandle=null]"))
            let copies = try await cli.run(["queryMsgByUniqueKey", "-t", "ClassicPush", "-i", msgId, "-a"])
            #expect(copies.stdout.components(separatedBy: "Topic:").count - 1 >= 2, "\(copies.stdout)")
            let notTrue = try await cli.run(["queryMsgById", "-t", "ClassicPush", "-i", msgId, "-s", "false"])
            #expect(notTrue.status == 0 && notTrue.stdout.isEmpty)
            let missing = try await cli.run(
                ["queryMsgById", "-t", "ClassicPush", "-i", "UNKNOWNKEY", "-s", "true"])
            #expect(missing.stdout == "no message. msgId=UNKNOWNKEY")
        }
    }
}

import Foundation
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// An executed offset change that every broker refused changed nothing: it leaves no journal entry and offers no
/// undo (seen against Apache 4.9.8, which refuses resets of a group without subscription config; here the
/// broker refuses because the user may read the group but not update it).
@Suite(.serialized) struct OffsetNoChangeTests {
    @Test func aRefusedResetLeavesNoJournalAndNoUndoHint() async throws {
        let auth = AuthSettings(enabled: true, initialAdmin: InitialUser(username: "root", password: "root-pw"))
        try await withCluster(brokers: 1, configure: { $0.auth = auth }) { cluster in
            let broker = try #require(cluster.brokers[0].brokerAddress)
            let root = MQClientInstance(
                nameServers: [cluster.nameServerAddress], group: cluster.group, timeout: .seconds(5),
                signer: AclSigner(accessKey: "root", secretKey: "root-pw"), logger: cluster.logger)
            cluster.onStop { await root.shutdown() }
            try await root.createTopic(TopicConfig(topicName: "T", readQueueNums: 2, writeQueueNums: 2), broker: broker)
            try await root.createUser(UserInfo(username: "viewer", password: "viewer-pw"), broker: broker)
            try await root.putAcl(
                AclInfo.of(subject: "User:viewer", resources: ["Topic:T", "Group:g"], actions: ["Get", "Sub"],
                           sourceIps: nil, decision: "Allow"),
                update: false, broker: broker)
            try await root.putAcl(
                AclInfo.of(subject: "User:viewer", resources: ["Group:*"], actions: ["List"], sourceIps: nil,
                           decision: "Allow"),
                update: true, broker: broker)
            try await root.updateGroup(SubscriptionGroupConfig(groupName: "g"), broker: broker)
            let producer = Producer(group: "pg", client: root)
            for i in 0..<4 { _ = try await producer.send(Message(topic: "T", body: "m\(i)")) }
            for queueId in Int32(0)..<2 {
                let mq = MessageQueue(topic: "T", brokerName: "broker-a", queueId: queueId)
                try await root.updateConsumerOffset(group: "g", queue: mq, offset: 2)
            }

            let home = try TempDirectory("offset-no-change")
            defer { home.remove() }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress, home: home.path)
            let viewer = ["MQADMIN_ACCESS_KEY": "viewer", "MQADMIN_SECRET_KEY": "viewer-pw"]
            let reset = try await cli.run(
                ["offset", "reset", "g", "-t", "T", "--to-earliest", "--execute", "--yes"], extraEnv: viewer)
            #expect(reset.status == 5, "\(reset.stderr)")
            #expect(reset.stderr.contains("no queue changed"), "\(reset.stderr)")
            #expect(!reset.stderr.contains("undo") && !reset.stdout.contains("undo"), "\(reset.stdout)\(reset.stderr)")
            let journal = home.path + "/.mqadmin/journal"
            let files = (try? FileManager.default.contentsOfDirectory(atPath: journal)) ?? []
            #expect(files.filter { $0.hasSuffix(".json") }.isEmpty, "\(files)")
            let list = try await cli.run(["offset", "undo", "--list", "-o", "json"], extraEnv: viewer)
            let entries = (try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])?["entries"]
            #expect(list.status == 0 && (entries as? [Any])?.isEmpty == true, "\(list)")
        }
    }
}

import Foundation
import Logging
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import NIOPosix
import Testing

/// The broker's ACL handlers and checks through the client API over TCP.
@Suite(.serialized) struct AuthBrokerTests {
    @Test func adminCodesAndChecksOnAnAuthBroker() async throws {
        try await withCluster(configure: {
            $0.auth = AuthSettings(enabled: true, initialAdmin: InitialUser(username: "root", password: "root-pw"))
        }) { cluster in
            let broker = cluster.brokers[0].brokerAddress!
            func client(_ ak: String?, _ sk: String) -> MQClientInstance {
                MQClientInstance(
                    nameServers: [cluster.nameServerAddress], group: cluster.group, timeout: .seconds(5),
                    signer: ak.map { AclSigner(accessKey: $0, secretKey: sk) }, logger: cluster.logger)
            }
            let root = client("root", "root-pw")
            try await root.createUser(UserInfo(username: "alice", password: "a-pw"), broker: broker)
            // Apache's answers: an existing user, a super user created by a normal one, blank input.
            await #expect(throws: ClientError.brokerError(code: 16, remark: "The user is existed", address: broker)) {
                try await root.createUser(UserInfo(username: "alice", password: "x"), broker: broker)
            }
            let alice = client("alice", "a-pw")
            try await root.putAcl(
                AclInfo.of(
                    subject: "User:alice", resources: ["Topic:orders"], actions: ["Create", "Get"], sourceIps: nil,
                    decision: "Allow"),
                update: false, broker: broker)
            #expect(try await root.user("alice", broker: broker)?.userType == "Normal")
            #expect(try await root.user("ghost", broker: broker) == nil)
            #expect(try await root.acl(subject: "User:alice", broker: broker)?.policies?.first?.policyType == "Custom")
            #expect(try await root.users(filter: "ali", broker: broker).map(\.username) == ["alice"])

            // A normal user: its own allowed admin action passes, others are refused naming user, resource and action.
            try await alice.createTopic(
                TopicConfig(topicName: "orders", readQueueNums: 1, writeQueueNums: 1), broker: broker)
            do {
                try await alice.createTopic(
                    TopicConfig(topicName: "other", readQueueNums: 1, writeQueueNums: 1), broker: broker)
                Issue.record("expected a refusal")
            } catch let e as ClientError {
                #expect(e.responseCode == .noPermission)
                #expect(
                    e.description.contains("User:alice has no permission to access Topic:other")
                        && e.description.contains("Create"))
            }
            do {
                try await alice.createUser(UserInfo(username: "evil", password: "x", userType: "Super"), broker: broker)
                Issue.record("expected a refusal")
            } catch let e as ClientError { #expect(e.responseCode == .noPermission) }
            // Unsigned and wrongly signed requests are refused.
            for c in [client(nil, ""), client("alice", "wrong")] {
                do {
                    _ = try await c.topicConfigs(broker: broker)
                    Issue.record("expected a refusal")
                } catch let e as ClientError { #expect(e.responseCode == .noPermission) }
                await c.shutdown()
            }
            // Super-user only: a normal caller cannot delete a super user.
            try await root.putAcl(
                AclInfo.of(
                    subject: "User:alice", resources: ["Cluster:DefaultCluster"], actions: ["Update"], sourceIps: nil,
                    decision: "Allow"),
                update: true, broker: broker)
            await #expect(
                throws: ClientError.brokerError(
                    code: 16, remark: "The super user can only be update by super user", address: broker)
            ) {
                try await alice.deleteUser("root", broker: broker)
            }
            try await root.deleteAcl(subject: "User:alice", resource: "Topic:orders", broker: broker)
            #expect(
                try await root.acl(subject: "User:alice", broker: broker)?.policies?.first?.entries?.map(\.resource)
                    == ["Cluster:DefaultCluster"])

            // Durable: mode 0600, and a reopened store has the same users and ACLs.
            let path = cluster.directory.sub("broker-a") + "/config/auth.json"
            #expect(
                (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
                    == 0o600)
            let reopened = try AuthStore(path: path)
            #expect(reopened.listUsers(filter: nil).map(\.username) == ["alice", "root"])
            #expect(
                reopened.acl(subject: "User:alice")?.policies.first?.entries.map(\.resource.key) == [
                    "Cluster:DefaultCluster"
                ])
            #expect(!(try String(contentsOfFile: path, encoding: .utf8)).isEmpty)
            await root.shutdown()
            await alice.shutdown()
        }
    }

    @Test func specificityAndDenyOnTies() {
        let user = AuthUser(username: "u", password: "p")
        func e(_ r: String, _ d: Decision, _ a: [AuthAction] = [.pub]) -> AclEntry {
            AclEntry(resource: Resource.parse(r)!, actions: a, decision: d)
        }
        let acl = Acl(subject: "User:u", policies: [
            AclPolicy(entries: [e("*", .allow, [.all]), e("Topic:ord*", .deny), e("Topic:orders", .allow), e("Topic:o*", .allow)]),
        ])
        func allowed(_ t: String) -> Bool {
            AclEvaluator.evaluate(user: user, acl: acl, resource: .topic(t), actions: [.pub], sourceIp: "1.2.3.4").allowed
        }
        #expect(allowed("orders"))  // literal beats prefixes
        #expect(!allowed("order2"))  // the longer prefix (Deny) beats the shorter one
        #expect(allowed("other"))  // Topic:o* beats *
        let tie = Acl(subject: "User:u", policies: [AclPolicy(entries: [e("Topic:t", .allow), e("Topic:t", .deny)])])
        #expect(!AclEvaluator.evaluate(user: user, acl: tie, resource: .topic("t"), actions: [.pub], sourceIp: nil).allowed)
        #expect(IPRange.contains("10.0.0.0/8", "10.200.3.4") && !IPRange.contains("10.0.0.0/8", "11.0.0.1"))
        #expect(IPRange.contains("fd00::/8", "fd12::1") && !IPRange.contains("10.0.0.0/8", "::1"))
    }
}

import Foundation
import Logging
import MQBroker
import MQClient
import MQProtocol
import MQRemoting
import MQTestSupport
import NIOCore
import NIOPosix
import Testing

/// The request-code registries: authorization derived from them is deny by default, codes they do not
/// serve are refused with REQUEST_CODE_NOT_SUPPORTED, and docs/request-codes.md is generated from them.
@Suite(.serialized) struct RequestRegistryTests {
    static let topic = "orders"
    static let group = "billing"

    /// A request for `code` naming the test's topic and group in every field a rule may read, with the
    /// bodies the body-derived rules need.
    static func request(_ code: RequestCode) -> RemotingCommand {
        var request = RemotingCommand.request(code)
        for field in ["topic", "b"] { request.extFields[field] = topic }
        for field in ["consumerGroup", "group", "groupName", "destGroup", "srcGroup", "producerGroup", "a"] {
            request.extFields[field] = group
        }
        request.extFields["brokerName"] = "broker-a"
        request.extFields["namespace"] = "ns"
        request.extFields["key"] = "k"
        request.extFields["value"] = "v"
        request.extFields["username"] = "someone"
        request.extFields["subject"] = "User:someone"
        if code == .updateAndCreateSubscriptionGroup {
            request = request.withJSONBody(SubscriptionGroupConfig(groupName: group))
        }
        if code == .updateAndCreateTopicList {
            request = request.withJSONBody(CreateTopicListRequestBody(topicConfigList: [TopicConfig(topicName: topic)]))
        }
        if code == .setMessageRequestMode {
            request = request.withJSONBody(SetMessageRequestModeBody(topic: topic, consumerGroup: group, mode: .pop))
        }
        if code == .updateAndCreateSubscriptionGroupList {
            request = request.withJSONBody(
                SubscriptionGroupList(groupConfigList: [SubscriptionGroupConfig(groupName: group)]))
        }
        return request
    }

    @Test func everyServedRowHasAnExplicitRuleAndAdminRowsNameAResource() {
        let rows = BrokerRequests.table.rows + NameServerRequests.table.rows
        #expect(rows.count > 50)
        for row in rows where row.kind == .admin {
            if case .authenticated = row.access { Issue.record("admin code \(row.code) needs authentication only") }
        }
        // Codes are unique per table (the table's initializer enforces it) and named; unserved ones say why.
        for row in rows {
            #expect(row.code.name != nil, "\(row.code)")
            #expect(row.isServed == (row.notServedReason == nil), "\(row.code)")
        }
    }

    @Test func aPubOnlyUserIsRefusedEveryAdminCodeAndAnAdminIsNot() async throws {
        try await BundledServer.with(label: "auth-registry", configure: { options in
            options.broker.auth = AuthSettings(
                enabled: true, initialAdmin: InitialUser(username: "root", password: "root-pw"))
        }) { server in
            let alice = server.client(user: "alice", password: "alice-pw")
            let root = server.client(user: "root", password: "root-pw")
            try await withTeardown {
                // alice may publish to one topic, nothing else.
                try await root.createUser(UserInfo(username: "alice", password: "alice-pw"), broker: server.broker)
                try await root.putAcl(
                    AclInfo.of(
                        subject: "User:alice", resources: ["Topic:\(Self.topic)"], actions: ["Pub"], sourceIps: nil,
                        decision: "Allow"),
                    update: false, broker: server.broker)

                let targets = [
                    (server.broker, BrokerRequests.table.rows), (server.nameServer, NameServerRequests.table.rows),
                ]
                var checked = 0
                for (address, rows) in targets {
                    for row in rows where row.kind == .admin && row.isServed {
                        let refused = try await alice.invoke(address, Self.request(row.code))
                        #expect(
                            refused.code == ResponseCode.noPermission.rawValue,
                            "\(row.code) at \(address): \(refused.code)")
                        #expect(refused.remark?.contains("alice") == true, "\(row.code): \(refused.remark ?? "")")
                        checked += 1
                    }
                }
                #expect(checked >= 40)
                // What alice is allowed, she may do: send to her topic (authorization passes; the send itself runs).
                var send = Self.request(.sendMessageV2)
                send.body = ByteBuffer(string: "hello")
                let sent = try await alice.invoke(server.broker, send)
                #expect(sent.code != ResponseCode.noPermission.rawValue, "\(sent.remark ?? "")")

                // A super user passes authorization for every admin code, whatever the handler then answers (Apache's
                // ACL handlers answer their own validation failures with NO_PERMISSION too, so the remark tells).
                for (address, rows) in targets {
                    for row in rows where row.kind == .admin && row.isServed && !Self.destructive.contains(row.code) {
                        let answer = try await root.invoke(address, Self.request(row.code))
                        let remark = answer.remark ?? ""
                        #expect(!remark.contains("has no permission") && !remark.contains("authorization context"),
                                "\(row.code) at \(address): \(remark)")
                    }
                }
            } teardown: {
                await alice.shutdown()
                await root.shutdown()
            }
        }
    }

    /// Admin codes whose handlers would change what the rest of the test relies on.
    static let destructive: Set<RequestCode> = [.authDeleteUser, .authDeleteAcl, .wipeWritePermOfBroker]

    @Test func unknownAndUnservedCodesAnswerNotSupported() async throws {
        try await withCluster(brokers: 1) { cluster in
            // The transport alone: the answer exactly as the servers wrote it.
            let client = RemotingClient(group: cluster.group, logger: cluster.logger)
            try await withTeardown {
                let broker = cluster.brokers[0].brokerAddress!
                let unserved = BrokerRequests.table.routes.filter { !$0.isServed }.map(\.code)
                #expect(unserved.isEmpty, "not served: \(unserved)")
                for code in unserved + [RequestCode(rawValue: 9999), .getBrokerClusterInfo] {
                    let answer = try await client.invoke(broker, Self.request(code), timeout: .seconds(5))
                    #expect(answer.code == ResponseCode.requestCodeNotSupported.rawValue, "\(code): \(answer.code)")
                    #expect(answer.remark == " request type \(code.rawValue) not supported")
                }
                for code in [RequestCode(rawValue: 9999), .sendMessage, .updateAndCreateTopic] {
                    let answer = try await client.invoke(
                        cluster.nameServerAddress, Self.request(code), timeout: .seconds(5))
                    #expect(answer.code == ResponseCode.requestCodeNotSupported.rawValue, "\(code): \(answer.code)")
                }
            } teardown: {
                await client.close()
            }
        }
    }

    @Test func docsTableIsGeneratedFromTheRegistries() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/request-codes.md").path
        let generated = RequestCodeDocs.markdown()
        if ProcessInfo.processInfo.environment["MQADMIN_WRITE_DOCS"] == "1" {
            try generated.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(committed == generated, """
            docs/request-codes.md is out of date with the registries; regenerate it with \
            MQADMIN_WRITE_DOCS=1 swift test --skip-build --filter RequestRegistryTests/docsTable
            """)
    }
}

import GRPCCore
import MQBroker
import MQProtocol
import MQTestSupport
import Testing

@testable import MQGrpc

/// Authentication and authorization of gRPC calls with the broker's users and ACLs (design pop-grpc.md §4.8).
@Suite struct GrpcAuthTests {
    /// HMAC-SHA1 hex vectors computed outside Swift (Python: `hmac.new(key, data, hashlib.sha1).hexdigest()`).
    @Test func signatureVectors() {
        #expect(
            GrpcSignature.signature(dateTime: "20231211T080000Z", secret: "secret")
                == "aa915b9aec31f3ecbab7556ac4b8dd70e0265f38")
        // No credentials: the Python client still signs, with an empty key.
        #expect(
            GrpcSignature.signature(dateTime: "20260101T000000Z", secret: "")
                == "2ebe5ef4b7204beff381c5aa56d327955aeb6bdf")
        #expect(
            GrpcSignature.signature(dateTime: "20261204T175500Z", secret: "pässwörd")
                == "9693aecd48370603d2d72be399c3261d8d181ad4")
        let at = "20231211T080000Z"
        #expect(GrpcSignature.verify("AA915B9AEC31F3ECBAB7556AC4B8DD70E0265F38", dateTime: at, secret: "secret"))
        #expect(!GrpcSignature.verify("aa915b9aec31f3ecbab7556ac4b8dd70e0265f39", dateTime: at, secret: "secret"))
    }

    @Test func authorizationHeaderParsing() throws {
        let parsed = try #require(
            GrpcSignature.parse("MQv2-HMAC-SHA1 Credential=alice/x/y, SignedHeaders=x-mq-date-time, Signature=ab12"))
        #expect(parsed.accessKey == "alice")
        #expect(parsed.signedHeaders == "x-mq-date-time")
        #expect(parsed.signature == "ab12")
        let anonymous = GrpcSignature.parse("MQv2-HMAC-SHA1 Credential=, SignedHeaders=x-mq-date-time, Signature=ab")
        #expect(anonymous?.accessKey == "")
        #expect(GrpcSignature.parse("Basic YWxpY2U6cHc=") == nil)
        #expect(GrpcSignature.parse("MQv2-HMAC-SHA1 Credential=alice") == nil)
    }

    @Test func authOnRefusesUnknownAndForbiddenCallers() async throws {
        try await GrpcBroker.with(auth: true) { broker in
            try broker.createTopic("A_ALLOWED")
            try broker.createTopic("A_DENIED")
            try broker.core.auth.store.createUser(AuthUser(username: "alice", password: "alice-secret"))
            try broker.core.auth.store.putAcl(
                Acl(
                    subject: AuthSubject.user("alice"),
                    policies: [
                        AclPolicy(entries: [
                            AclEntry(resource: .topic("A_ALLOWED"), actions: [.sub], decision: .allow),
                            AclEntry(resource: .group("A_GROUP"), actions: [.sub], decision: .allow),
                        ])
                    ]))
            let alice = (name: "alice", password: "alice-secret")
            let results = try await broker.withClient { client in
                func route(_ topic: String, _ metadata: Metadata) async throws -> V2Code {
                    var request = Apache_Rocketmq_V2_QueryRouteRequest()
                    request.topic = topicResource(topic)
                    return try await client.queryRoute(request, metadata: metadata).status.code
                }
                var codes: [String: V2Code] = [:]
                codes["no credentials"] = try await route("A_ALLOWED", clientMetadata())
                codes["unknown user"] = try await route("A_ALLOWED", clientMetadata(user: ("bob", "pw")))
                codes["bad signature"] = try await route(
                    "A_ALLOWED", clientMetadata(user: alice, signature: String(repeating: "0", count: 40)))
                codes["allowed"] = try await route("A_ALLOWED", clientMetadata(user: alice))
                codes["denied topic"] = try await route("A_DENIED", clientMetadata(user: alice))
                codes["super user"] = try await route(
                    "A_DENIED", clientMetadata(user: (GrpcBroker.adminUser, GrpcBroker.adminPassword)))
                codes["settings, no pub right"] = try await client.exchangeSettings(
                    clientSettings(producerOf: ["A_ALLOWED"]), metadata: clientMetadata(user: alice))?.status.code
                codes["settings, sub right"] = try await client.exchangeSettings(
                    clientSettings(pushConsumer: "A_GROUP", topics: ["A_ALLOWED"]),
                    metadata: clientMetadata(user: alice))?.status.code
                // Sending and ending a transaction need Pub on the topic; alice has Sub only.
                let message = GrpcSendTests.message("A_ALLOWED")
                codes["send, sub right"] = try await client.sendMessage(
                    GrpcSendTests.request(message), metadata: clientMetadata(user: alice)).status.code
                codes["send, super user"] = try await client.sendMessage(
                    GrpcSendTests.request(message),
                    metadata: clientMetadata(user: (GrpcBroker.adminUser, GrpcBroker.adminPassword))).status.code
                var end = Apache_Rocketmq_V2_EndTransactionRequest()
                end.topic = topicResource("A_ALLOWED")
                codes["end transaction, sub right"] = try await client.endTransaction(
                    end, metadata: clientMetadata(user: alice)).status.code
                // Receiving needs Sub on the group and the topic: the stream is the refusal's status alone.
                let receive = GrpcReceiveTests.receiveRequest("A_DENIED", group: "A_GROUP")
                codes["receive, denied topic"] = try await client.receiveMessage(
                    receive, metadata: clientMetadata(user: alice)
                ) { response in
                    var all: [V2Code] = []
                    for try await item in response.messages { all.append(item.status.code) }
                    return all.count == 1 ? all[0] : nil
                }
                codes["ack, no credentials"] = try await client.ackMessage(
                    GrpcReceiveTests.ackRequest("A_ALLOWED", [("id", "0 0 0 0 0 b 0 0")], group: "A_GROUP"),
                    metadata: clientMetadata()).status.code
                return codes
            }
            #expect(results["no credentials"] == .unauthorized)
            #expect(results["unknown user"] == .unauthorized)
            #expect(results["bad signature"] == .unauthorized)
            #expect(results["allowed"] == .ok)
            #expect(results["denied topic"] == .forbidden)
            #expect(results["super user"] == .ok)
            #expect(results["settings, no pub right"] == .forbidden)
            #expect(results["settings, sub right"] == .ok)
            #expect(results["send, sub right"] == .forbidden)
            #expect(results["send, super user"] == .ok)
            #expect(results["end transaction, sub right"] == .forbidden)
            #expect(results["receive, denied topic"] == .forbidden)
            #expect(results["ack, no credentials"] == .unauthorized)
            #expect(V2Code.unauthorized.rawValue == 40100 && V2Code.forbidden.rawValue == 40300)
        }
    }

    @Test func authOffIgnoresTheHeader() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("A_TOPIC")
            let code = try await broker.withClient { client in
                var request = Apache_Rocketmq_V2_QueryRouteRequest()
                request.topic = topicResource("A_TOPIC")
                return try await client.queryRoute(
                    request, metadata: clientMetadata(user: ("nobody", "x"), signature: "bad")
                ).status.code
            }
            #expect(code == .ok)
        }
    }

    /// Every RPC has a row, and the rows ask what Apache's builder asks.
    @Test func accessRules() {
        #expect(GrpcAccess.allCases.count == 17)
        #expect(GrpcAccess.queryRoute.checks(topic: "T", group: nil).map(\.description) == ["Pub|Sub on Topic:T"])
        #expect(GrpcAccess.sendMessage.checks(topic: "T", group: nil).map(\.description) == ["Pub on Topic:T"])
        #expect(
            GrpcAccess.receiveMessage.checks(topic: "T", group: "G").map(\.description)
                == ["Sub on Group:G", "Sub on Topic:T"])
        #expect(GrpcAccess.heartbeat.checks(topic: nil, group: nil).isEmpty)
    }
}

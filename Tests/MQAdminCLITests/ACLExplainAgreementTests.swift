import Foundation
import Logging
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import NIOPosix
import Testing

/// `acl explain` against the broker's real decision on a table of user/resource/action/IP cases: over TCP
/// from 127.0.0.1, and through the broker's check (`BrokerAuth.refusal`, the function its processor calls) on
/// its own store for other source IPs.
@Suite(.serialized) struct ACLExplainAgreementTests {
    static let password = "agree-root-secret"

    struct Case: CustomStringConvertible {
        var user: String
        var resource: String
        var action: String
        var ip: String
        var description: String { "\(user) \(action) \(resource) from \(ip)" }
    }

    /// A request whose only check is (resource, action): the codes Apache maps that way.
    static func request(_ c: Case) -> RemotingCommand {
        let r = Resource.parse(c.resource)!
        let name = r.name ?? ""
        switch (r.type, c.action) {
        case (.topic, "Pub"):
            return RemotingCommand(
                code: 310, extFields: ["a": "pg", "b": name, "c": "TBW102", "d": "4", "e": "0", "f": "0", "g": "0", "h": "0", "j": "0"],
                body: ByteBuffer(string: "x"))
        case (.topic, "Sub,Get"): return RemotingCommand(code: 12, extFields: ["topic": name, "key": "k", "maxNum": "1", "beginTimestamp": "0", "endTimestamp": "1"])
        case (.topic, "Create"):
            return RemotingCommand(code: 17, extFields: ["topic": name, "defaultTopic": "TBW102", "readQueueNums": "1", "writeQueueNums": "1", "perm": "6", "topicFilterType": "SINGLE_TAG"])
        case (.topic, "Get"): return RemotingCommand(code: 202, extFields: ["topic": name])
        case (.topic, "Delete"): return RemotingCommand(code: 215, extFields: ["topic": name + "-none"])
        case (.group, "Sub"): return RemotingCommand(code: 36, extFields: ["group": name, "offset": "0", "delayLevel": "0"])
        case (.group, "Get"): return RemotingCommand(code: 352, extFields: ["group": name])
        case (.group, "Delete"): return RemotingCommand(code: 207, extFields: ["groupName": name + "-none"])
        default: return RemotingCommand(code: 28)
        }
    }

    static let cases: [Case] = {
        var out: [Case] = []
        let probes: [(String, String)] = [
            ("Topic:orders", "Pub"), ("Topic:orders-eu", "Pub"), ("Topic:orders-secret", "Pub"), ("Topic:orders", "Sub,Get"),
            ("Topic:payments", "Pub"), ("Topic:payments", "Get"), ("Topic:x", "Get"), ("Topic:x", "Create"),
            ("Topic:x", "Delete"), ("Group:g1", "Sub"), ("Group:audit", "Sub"), ("Group:g1", "Get"), ("Cluster:DefaultCluster", "Get"),
        ]
        for user in ["alice", "bob", "carol", "dave", "erin", "root"] {
            for (i, p) in probes.enumerated() {
                let ip = ["127.0.0.1", "10.1.2.3", "192.168.1.7"][(i + user.count) % 3]
                out.append(Case(user: user, resource: p.0, action: p.1, ip: ip))
            }
        }
        return out
    }()

    @Test func explainAgreesWithTheBroker() async throws {
        let dir = try TempDirectory("acl-agree")
        defer { dir.remove() }
        let pw = dir.sub("pw")
        try Self.password.write(toFile: pw, atomically: true, encoding: .utf8)
        let arguments = ["--auth", "--admin-user", "root", "--admin-password-file", pw]
        try await withBrokerProcess(dataDirectory: dir.sub("data"), arguments: arguments) { broker in
            var logger = Logger(label: "agree")
            logger.logLevel = .error
            let group = MultiThreadedEventLoopGroup.singleton
            let admin = MQClientInstance(
                nameServers: [broker.nameServer], group: group, timeout: .seconds(5),
                signer: AclSigner(accessKey: "root", secretKey: Self.password), logger: logger)
            try await withTeardown {
                func entry(_ r: String, _ a: [String], _ d: String, _ ips: [String]? = nil) -> PolicyEntryInfo {
                    PolicyEntryInfo(resource: r, actions: a, sourceIps: ips, decision: d)
                }
                let users: [(String, [PolicyEntryInfo], String?)] = [
                    ("alice", [
                        entry("Topic:orders", ["Pub"], "Allow"), entry("Topic:ord*", ["Sub", "Get"], "Allow"),
                        entry("Topic:orders-*", ["Pub"], "Allow", ["10.0.0.0/8"]), entry("Topic:orders-secret", ["Pub"], "Deny"),
                        entry("Group:g*", ["Sub"], "Allow", ["10.0.0.0/8", "127.0.0.1"]), entry("Cluster:DefaultCluster", ["Get"], "Allow", ["127.0.0.1"]),
                    ], nil),
                    ("bob", [], nil),
                    ("carol", [entry("*", ["All"], "Allow"), entry("Topic:payments", ["Pub"], "Deny"), entry("Group:audit", ["Sub"], "Deny")], nil),
                    ("dave", [entry("Topic:orders", ["Pub"], "Allow")], "disable"),
                    ("erin", [entry("Topic:*", ["Get"], "Allow"), entry("Topic:x", ["All"], "Allow", ["192.168.1.0/24"]), entry("Topic:x", ["Get"], "Deny", ["127.0.0.1"])], nil),
                ]
                for (name, entries, status) in users {
                    try await admin.createUser(UserInfo(username: name, password: name + "-pw"), broker: broker.broker)
                    if let status { try await admin.updateUser(UserInfo(username: name, userStatus: status), broker: broker.broker) }
                    if !entries.isEmpty {
                        try await admin.putAcl(AclInfo(subject: "User:" + name, policies: [PolicyInfo(policyType: nil, entries: entries)]), update: false, broker: broker.broker)
                    }
                }
                // The broker's own check on its own store, for source IPs a loopback test cannot have.
                let auth = BrokerAuth(
                    store: try AuthStore(path: dir.sub("data") + "/config/auth.json"), enforce: true, cluster: "DefaultCluster",
                    logger: logger)
                let cli = InProcessRunner(nameServer: broker.nameServer)
                var overTCP = 0
                var allowedCount = 0
                for c in Self.cases {
                    let secret = c.user == "root" ? Self.password : c.user + "-pw"
                    var request = Self.request(c)
                    AclSignature.sign(&request, accessKey: c.user, secretKey: secret)
                    let brokerAllowed: Bool
                    if c.ip == "127.0.0.1" {
                        let client = MQClientInstance(nameServers: [broker.nameServer], group: group, timeout: .seconds(5), logger: logger)
                        let response = try await withTeardown {
                            try await client.invoke(broker.broker, request)
                        } teardown: {
                            await client.shutdown()
                        }
                        brokerAllowed = response.code != ResponseCode.noPermission.rawValue
                        overTCP += 1
                    } else {
                        brokerAllowed = auth.refusal(for: request, from: c.ip + ":40000") == nil
                    }
                    let r = try await cli.run(
                        ["acl", "explain", "--user", c.user, "--resource", c.resource, "--action", c.action, "--source-ip", c.ip, "-o", "json"],
                        extraEnv: ["MQADMIN_ACCESS_KEY": "root", "MQADMIN_SECRET_KEY": Self.password])
                    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(c): \(r.stderr)")
                    #expect(json["allowed"] as? Bool == brokerAllowed, "\(c): explain \(json["reason"] ?? "?") vs broker \(brokerAllowed)")
                    if brokerAllowed { allowedCount += 1 }
                }
                #expect(Self.cases.count >= 30)
                #expect(overTCP >= 20)
                // The table exercises both answers.
                #expect(allowedCount > 10 && allowedCount < Self.cases.count - 10)
            } teardown: {
                await admin.shutdown()
            }
        }
    }
}

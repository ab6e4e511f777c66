import Foundation
import Logging
import MQClient
import MQProtocol
import MQTestSupport
import NIOPosix
import Testing

/// The official C++ client with `set_session_credentials` against `mqadmin broker start --auth` (issue 5).
@Suite(.serialized) struct AuthInteropTests {
    static let script = TestPaths.packageRoot + "/Tests/InteropTests/python/cpp_auth.py"
    static let adminPassword = "root-Pa55-interop"

    /// Runs `body` with a broker with auth on, an admin client signed as its super user, and the topics and
    /// users of the cases; then shuts the client down and stops the broker, awaited, whether `body` returned or
    /// threw.
    static func withAuthBroker(
        _ dir: TempDirectory, _ body: (BrokerProcess, MQClientInstance) async throws -> Void
    ) async throws {
        try Interop.requirePython()
        let pwFile = dir.sub("admin.pw")
        try (adminPassword + "\n").write(toFile: pwFile, atomically: true, encoding: .utf8)
        try await withBrokerProcess(
            dataDirectory: dir.sub("data"),
            arguments: ["--auth", "--admin-user", "root", "--admin-password-file", pwFile]
        ) { broker in
            var logger = Logger(label: "auth-interop")
            logger.logLevel = .error
            let admin = MQClientInstance(
                nameServers: [broker.nameServer], group: MultiThreadedEventLoopGroup.singleton, timeout: .seconds(10),
                signer: AclSigner(accessKey: "root", secretKey: adminPassword), logger: logger)
            try await withTeardown {
                for t in ["orders", "order2", "payments"] {
                    try await admin.createTopic(
                        TopicConfig(topicName: t, readQueueNums: 2, writeQueueNums: 2), broker: broker.broker)
                }
                #expect(
                    await eventually(timeout: .seconds(10)) {
                        (try? await admin.route(topic: "payments", refresh: true)) != nil
                    })
                func user(_ name: String, _ entries: [PolicyEntryInfo], status: String? = nil) async throws {
                    try await admin.createUser(
                        UserInfo(username: name, password: name + "-secret"), broker: broker.broker)
                    if let status {
                        try await admin.updateUser(UserInfo(username: name, userStatus: status), broker: broker.broker)
                    }
                    guard !entries.isEmpty else { return }
                    let acl = AclInfo(
                        subject: "User:" + name, policies: [PolicyInfo(policyType: nil, entries: entries)])
                    try await admin.putAcl(acl, update: false, broker: broker.broker)
                }
                func allow(_ r: String, _ a: [String]) -> PolicyEntryInfo {
                    PolicyEntryInfo(resource: r, actions: a, sourceIps: nil, decision: "Allow")
                }
                try await user("alice", [allow("Topic:orders", ["Pub"])])
                try await user("bob", [])
                try await user("carol", [
                    allow("Topic:order*", ["Pub"]),
                    PolicyEntryInfo(resource: "Topic:orders", actions: ["Pub"], sourceIps: nil, decision: "Deny"),
                ])
                try await user("dave", [allow("Topic:orders", ["Pub"])], status: "disable")
                try await user("eve", [allow("Group:cg_eve", ["Sub"]), allow("Topic:payments", ["Sub"])])
                try await user("frank", [allow("Group:cg_frank", ["Sub"]), allow("Topic:orders", ["Sub"])])
                try await body(broker, admin)
            } teardown: {
                await admin.shutdown()
            }
        }
    }

    /// `cpp_auth.py produce` as `ak` with secret `sk` (through the environment): (ok, failed, errors).
    func produce(
        _ python: String, _ ns: String, topic: String, ak: String, sk: String, count: Int = 2
    ) throws -> (Int, Int, [String]) {
        let r = try runCommand(
            python, [Self.script, "produce", ns, topic, String(count)], environment: ["CPP_AK": ak, "CPP_SK": sk])
        var (ok, failed, errors) = (0, -1, [String]())
        for line in r.stdout.split(separator: "\n") {
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            if let e = o["error"] as? String { errors.append(e) }
            if o["done"] != nil {
                ok = o["ok"] as? Int ?? 0
                failed = o["failed"] as? Int ?? -1
            }
        }
        #expect(r.status == 0, "producer crashed: \(r.stderr.suffix(1500))")
        return (ok, failed, errors)
    }

    @Test(arguments: CppClient.allCases)
    func producersAreAuthenticatedAndAuthorizedAsApacheDoes(client cpp: CppClient) async throws {
        let python = try cpp.python()
        let dir = try TempDirectory("auth-interop")
        defer { dir.remove() }
        try await Self.withAuthBroker(dir) { broker, admin in
            let ns = broker.nameServer

            // A user allowed Pub on Topic:orders sends.
            #expect(try produce(python, ns, topic: "orders", ak: "alice", sk: "alice-secret").0 == 2)
            // The same user with a wrong secret is refused.
            let wrong = try produce(python, ns, topic: "orders", ak: "alice", sk: "not-her-secret")
            #expect(wrong.0 == 0 && wrong.1 == 2)
            // A user with no policy is refused.
            #expect(try produce(python, ns, topic: "orders", ak: "bob", sk: "bob-secret").0 == 0)
            // A Deny on a more specific resource beats a broader Allow.
            #expect(try produce(python, ns, topic: "orders", ak: "carol", sk: "carol-secret").0 == 0)
            #expect(try produce(python, ns, topic: "order2", ak: "carol", sk: "carol-secret").0 == 2)
            // A disabled user is refused.
            #expect(try produce(python, ns, topic: "orders", ak: "dave", sk: "dave-secret").0 == 0)
            // A super user may do everything.
            #expect(try produce(python, ns, topic: "payments", ak: "root", sk: Self.adminPassword).0 == 2)
            // Without credentials nothing gets through.
            #expect(try produce(python, ns, topic: "orders", ak: "", sk: "").0 == 0)

            // Only the allowed sends were stored: alice 2 on orders, carol 2 on order2, root 2 on payments.
            func stored(_ topic: String) async throws -> Int64 {
                var n: Int64 = 0
                for q in 0..<2 {
                    n += try await admin.maxOffset(
                        MessageQueue(topic: topic, brokerName: "broker-a", queueId: Int32(q)))
                }
                return n
            }
            #expect(try await stored("orders") == 2)
            #expect(try await stored("order2") == 2)
            #expect(try await stored("payments") == 2)
            // Refusals are logged naming user, resource and action; no password is ever logged.
            let log = broker.log
            #expect(log.contains("User:carol has no permission to access Topic:orders"))
            #expect(log.contains("User:dave is disabled."))
            for secret in [Self.adminPassword, "alice-secret", "carol-secret", "not-her-secret"] {
                #expect(!log.contains(secret))
            }
            await admin.shutdown()
        }
    }

    @Test(arguments: CppClient.allCases)
    func aConsumerWithoutSubOnItsTopicGetsNothing(client cpp: CppClient) async throws {
        let python = try cpp.python()
        let dir = try TempDirectory("auth-consume")
        defer { dir.remove() }
        try await Self.withAuthBroker(dir) { broker, admin in
            let ns = broker.nameServer
            #expect(try produce(python, ns, topic: "orders", ak: "alice", sk: "alice-secret", count: 5).0 == 5)

            func consumer(_ ak: String, group: String, out: String) throws -> Process {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: python)
                p.arguments = [Self.script, "consume", ns, "orders", group, out, "60"]
                var env = ProcessInfo.processInfo.environment
                env["CPP_AK"] = ak
                env["CPP_SK"] = ak + "-secret"
                p.environment = env
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                _ = FileManager.default.createFile(atPath: out, contents: nil)
                try p.run()
                return p
            }
            let (eveOut, frankOut) = (dir.sub("eve.jsonl"), dir.sub("frank.jsonl"))
            let eve = try consumer("eve", group: "cg_eve", out: eveOut)
            let frank = try consumer("frank", group: "cg_frank", out: frankOut)
            try await withTeardown {
                func lines(_ path: String) -> Int {
                    ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").count
                }
                // Frank (Sub on Topic:orders and his group) receives all five: the consumer path works with auth on.
                #expect(await eventually(timeout: .seconds(45), every: .milliseconds(500)) { lines(frankOut) >= 5 })
                // Eve, subscribed to orders without Sub on it, has received nothing in the same time.
                #expect(lines(eveOut) == 0)
                #expect(broker.log.contains("User:eve has no permission to access Topic:orders"))
                await admin.shutdown()
            } teardown: {
                try await Interop.stopConsumers([eve, frank], outs: [eveOut, frankOut])
            }
        }
    }
}

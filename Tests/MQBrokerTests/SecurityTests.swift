import Foundation
import Logging
import MQBroker
import MQClient
@testable import MQProtocol
import MQRemoting
import MQTestSupport
import NIOCore
import NIOPosix
import Testing

/// Issue 9, security: an auth-on `mqadmin broker start` (the built binary, name server and broker in one
/// process) refuses every request code without a valid signature on both ports, refuses a signed
/// request whose body or header was changed, never shows a secret in its log or in the CLI's output,
/// and keeps its data files 0600 and directories 0700.
@Suite(.serialized) struct SecurityTests {
    static let adminPassword = "Adm1n-Secret-\(UInt32.random(in: 1000...9999))"
    static let alicePassword = "Al1ce-Secret-\(UInt32.random(in: 1000...9999))"

    /// Every code of `RequestCode`, plus codes nobody defines, as an unsigned request and as one signed
    /// with a wrong secret or by an unknown user: NO_PERMISSION from the broker and the bundled name server.
    @Test func everyRequestCodeWithoutAValidSignatureIsRefused() async throws {
        try await AuthBroker.with { fx in
            let client = RemotingClient(group: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "sec"))
            try await withTeardown {
                let codes = RequestCode.names.keys.sorted() + [0, 1, 9999, Int32.max, -1]
                #expect(codes.count > 90)
                var refused = 0
                for address in [fx.process.broker, fx.process.nameServer] {
                    for code in codes {
                        for signing in [Signing.none, .wrongSecret, .unknownUser, .signatureOnly] {
                            var request = RemotingCommand.request(RequestCode(rawValue: code))
                            request.extFields["topic"] = "orders"
                            request.extFields["consumerGroup"] = "g"
                            request.body = ByteBuffer(string: #"{"topic":"orders"}"#)
                            signing.apply(&request)
                            let response = try await client.invoke(address, request, timeout: .seconds(5))
                            let what = "\(address) \(RequestCode(rawValue: code)) \(signing)"
                            #expect(
                                response.code == ResponseCode.noPermission.rawValue,
                                "\(what): \(response.code) \(response.remark ?? "")")
                            refused += 1
                        }
                    }
                }
                #expect(refused == codes.count * 2 * 4)
                // The same requests signed by the admin are served (the refusals above were the signature's doing).
                var ok = RemotingCommand.request(.getBrokerClusterInfo)
                AclSignature.sign(&ok, accessKey: "root", secretKey: Self.adminPassword)
                #expect(try await client.invoke(fx.process.nameServer, ok, timeout: .seconds(5)).code == 0)
            } teardown: {
                await client.close()
            }
        }
    }

    /// A correctly signed request is served; the same signature over a changed body, a changed header
    /// field, an added field or a removed field is refused.
    @Test func aSignedRequestReplayedWithChangesIsRefused() async throws {
        try await AuthBroker.with { fx in
            let client = RemotingClient(group: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "sec"))
            try await withTeardown {
                try fx.cli(["topic", "create", "orders", "-r", "1", "-w", "1"])
                var send = RemotingCommand.request(
                    .sendMessage, header: SendMessageRequestHeader(producerGroup: "p", topic: "orders", queueId: 0),
                    body: ByteBuffer(string: "pay 10 EUR"))
                AclSignature.sign(&send, accessKey: "root", secretKey: Self.adminPassword)
                let first = try await client.invoke(fx.process.broker, send, timeout: .seconds(5))
                #expect(first.code == 0, "\(first.remark ?? "")")
                // Replayed unchanged: served again (RocketMQ's signature carries no nonce; see docs/reliability.md).
                #expect(try await client.invoke(fx.process.broker, send, timeout: .seconds(5)).code == 0)

                var tamperedBody = send
                tamperedBody.body = ByteBuffer(string: "pay 9999 EUR")
                var tamperedHeader = send
                tamperedHeader.extFields["topic"] = "TBW102"
                var addedField = send
                addedField.extFields["queueId"] = "0"
                addedField.extFields["delayTimeLevel"] = "3"
                var removedField = send
                removedField.extFields.removeValue(forKey: "bornTimestamp")
                var otherUser = send
                otherUser.extFields[AclSignature.accessKeyField] = "alice"
                for (what, request) in [
                    ("body", tamperedBody), ("header", tamperedHeader), ("added field", addedField),
                    ("removed field", removedField), ("access key", otherUser),
                ] {
                    let r = try await client.invoke(fx.process.broker, request, timeout: .seconds(5))
                    #expect(r.code == ResponseCode.noPermission.rawValue, "\(what): \(r.code) \(r.remark ?? "")")
                }
                // Only the two untampered sends were stored.
                let admin = fx.adminClient()
                let max = try await admin.maxOffset(MessageQueue(topic: "orders", brokerName: "broker-a", queueId: 0))
                await admin.shutdown()
                #expect(max == 2)
            } teardown: {
                await client.close()
            }
        }
    }

    /// After a run that stored messages, offsets, users, ACLs and traces: every file of the data
    /// directory is 0600 and every directory 0700; the log (at debug level) and the CLI's user/ACL output
    /// in every format never contain a password.
    @Test func secretsStayOutOfLogsAndOutputAndFilesArePrivate() async throws {
        try await AuthBroker.with { fx in
            try fx.cli(["topic", "create", "orders", "-r", "2", "-w", "2"])
            try fx.cli(["user", "create", "alice", "--password-file", fx.alicePasswordFile])
            try fx.cli(["acl", "create", "-s", "User:alice", "-r", "Topic:orders", "-a", "Pub", "-d", "Allow"])
            try fx.cli(["message", "send", "orders", "hello", "--key", "k1", "--trace"])
            try fx.cli(["message", "consume", "orders", "-g", "readers", "-c", "1", "--from", "earliest", "--trace"])
            var outputs: [String] = []
            let json = ["-o", "json"]
            let classicJSON = ["--output", "json"]
            let cluster = ["-c", "DefaultCluster"]
            for args in [
                ["user", "list"], ["user", "list"] + json, ["user", "get", "alice"], ["user", "get", "alice"] + json,
                ["user", "get", "root"] + json, ["acl", "list"], ["acl", "list"] + json,
                ["acl", "get", "-s", "User:alice"] + json, ["listUser"] + cluster, ["listUser"] + cluster + classicJSON,
                ["getUser", "-u", "alice"] + cluster, ["getUser", "-u", "root"] + cluster + classicJSON,
                ["listAcl"] + cluster, ["getAcl", "-s", "User:alice"] + cluster + classicJSON,
            ] {
                let r = try fx.cli(args)
                outputs.append(r.stdout + r.stderr)
            }
            // A wrong password is refused with a message that does not echo it.
            let wrong = try fx.cli(["user", "list"], secret: "Wr0ng-Secret-Guess", expectSuccess: false)
            #expect(wrong.status == 5, "\(wrong.stderr)")
            outputs.append(wrong.stdout + wrong.stderr)
            fx.stop()

            for secret in [Self.adminPassword, Self.alicePassword, "Wr0ng-Secret-Guess"] {
                #expect(!fx.process.log.contains(secret), "the broker log shows a password")
                for o in outputs { #expect(!o.contains(secret), "CLI output shows a password: \(o)") }
            }
            #expect(fx.process.log.contains("refused"), "the log should record the refused request")
            #expect(outputs.contains { $0.contains("alice") })

            let (files, directories, wrong0600) = Self.walk(fx.data)
            #expect(files > 10 && directories > 3, "walked \(files) files, \(directories) directories")
            #expect(wrong0600.isEmpty, "not private: \(wrong0600)")
        }
    }

    /// Loopback unless told otherwise; told to listen on every interface without auth, it says so.
    @Test func listensOnLoopbackByDefaultAndWarnsWhenExposedWithoutAuth() async throws {
        let defaults = ServerOptions(dataDirectory: "/unused")
        #expect(defaults.nameServerListen.hasPrefix("127.0.0.1:") && defaults.brokerListen.hasPrefix("127.0.0.1:"))
        let help = try runCommand(TestPaths.mqadmin, ["broker", "start", "--help"])
        #expect(help.stdout.contains("(default: 127.0.0.1:9876)") && help.stdout.contains("(default: 127.0.0.1:10911)"))

        let dir = try TempDirectory("exposed")
        defer { dir.remove() }
        // Each broker is started, waited for and stopped (its clean exit checked) before its log is read.
        let exposed = try await withBrokerProcess(
            dataDirectory: dir.sub("open"), arguments: ["--listen", "0.0.0.0:0", "--broker-listen", "0.0.0.0:0"]
        ) { $0 }
        for flag in ["--listen 0.0.0.0:0", "--broker-listen 0.0.0.0:0"] {
            #expect(
                exposed.log.contains("\(flag) is reachable from other machines and authentication is off"),
                "\(exposed.log)")
        }
        // Loopback, or exposed with auth on: no warning.
        let quiet = try await withBrokerProcess(dataDirectory: dir.sub("loopback")) { $0 }
        #expect(!quiet.log.contains("reachable from other machines"))
        try "pw\n".write(toFile: dir.sub("pw"), atomically: true, encoding: .utf8)
        let guarded = try await withBrokerProcess(
            dataDirectory: dir.sub("guarded"),
            arguments: [
                "--listen", "0.0.0.0:0", "--broker-listen", "0.0.0.0:0", "--auth", "--admin-user", "root",
                "--admin-password-file", dir.sub("pw"),
            ]
        ) { $0 }
        #expect(!guarded.log.contains("reachable from other machines"))
    }

    /// Counts files and directories under `root` and lists those not 0600 / 0700.
    static func walk(_ root: String) -> (files: Int, directories: Int, wrong: [String]) {
        var files = 0
        var directories = 0
        var wrong: [String] = []
        let fm = FileManager.default
        func mode(_ path: String) -> Int {
            var st = stat()
            return lstat(path, &st) == 0 ? Int(st.st_mode) : -1
        }
        let rootMode = mode(root)
        if rootMode & 0o777 != 0o700 { wrong.append("\(root) \(String(rootMode & 0o777, radix: 8))") }
        for relative in (fm.subpaths(atPath: root) ?? []) {
            let path = root + "/" + relative
            let m = mode(path)
            if m & Int(S_IFMT) == Int(S_IFDIR) {
                directories += 1
                if m & 0o777 != 0o700 { wrong.append("\(relative)/ \(String(m & 0o777, radix: 8))") }
            } else {
                files += 1
                if m & 0o777 != 0o600 { wrong.append("\(relative) \(String(m & 0o777, radix: 8))") }
            }
        }
        return (files, directories, wrong)
    }
}

/// How a request in the refusal sweep is (mis)signed.
enum Signing: CustomStringConvertible {
    case none, wrongSecret, unknownUser, signatureOnly

    func apply(_ request: inout RemotingCommand) {
        switch self {
        case .none: break
        case .wrongSecret: AclSignature.sign(&request, accessKey: "root", secretKey: "not-the-password")
        case .unknownUser: AclSignature.sign(&request, accessKey: "mallory", secretKey: "whatever")
        case .signatureOnly:
            // A valid-looking signature but no AccessKey to check it against.
            AclSignature.sign(&request, accessKey: "root", secretKey: SecurityTests.adminPassword)
            request.extFields.removeValue(forKey: AclSignature.accessKeyField)
        }
    }

    var description: String {
        switch self {
        case .none: "unsigned"
        case .wrongSecret: "wrong secret"
        case .unknownUser: "unknown user"
        case .signatureOnly: "signature without access key"
        }
    }
}

/// An auth-on `mqadmin broker start` (all roles) with admin `root`, and the CLI signed as root.
struct AuthBroker {
    let dir: TempDirectory
    let process: BrokerProcess
    var data: String { dir.sub("data") }
    var alicePasswordFile: String { dir.sub("alice.pw") }

    /// Runs `body` with a started broker, then stops it (awaited; its exit checked) and removes its directory,
    /// whether `body` returned or threw.
    static func with<T>(_ body: (AuthBroker) async throws -> T) async throws -> T {
        let dir = try TempDirectory("security")
        defer { dir.remove() }
        try (SecurityTests.adminPassword + "\n").write(toFile: dir.sub("admin.pw"), atomically: true, encoding: .utf8)
        try (SecurityTests.alicePassword + "\n").write(toFile: dir.sub("alice.pw"), atomically: true, encoding: .utf8)
        return try await withBrokerProcess(
            dataDirectory: dir.sub("data"),
            arguments: [
                "--auth", "--admin-user", "root", "--admin-password-file", dir.sub("admin.pw"), "--log-level", "debug",
            ]
        ) { process in
            try await body(AuthBroker(dir: dir, process: process))
        }
    }

    /// Runs the CLI against the broker, signed as root (or with `secret`).
    @discardableResult
    func cli(_ args: [String], secret: String? = nil, expectSuccess: Bool = true) throws -> CommandResult {
        let key = dir.sub("key-\(UInt32.random(in: 0...UInt32.max))")
        try ((secret ?? SecurityTests.adminPassword) + "\n").write(toFile: key, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: key) }
        let runner = MQAdminRunner(nameServer: process.nameServer, home: dir.path)
        let r = try runner.run(args + ["--access-key", "root", "--secret-key-file", key])
        if expectSuccess { #expect(r.status == 0, "\(args): \(r.stderr)") }
        return r
    }

    /// A client signed as root.
    func adminClient() -> MQClientInstance {
        MQClientInstance(
            nameServers: [process.nameServer], group: MultiThreadedEventLoopGroup.singleton, timeout: .seconds(5),
            signer: AclSigner(accessKey: "root", secretKey: SecurityTests.adminPassword), logger: Logger(label: "sec"))
    }

    func stop() { process.stop() }
}

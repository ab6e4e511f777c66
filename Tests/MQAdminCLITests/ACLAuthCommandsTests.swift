import Foundation
import MQTestSupport
import Testing

/// `mqadmin` against `broker start --auth`: credentials, refusals (exit 5), passwords kept out of argv,
/// output, logs and `ps`, and users/ACLs surviving a restart with their file at mode 0600.
@Suite(.serialized) struct ACLAuthCommandsTests {
    static let adminPassword = "Adm1n-cli-secret"
    static let alicePassword = "alice-cli-secret"

    /// Runs `body` with `broker start --auth` on `dir`'s data directory (with the initial admin `root` if `admin`),
    /// and stops it afterwards, awaited (SIGTERM; a broker that does not exit cleanly fails the test).
    func withBroker(_ dir: TempDirectory, admin: Bool = true, _ body: (BrokerProcess) async throws -> Void)
        async throws
    {
        let pw = dir.sub("admin.pw")
        try (Self.adminPassword + "\n").write(toFile: pw, atomically: true, encoding: .utf8)
        let args = admin ? ["--auth", "--admin-user", "root", "--admin-password-file", pw] : ["--auth"]
        try await withBrokerProcess(dataDirectory: dir.sub("data"), arguments: args, body)
    }

    func admin(_ broker: BrokerProcess) -> (MQAdminRunner, [String: String]) {
        (MQAdminRunner(nameServer: broker.nameServer), ["MQADMIN_ACCESS_KEY": "root", "MQADMIN_SECRET_KEY": Self.adminPassword])
    }

    @Test func credentialsRefusalsAndRestart() async throws {
        let dir = try TempDirectory("acl-auth")
        defer { dir.remove() }
        let alice = ["MQADMIN_ACCESS_KEY": "alice", "MQADMIN_SECRET_KEY": Self.alicePassword]
        try await withBroker(dir) { broker in
            let (cli, root) = admin(broker)
            var outputs: [String] = []
            func run(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> CommandResult {
                let r = try cli.run(args, stdin: stdin, extraEnv: env)
                outputs += [r.stdout, r.stderr]
                return r
            }

            // Without credentials: exit 5 with a clear message.
            let anonymous = try run(["topic", "list"])
            #expect(anonymous.status == 5)
            #expect(anonymous.stderr.contains("permission denied") && anonymous.stderr.contains("--access-key"))
            // With them it works (env, file and stdin forms).
            #expect(try run(["topic", "create", "orders"], env: root).status == 0)
            let secretFile = dir.sub("root.secret")
            try Self.adminPassword.write(toFile: secretFile, atomically: true, encoding: .utf8)
            #expect(try run(["topic", "list", "--access-key", "root", "--secret-key-file", secretFile]).status == 0)
            #expect(try run(["--access-key", "root", "--secret-key-stdin", "topic", "list"], stdin: Self.adminPassword + "\n").status == 0)
            // A wrong secret: exit 5 naming the signature.
            let wrong = try run(["topic", "list"], env: ["MQADMIN_ACCESS_KEY": "root", "MQADMIN_SECRET_KEY": "nope"])
            #expect(wrong.status == 5 && wrong.stderr.contains("signature"))
            // Secrets on argv are refused unless the operator accepts the risk.
            let argv = try run(["topic", "list", "--access-key", "root", "--secret-key", Self.adminPassword])
            #expect(argv.status == 2 && argv.stderr.contains("--insecure-password-arg"))
            #expect(try run(["topic", "list", "--access-key", "root", "--secret-key", Self.adminPassword, "--insecure-password-arg"]).status == 0)

            // A normal user, from stdin; the classic -p is refused without --insecure-password-arg.
            #expect(try run(["user", "create", "alice", "--password-stdin"], env: root, stdin: Self.alicePassword + "\n").status == 0)
            let dashP = try run(["createUser", "-c", "DefaultCluster", "-u", "mallory", "-p", "pw12345"], env: root)
            #expect(dashP.status == 2 && dashP.stderr.contains("--password-stdin"))

            // Every admin command is refused to a normal user without the matching admin action — also one that may
            // publish to the topic it names (docs/request-codes.md: deny by default).
            #expect(try run(["acl", "create", "-s", "User:alice", "-r", "Topic:orders", "-a", "Pub", "-d", "Allow"], env: root).status == 0)
            let adminCommands: [[String]] = [
                ["topic", "create", "t2"], ["topic", "update", "orders", "-w", "4"], ["topic", "delete", "orders", "--yes"],
                ["topic", "list"], ["topic", "describe", "orders"], ["cluster", "list"],
                ["group", "create", "g1"], ["group", "delete", "g1", "--yes"], ["group", "list"], ["group", "describe", "g1"],
                ["offset", "show", "g1", "-t", "orders"], ["user", "list"], ["user", "get", "alice"],
                ["user", "create", "bob", "--password-stdin"], ["acl", "list"], ["acl", "get", "-s", "User:alice"],
                ["acl", "create", "-s", "User:alice", "-r", "Topic:orders", "-a", "Pub", "-d", "Allow"],
                ["updateTopic", "-c", "DefaultCluster", "-t", "t3"], ["deleteTopic", "-c", "DefaultCluster", "-t", "orders"],
                ["topicList"], ["clusterList"], ["updateSubGroup", "-c", "DefaultCluster", "-g", "g2"],
                ["listUser", "-c", "DefaultCluster"], ["listAcl", "-c", "DefaultCluster"],
            ]
            for args in adminCommands {
                let r = try run(args, env: alice, stdin: "x\n")
                #expect(r.status == 5, "\(args): \(r.status) \(r.stderr)")
                #expect(r.stderr.contains("User:alice") || r.stderr.contains("alice"), "\(args): \(r.stderr)")
            }
            // A route is what a producer needs (GET_ROUTEINFO_BY_TOPIC takes Pub, Sub or Get), so Pub suffices.
            #expect(try run(["topic", "route", "orders"], env: alice).status == 0)
            // With the matching admin action the same command works.
            #expect(try run(["acl", "create", "-s", "User:alice", "-r", "Topic:t2", "-a", "Create,Get", "-d", "Allow"], env: root).status == 0)
            #expect(try run(["topic", "create", "t2"], env: alice).status == 0)
            let explain = try cli.json(["acl", "explain", "--user", "alice", "--resource", "Topic:t2", "--action", "Create"] + ["--access-key", "root", "--secret-key-file", secretFile])
            #expect((explain.value as? [String: Any])?["allowed"] as? Bool == true)

            // user get/list never print passwords.
            for args in [["user", "get", "alice"], ["user", "list"], ["getUser", "-c", "DefaultCluster", "-u", "alice"],
                         ["listUser", "-c", "DefaultCluster"], ["user", "list", "-o", "json"]] {
                let r = try run(args, env: root)
                #expect(r.status == 0, "\(args): \(r.stderr)")
                #expect(r.stdout.contains("alice"))
            }
            let classic = try run(["getUser", "-c", "DefaultCluster", "-u", "alice"], env: root)
            #expect(classic.stdout == "#UserName         #Password               #UserType               #UserStatus           \n"
                + "alice             ******                  Normal                  enable                \n")

            // The store: mode 0600; no password in ps, output or log.
            let store = dir.sub("data") + "/config/auth.json"
            let mode = (try FileManager.default.attributesOfItem(atPath: store)[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600)
            let cmdline = try String(contentsOfFile: "/proc/\(broker.process.processIdentifier)/cmdline", encoding: .utf8)
            #expect(cmdline.contains("--admin-password-file") && !cmdline.contains(Self.adminPassword))
            for text in outputs + [broker.log] {
                #expect(!text.contains(Self.adminPassword) && !text.contains(Self.alicePassword))
            }

            // Restart without --admin-user: users and ACLs survive.
            try await broker.stopChecked()
        }
        try await withBroker(dir, admin: false) { broker in
            let (cli2, root) = admin(broker)
            let users = try cli2.run(["user", "list", "-o", "json"], extraEnv: root)
            #expect(users.status == 0)
            let names = ((try? JSONSerialization.jsonObject(with: Data(users.stdout.utf8))) as? [[String: Any]])?.compactMap { $0["username"] as? String }
            #expect(names == ["alice", "root"])
            let acl = try cli2.run(["acl", "get", "-s", "alice", "-o", "json"], extraEnv: root)
            #expect(acl.status == 0 && acl.stdout.contains("Topic:t2"))
            #expect(try cli2.run(["topic", "create", "t4"], extraEnv: alice).status == 5)
        }
    }

    @Test func authWithoutAnyAdminRefusesToStart() throws {
        let dir = try TempDirectory("acl-noadmin")
        defer { dir.remove() }
        let r = try runCommand(
            TestPaths.mqadmin,
            ["broker", "start", "--data", dir.sub("data"), "--listen", "127.0.0.1:0", "--broker-listen", "127.0.0.1:0", "--auth"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--admin-user"))
    }
}

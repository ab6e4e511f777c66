import ArgumentParser
import Foundation
import MQTestSupport
import Testing

@testable import MQAdminCLI

/// Issue 15 item 2: saved contexts, the read-only guard and the audit log, through the in-process runner with
/// a private HOME (and a real cluster where a command must connect).
@Suite(.serialized) struct ContextTests {
    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    static func json(_ text: String) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    }

    @Test func addUseListShowDeleteKeepOnePrivateFile() async throws {
        let home = try TempDirectory("ctx-crud")
        defer { home.remove() }
        let cli = InProcessRunner(home: home.path)
        let secret = home.sub("prod.secret")
        try "TopSecret-42\n".write(toFile: secret, atomically: true, encoding: .utf8)

        let added = try await cli.run([
            "context", "add", "prod", "-n", "10.0.0.1:9876;10.0.0.2:9876", "--read-only", "--access-key", "admin",
            "--credentials-file", secret,
        ])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Added context prod (current)"), "\(added.stdout)")
        #expect(try await cli.run(["context", "add", "dev", "-n", "127.0.0.1:9876"]).status == 0)

        let file = home.sub(".mqadmin/contexts.json")
        #expect(Self.mode(file) == 0o600)
        #expect(Self.mode(home.sub(".mqadmin")) == 0o700)
        let stored = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!stored.contains("TopSecret-42"), "the secret itself was saved: \(stored)")
        #expect(stored.contains(secret))

        // The first context added is current; `use` moves the mark.
        let list = try await cli.json(["context", "list"])
        let listed = list.value as? [String: Any]
        #expect(listed?["current"] as? String == "prod", "\(list.result.stdout)")
        let contexts = listed?["contexts"] as? [[String: Any]] ?? []
        #expect(contexts.map { $0["name"] as? String } == ["dev", "prod"])
        #expect(contexts.map { $0["current"] as? Bool } == [false, true])
        #expect(contexts[1]["nameServers"] as? [String] == ["10.0.0.1:9876", "10.0.0.2:9876"])
        #expect(contexts[1]["readOnly"] as? Bool == true && contexts[0]["credentialsFile"] is NSNull)

        let used = try await cli.run(["context", "use", "dev"])
        #expect(used.status == 0 && used.stdout.contains("Current context: dev"), "\(used.stdout)\(used.stderr)")
        let table = try await cli.run(["context", "list"])
        let devLine = table.stdout.split(separator: "\n").first { $0.contains("dev") } ?? ""
        #expect(devLine.hasPrefix("*"), "\(table.stdout)")

        let shown = try await cli.json(["context", "show"])
        #expect((shown.value as? [String: Any])?["name"] as? String == "dev", "\(shown.result.stdout)")
        let prod = try await cli.run(["context", "show", "prod"])
        #expect(prod.stdout.contains("read-only: yes") && prod.stdout.contains("access key: admin"), "\(prod.stdout)")

        let deleted = try await cli.run(["context", "delete", "dev"])
        #expect(deleted.status == 0 && deleted.stdout.contains("no context is current"), "\(deleted.stdout)")
        let after = Self.json(try await cli.run(["context", "list", "-o", "json"]).stdout)
        #expect(after?["current"] is NSNull)
        #expect((after?["contexts"] as? [[String: Any]])?.count == 1)
        #expect(Self.mode(file) == 0o600, "rewriting the file kept its mode")
        let noCurrent = try await cli.run(["context", "show"])
        #expect(noCurrent.status == 3 && noCurrent.stderr.split(separator: "\n").count == 1, "\(noCurrent.stderr)")
    }

    @Test func unknownContextIsOneLineListingTheKnownOnes() async throws {
        let home = try TempDirectory("ctx-unknown")
        defer { home.remove() }
        let cli = InProcessRunner(home: home.path)
        #expect(try await cli.run(["context", "add", "alpha", "-n", "127.0.0.1:1"]).status == 0)
        #expect(try await cli.run(["context", "add", "beta", "-n", "127.0.0.1:2"]).status == 0)
        for args in [
            ["--context", "gamma", "topic", "list"], ["topic", "create", "T", "--context", "gamma"],
            ["context", "use", "gamma"], ["context", "delete", "gamma"],
        ] {
            let r = try await cli.run(args)
            #expect(r.status == 2, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr == "mqadmin: no context named \"gamma\"; known: alpha, beta\n", "\(args)")
            #expect(r.stdout.isEmpty)
        }
        let viaEnv = try await cli.run(["topic", "list"], extraEnv: ["MQADMIN_CONTEXT": "gamma"])
        #expect(viaEnv.status == 2 && viaEnv.stderr.contains("known: alpha, beta"), "\(viaEnv.stderr)")
    }

    /// The precedence `ConnectionOptions.resolveTarget` documents, one rule at a time.
    @Test func resolutionOrder() async throws {
        let home = try TempDirectory("ctx-order")
        defer { home.remove() }
        let cli = InProcessRunner(home: home.path)
        #expect(try await cli.run(["context", "add", "cur", "-n", "10.0.0.1:1"]).status == 0)  // current
        #expect(try await cli.run(["context", "add", "flag", "-n", "10.0.0.2:2"]).status == 0)
        #expect(try await cli.run(["context", "add", "env", "-n", "10.0.0.3:3"]).status == 0)

        func resolve(_ args: [String], _ env: [String: String]) throws -> ResolvedTarget {
            let console = Console(
                write: { _ in }, writeError: { _ in }, readAll: { Data() }, readLine: { nil }, inputIsTerminal: false,
                outputIsTerminal: false, environment: env.merging(["HOME": home.path]) { $1 })
            return try Console.$current.withValue(console) { try ConnectionOptions.parse(args).resolveTarget() }
        }
        let all = ["NAMESRV_ADDR": "10.0.0.9:9", "MQADMIN_DATA": home.sub("envdata"), "MQADMIN_CONTEXT": "env"]
        let full = ["-n", "10.0.0.8:8", "--data", home.sub("flagdata"), "--context", "flag"]
        #expect(try resolve(full, all) == ResolvedTarget(nameServers: ["10.0.0.8:8"]))
        #expect(try resolve(Array(full.dropFirst(2)), all) == ResolvedTarget(bundled: home.sub("flagdata")))
        #expect(try resolve(Array(full.dropFirst(4)), all).context?.name == "flag")
        #expect(try resolve([], all) == ResolvedTarget(nameServers: ["10.0.0.9:9"]))
        var env = all
        env["NAMESRV_ADDR"] = nil
        #expect(try resolve([], env) == ResolvedTarget(bundled: home.sub("envdata")))
        env["MQADMIN_DATA"] = nil
        #expect(try resolve([], env).nameServers == ["10.0.0.3:3"])
        env["MQADMIN_CONTEXT"] = nil
        let current = try resolve([], env)
        #expect(current.context?.name == "cur" && current.nameServers == ["10.0.0.1:1"])
        #expect(try await cli.run(["context", "use", "--none"]).status == 0)
        #expect(try resolve([], env) == ResolvedTarget(bundled: home.sub(".mqadmin/data")))
    }

    /// Every leaf command has a row in `CommandEffects.table`: a new command cannot pass the read-only guard or
    /// the audit log unclassified.
    @Test func everyCommandIsClassified() {
        var leaves = 0
        for words in CommandNames.allPaths() {
            var command: any ParsableCommand.Type = MQAdmin.self
            for word in words {
                command = CommandNames.subcommands(of: command).first { CommandNames.names(of: $0).contains(word) }!
            }
            guard CommandNames.subcommands(of: command).isEmpty else { continue }
            leaves += 1
            #expect(CommandEffects.effect(of: command) != nil, "\(words.joined(separator: " ")) has no CommandEffect")
        }
        #expect(leaves == CommandEffects.table.count, "a row for a command that is not in the tree")
        #expect(leaves > 70)
    }
}

import Foundation
import MQTestSupport
import Testing

/// The REPL in a real pseudo-terminal (driven by pexpect), and with piped input.
@Suite(.serialized) struct ReplTests {
    struct Check: Decodable {
        var name: String
        var ok: Bool
        var detail: String
    }

    @Test func interactiveSessionInAPseudoTerminal() async throws {
        let python = TestPaths.python
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw TestProcessError("the test Python is missing at \(python); run ./scripts/test.sh, which creates it")
        }
        let dir = try TempDirectory("repl")
        defer { dir.remove() }
        try await seedBundledStore(dir.sub("data"))
        let script = TestPaths.packageRoot + "/Tests/MQAdminCLITests/python/repl_pty.py"
        let r = try await Task.detached {
            try runCommand(python, [script, TestPaths.mqadmin, dir.sub("home"), dir.sub("data")])
        }.value
        #expect(r.status == 0, "repl_pty.py failed: \(r.stderr)")
        let checks = try JSONDecoder().decode([Check].self, from: Data(r.stdout.utf8))
        #expect(checks.count == 11)
        for c in checks { #expect(c.ok, "\(c.name): \(c.detail)") }
        let history = dir.sub("home") + "/.mqadmin/history"
        let mode = try FileManager.default.attributesOfItem(atPath: history)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func pipedScriptStopsAtTheFirstErrorWithItsExitCode() async throws {
        let dir = try TempDirectory("repl-pipe")
        defer { dir.remove() }
        let runner = MQAdminRunner(dataDirectory: dir.sub("data"), home: dir.sub("home"))
        try await seedBundledStore(dir.sub("data"))
        let script = "topic create Piped\ntopic describe nosuch\ntopic create NeverCreated\n"
        let r = try await Task.detached { try runner.run(["repl"], stdin: script) }.value
        #expect(r.status == 3)
        #expect(r.stderr.contains("nosuch"))
        let list = try await Task.detached { try runner.run(["topic", "list", "-o", "json"]) }.value
        #expect(list.stdout.contains("Piped") && !list.stdout.contains("NeverCreated"))

        let second = "topic create Piped2\ntopic describe nosuch\ntopic create NeverCreated\n"
        let keepGoing = try await Task.detached { try runner.run(["repl", "--keep-going"], stdin: second) }.value
        #expect(keepGoing.status == 3, "the first error's code is returned")
        let after = try await Task.detached { try runner.run(["topic", "list", "-o", "json"]) }.value
        #expect(after.stdout.contains("NeverCreated"))
    }
}

/// `disconnect` and `connect` with piped input: after `disconnect` commands refuse (exit 4) instead of falling
/// back to the local store; `connect ADDR` reaches the cluster again.
@Suite(.serialized) struct ReplTargetTests {
    @Test func disconnectRefusesUntilConnect() async throws {
        let dir = try TempDirectory("repl-target")
        defer { dir.remove() }
        try await withBrokerProcess(dataDirectory: dir.sub("broker")) { broker in
            let runner = MQAdminRunner(nameServer: nil, home: dir.sub("home"))
            let script = "connect \(broker.nameServer)\ntopic create Reached\ndisconnect\ntopic list\n"
            let r = try await Task.detached { try runner.run(["repl", "--keep-going"], stdin: script) }.value
            #expect(r.status == 4, "\(r.stderr)")
            #expect(r.stderr.contains("not connected; pass -n ADDR or set NAMESRV_ADDR"), "\(r.stderr)")
            #expect(!r.stdout.contains("TOPIC"), "the refused list printed \(r.stdout)")
            let again = "connect \(broker.nameServer)\ndisconnect\nconnect \(broker.nameServer)\ntopic list\n"
            let back = try await Task.detached { try runner.run(["repl"], stdin: again) }.value
            #expect(back.status == 0, "\(back.stderr)")
            #expect(back.stdout.contains("Reached"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.sub("home") + "/.mqadmin/data"))
    }
}

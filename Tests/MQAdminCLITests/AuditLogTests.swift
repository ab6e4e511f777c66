import ArgumentParser
import Foundation
import MQTestSupport
import Testing

@testable import MQAdminCLI

/// Issue 15 items 2 and 6: a read-only context refuses changes before connecting; every change (noun-verb and
/// classic) and every refusal is one line of ~/.mqadmin/audit.jsonl, secrets redacted; `audit` reads it back.
@Suite(.serialized) struct AuditLogTests {
    static func auditLines(_ home: TempDirectory) -> [[String: Any]] {
        let text = (try? String(contentsOfFile: home.sub(".mqadmin/audit.jsonl"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test func readOnlyContextRefusesChangesAndAuditRecordsThem() async throws {
        try await withCluster(brokers: 1) { cluster in
            let home = try TempDirectory("ctx-readonly")
            defer { home.remove() }
            let cli = InProcessRunner(home: home.path)
            let ns = cluster.nameServerAddress
            #expect(try await cli.run(["context", "add", "ro", "-n", ns, "--read-only"]).status == 0)  // current
            #expect(try await cli.run(["context", "add", "rw", "-n", ns]).status == 0)
            // A read-only context on an address where nothing listens: a refusal, not "unreachable".
            #expect(try await cli.run(["context", "add", "dead", "-n", "127.0.0.1:1", "--read-only"]).status == 0)

            for args in [
                ["topic", "create", "Guarded"], ["updateTopic", "-c", "DefaultCluster", "-t", "Guarded"],
                ["group", "create", "GuardedGroup"], ["--context", "dead", "topic", "delete", "Guarded", "--yes"],
                ["offset", "reset", "G", "-t", "Guarded", "--to-latest", "--execute", "--yes"],
            ] {
                let r = try await cli.run(args)
                #expect(r.status == 5, "\(args): \(r.status) \(r.stderr)")
                #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
                #expect(r.stderr.contains("is read-only") && r.stderr.contains("--context OTHER"), "\(r.stderr)")
                #expect(r.stdout.isEmpty)
            }
            // Reads go through, naming the context; nothing was created.
            let list = try await cli.run(["topic", "list"])
            #expect(list.status == 0, "\(list.stderr)")
            #expect(!list.stdout.contains("Guarded"))
            #expect(list.stdout.contains("Target: context ro (name server \(ns))"), "\(list.stdout)")
            let json = try await cli.json(["topic", "list"])
            #expect(((json.value as? [String: Any])?["target"] as? [String: Any])?["context"] as? String == "ro")

            // A writable context makes the change; an explicit -n beats the current (read-only) context.
            let made = try await cli.run(["--context", "rw", "topic", "create", "Made"])
            #expect(made.status == 0, "\(made.stderr)")
            #expect(try await cli.run(["-n", ns, "topic", "create", "Made2"]).status == 0)
            let classic = try await cli.run(["--context", "rw", "deleteTopic", "-t", "Made", "-c", "DefaultCluster"])
            #expect(classic.status == 0, "\(classic.stderr)")

            let lines = Self.auditLines(home)
            #expect(lines.count == 8, "\(lines)")  // five refusals, three changes; reads are not audited
            let refused = lines.filter { $0["result"] as? String == "refused" }
            #expect(refused.count == 5)
            #expect(refused.allSatisfy { $0["exit"] as? Int == 5 })
            #expect(refused.allSatisfy { ($0["error"] as? String)?.contains("read-only") == true })
            #expect((refused.first?["target"] as? [String: Any])?["context"] as? String == "ro")
            #expect(refused.first?["command"] as? String == "topic create")
            let last = lines.last ?? [:]
            #expect(last["command"] as? String == "deleteTopic" && last["result"] as? String == "ok", "\(last)")
            let argv = ["--context", "rw", "deleteTopic", "-t", "Made", "-c", "DefaultCluster"]
            #expect(last["argv"] as? [String] == argv)
            #expect((last["target"] as? [String: Any])?["nameServers"] as? [String] == [ns])
            #expect(last["error"] is NSNull && last["journalId"] is NSNull)
            #expect((last["user"] as? String)?.isEmpty == false)
            let time = last["time"] as? String ?? ""
            let isoWithOffset = #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(Z|[+-]\d\d:\d\d)$"#  // TimeFormat: Z for UTC
            #expect(time.range(of: isoWithOffset, options: .regularExpression) != nil, "\(time)")

            #expect(ContextTests.mode(home.sub(".mqadmin/audit.jsonl")) == 0o600)
            #expect(ContextTests.mode(home.sub(".mqadmin")) == 0o700)
        }
    }

    @Test func secretsAreRedactedAndAuditShowsTheLog() async throws {
        let home = try TempDirectory("ctx-secrets")
        defer { home.remove() }
        let cli = InProcessRunner(home: home.path)
        #expect(try await cli.run(["context", "add", "nowhere", "-n", "127.0.0.1:1"]).status == 0)
        // Both fail to reach a name server (exit 4) and are audited as failed, with the secrets masked.
        let classic = try await cli.run([
            "createUser", "-c", "DefaultCluster", "-u", "bob", "-p", "Pa55-Secret-9", "--insecure-password-arg",
        ])
        #expect(classic.status == 4, "\(classic.stderr)")
        let signed = try await cli.run([
            "topic", "create", "T", "--access-key", "ak", "--secret-key=Sk-Secret-77", "--insecure-password-arg",
        ])
        #expect(signed.status == 4, "\(signed.stderr)")
        let text = try String(contentsOfFile: home.sub(".mqadmin/audit.jsonl"), encoding: .utf8)
        #expect(!text.contains("Pa55-Secret-9") && !text.contains("Sk-Secret-77"), "\(text)")
        let lines = Self.auditLines(home)
        #expect(lines.count == 2)
        #expect((lines.first?["argv"] as? [String])?.contains("***") == true, "\(lines)")
        #expect((lines.last?["argv"] as? [String])?.contains("--secret-key=***") == true, "\(lines)")
        #expect(lines.allSatisfy { $0["result"] as? String == "failed" && $0["exit"] as? Int == 4 })

        // An entry from long ago, written as the log writes it, is left out by --since.
        let old = AuditEntry(
            time: "2020-01-01T00:00:00.000+00:00", user: "op", target: AuditTarget(nameServers: ["1.2.3.4:9876"]),
            command: "topic delete", argv: ["topic", "delete", "Old"], result: "ok", exit: 0, error: nil,
            journalId: "j-1")
        try AuditLog.append(old, home: home.path)
        let all = try await cli.json(["audit"])
        #expect(((all.value as? [String: Any])?["entries"] as? [[String: Any]])?.count == 3, "\(all.result.stdout)")
        let recent = try await cli.json(["audit", "--since", "-1h"])
        let entries = (recent.value as? [String: Any])?["entries"] as? [[String: Any]] ?? []
        #expect(entries.count == 2 && entries.allSatisfy { $0["command"] as? String != "topic delete" })
        let since2019 = try await cli.run(["audit", "--since", "2019-06-01T00:00:00Z"])
        #expect(since2019.status == 0 && since2019.stdout.contains("j-1") && since2019.stdout.contains("createUser"))
        let bad = try await cli.run(["audit", "--since", "yesterday"])
        #expect(bad.status == 2 && bad.stderr.contains("--since"), "\(bad.stderr)")
    }

    /// Inside the REPL a command reuses the session's target, and so its context's read-only guard.
    @Test func replOnAReadOnlyContextRefusesChanges() async throws {
        let home = try TempDirectory("ctx-repl")
        defer { home.remove() }
        let add = ["context", "add", "ro", "-n", "127.0.0.1:1", "--read-only"]
        #expect(try await InProcessRunner(home: home.path).run(add).status == 0)
        let runner = MQAdminRunner(home: home.path)
        let r = try await Task.detached { try runner.run(["repl", "--context", "ro"], stdin: "topic create X\n") }.value
        #expect(r.status == 5, "\(r.stderr)")
        #expect(r.stderr.contains("context ro is read-only: refusing topic create"), "\(r.stderr)")
        #expect(Self.auditLines(home).last?["result"] as? String == "refused")
        // `connect CONTEXT` switches to a writable one: the change is attempted (nothing listens there: exit 4).
        #expect(try await InProcessRunner(home: home.path).run(["context", "add", "rw", "-n", "127.0.0.1:1"]).status == 0)
        let script = "connect rw\ntopic create X\n"
        let switched = try await Task.detached { try runner.run(["repl", "--context", "ro"], stdin: script) }.value
        #expect(switched.status == 4 && !switched.stderr.contains("read-only"), "\(switched.stderr)")
        let target = Self.auditLines(home).last?["target"] as? [String: Any]
        #expect(target?["context"] as? String == "rw")
    }

    /// Lines of concurrent writers never interleave: each is one O_APPEND write.
    @Test func concurrentAppendsStayWholeLines() async throws {
        let home = try TempDirectory("ctx-concurrent")
        defer { home.remove() }
        let long = String(repeating: "x", count: 3000)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for n in 0..<25 {
                        let entry = AuditEntry(
                            time: AuditEntry.timeText(Date()), user: "op", target: AuditTarget(),
                            command: "topic create", argv: ["topic", "create", "T\(writer)-\(n)", long], result: "ok",
                            exit: 0, error: nil, journalId: nil)
                        try AuditLog.append(entry, home: home.path)
                    }
                }
            }
            try await group.waitForAll()
        }
        let (entries, unreadable) = AuditLog.read(home: home.path)
        #expect(unreadable == 0)
        #expect(Set(entries.map { $0.argv[2] }).count == 200)
    }

    /// Plans (no --execute) and reads are not changes: not refused, not audited.
    @Test func dryRunsAndReadsAreNotChanges() throws {
        func changes(_ args: [String]) throws -> Bool { CommandEffects.changesTarget(try MQAdmin.parseAsRoot(args)) }
        #expect(try !changes(["offset", "reset", "G", "-t", "T", "--to-latest"]))
        #expect(try changes(["offset", "reset", "G", "-t", "T", "--to-latest", "--execute"]))
        #expect(try !changes(["message", "consume", "T", "-g", "G", "--no-commit"]))
        #expect(try changes(["message", "consume", "T", "-g", "G"]))
        #expect(try changes(["deleteTopic", "-t", "T", "-c", "C"]))
        #expect(try !changes(["topic", "list"]))
        #expect(try !changes(["context", "add", "x", "-n", "1.2.3.4:9876"]))
    }

    /// A log that cannot be written does not stop the change: one warning on stderr, exit 0.
    @Test func unwritableLogWarnsAndTheCommandStillRuns() async throws {
        try await withCluster(brokers: 1) { cluster in
            let home = try TempDirectory("ctx-unwritable")
            defer { home.remove() }
            try FileManager.default.createDirectory(
                atPath: home.sub(".mqadmin/audit.jsonl"), withIntermediateDirectories: true)
            AuditLog.warned.withLockedValue { $0 = false }
            let cli = InProcessRunner(nameServer: cluster.nameServerAddress, home: home.path)
            let r = try await cli.run(["topic", "create", "StillMade"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("warning: could not write the audit log"), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
            #expect(try await cli.run(["topic", "describe", "StillMade"]).status == 0)
        }
    }
}

import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// `mqadmin metadata export|apply`, in-process against real brokers over TCP.
@Suite(.serialized) struct MetadataCommandsTests {
    /// Topic `orders` (4 queues, read-only), group `billing` (5 retries) and user alice on every broker.
    func seed(_ cli: InProcessRunner) async throws {
        #expect(try await cli.run(["topic", "create", "orders", "-r", "4", "-w", "4"]).status == 0)
        #expect(try await cli.run(["topic", "update", "orders", "--perm", "R"]).status == 0)
        #expect(try await cli.run(["group", "create", "billing", "--retry-max-times", "5"]).status == 0)
        let user = try await cli.run(["user", "create", "alice", "--password-stdin"], stdin: "pw-alice-1\n")
        #expect(user.status == 0, "\(user.stderr)")
    }

    @Test func exportIsStableYAMLAndJSONWithoutSystemNamesOrPasswords() async throws {
        try await GroupFixture.with { f in
            try await seed(f.cli)
            let first = try await f.cli.run(["metadata", "export", "--with-auth"])
            let second = try await f.cli.run(["metadata", "export", "--with-auth"])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout == second.stdout && !first.stdout.isEmpty)
            #expect(first.stdout.hasPrefix("apiVersion: mqadmin.metadata/v1\nkind: ClusterMetadata\n"))
            #expect(!first.stdout.contains("pw-alice-1") && !first.stdout.contains("password"))

            let json = try await f.cli.run(["metadata", "export", "--with-auth", "--format", "json"])
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let topics = J.array(doc["topics"])
            #expect(topics.map { $0["name"] as? String } == ["T", "orders"])
            let orders = try #require(topics.last)
            #expect(J.int(orders["readQueues"]) == 4 && J.int(orders["perm"]) == 4)
            #expect(orders["brokers"] as? [String] == ["broker-a", "broker-b"])
            let groups = J.array(doc["groups"])
            #expect(groups.map { $0["name"] as? String } == ["billing", "g"])
            #expect(J.int(groups.first?["retryMaxTimes"]) == 5)
            #expect(J.array(doc["users"]).map { $0["name"] as? String } == ["alice"])
            #expect(J.array(doc["users"]).first?["password"] == nil)
            #expect(doc["cluster"] as? String == "DefaultCluster")

            // Without --with-auth there is no users section; the YAML and JSON say the same.
            #expect(!(try await f.cli.run(["metadata", "export"])).stdout.contains("users:"))
            let path = f.home.path + "/meta.json"
            let written = try await f.cli.json(["metadata", "export", "-f", path, "--with-auth"])
            let summary = J.object(written)
            #expect(J.int(summary["topics"]) == 2 && J.int(summary["groups"]) == 2 && J.int(summary["users"]) == 1)
            let fileText = try String(contentsOfFile: path, encoding: .utf8)
            #expect(fileText == json.stdout)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

            // --include-system keeps the retry topic of g and the brokers' own topics.
            let all = try await f.cli.run(["metadata", "export", "--include-system", "--format", "json"])
            #expect(all.stdout.contains("%RETRY%") || all.stdout.contains("TBW102") || all.stdout.contains("SCHEDULE"))
        }
    }

    /// The acceptance test of issue 16 item 3: export A, apply to a fresh B, nothing left to plan, drift caught.
    @Test func exportThenApplyReproducesAClusterAndCheckCatchesDrift() async throws {
        try await withCluster(brokers: 1) { a in
            try await withCluster(brokers: 1) { b in
                let home = try TempDirectory("home")
                try await withTeardown {
                    let cliA = InProcessRunner(nameServer: a.nameServerAddress, home: home.path)
                    let cliB = InProcessRunner(nameServer: b.nameServerAddress, home: home.path)
                    try await seed(cliA)
                    let file = home.sub("a.yaml")
                    let creds = home.sub("creds.yaml")
                    try "alice: pw-alice-2\n".write(toFile: creds, atomically: true, encoding: .utf8)
                    #expect(try await cliA.run(["metadata", "export", "--with-auth", "-f", file]).status == 0)

                    // Without a password the user cannot be created, and the plan says why.
                    let blocked = try await cliB.run(["metadata", "apply", file])
                    #expect(blocked.status == 0 && blocked.stdout.contains("no password for new user alice"))
                    #expect(blocked.stderr.contains("Plan only"))
                    let plan = J.object(try await cliB.json(["metadata", "apply", file, "--credentials-file", creds]))
                    let counts = plan["counts"] as? [String: Any] ?? [:]
                    #expect(J.int(counts["create"]) == 3 && J.int(counts["blocked"]) == 0)
                    #expect(plan["executed"] as? Bool == false)
                    #expect(
                        try await cliB.run(["metadata", "apply", file, "--check", "--credentials-file", creds]).status
                            == 1)

                    let applied = try await cliB.run([
                        "metadata", "apply", file, "--credentials-file", creds, "--execute",
                    ])
                    #expect(applied.status == 0, "\(applied.stderr)")
                    #expect(applied.stdout.contains("applied") && !applied.stdout.contains("failed"))

                    // B now exports the same bytes as A, and the user signs in with the password from the file.
                    let exportA = try await cliA.run(["metadata", "export", "--with-auth"]).stdout
                    let exportB = try await cliB.run(["metadata", "export", "--with-auth"]).stdout
                    #expect(exportA == exportB)
                    let again = try await cliB.run(["metadata", "apply", file])
                    #expect(again.status == 0 && again.stdout.contains("No changes"))
                    #expect(try await cliB.run(["metadata", "apply", file, "--check"]).status == 0)

                    // A manual change is drift: --check names it field by field and exits 1; apply puts it back.
                    #expect(try await cliB.run(["topic", "update", "orders", "--perm", "RW"]).status == 0)
                    let drift = try await cliB.run(["metadata", "apply", file, "--check"])
                    #expect(drift.status == 1 && drift.stdout.contains("perm 6 → 4"), "\(drift.stdout)")
                    #expect(drift.stderr.contains("drift: 1 change(s)"))
                    #expect(try await cliB.run(["metadata", "apply", file, "--execute"]).status == 0)
                    #expect(try await cliB.run(["metadata", "apply", file, "--check"]).status == 0)
                    let client = b.client()
                    let orders = try await client.topicConfig("orders", broker: b.brokers[0].brokerAddress!)
                    #expect(orders?.perm == 4 && orders?.readQueueNums == 4)

                    // --prune deletes what the file does not name (after confirmation), and only that.
                    #expect(try await cliB.run(["topic", "create", "extra"]).status == 0)
                    #expect(try await cliB.run(["group", "create", "stray"]).status == 0)
                    let prunePlan = try await cliB.run(["metadata", "apply", file, "--prune"])
                    #expect(prunePlan.stdout.contains("extra") && prunePlan.stdout.contains("stray"))
                    #expect(!prunePlan.stdout.contains("TBW102") && !prunePlan.stdout.contains("%RETRY%"))
                    #expect(try await cliB.run(["metadata", "apply", file, "--prune", "--execute"]).status == 2)
                    let pruned = try await cliB.run(["metadata", "apply", file, "--prune", "--execute", "--yes"])
                    #expect(pruned.status == 0, "\(pruned.stderr)")
                    #expect(try await cliB.run(["metadata", "apply", file, "--prune", "--check"]).status == 0)
                    #expect(try await client.topicConfig("extra", broker: b.brokers[0].brokerAddress!) == nil)
                } teardown: {
                    home.remove()
                }
            }
        }
    }

    @Test func badFilesAreRefusedWithTheLineAndField() async throws {
        try await withCluster(brokers: 1) { cluster in
            let home = try TempDirectory("home")
            try await withTeardown {
                let cli = InProcessRunner(nameServer: cluster.nameServerAddress, home: home.path)
                let cases: [(String, String, [String])] = [
                    (
                        "syntax.yaml", "apiVersion: mqadmin.metadata/v1\ntopics:\n  - name: a\n   readQueues: [\n",
                        ["syntax.yaml: line "]
                    ),
                    (
                        "typo.yaml", "apiVersion: mqadmin.metadata/v1\ntopics:\n  - name: a\n    readQueue: 4\n",
                        ["typo.yaml: line 4", "topics[0].readQueue", "unknown field readQueue"]
                    ),
                    (
                        "type.json",
                        "{\"apiVersion\": \"mqadmin.metadata/v1\",\n \"groups\": [{\"name\": \"g\",\n"
                            + "  \"retryMaxTimes\": \"many\"}]}\n", ["type.json: line 3", "groups[0].retryMaxTimes"]
                    ),
                    ("version.yaml", "apiVersion: v0\n", ["apiVersion v0 is not supported"]),
                    (
                        "perm.yaml", "apiVersion: mqadmin.metadata/v1\ntopics:\n  - name: a\n    perm: 7\n",
                        ["perm 7 of topic a is not 2, 4 or 6"]
                    ),
                    (
                        "twice.yaml", "apiVersion: mqadmin.metadata/v1\ngroups:\n  - name: g\n  - name: g\n",
                        ["groups lists g twice"]
                    ),
                ]
                for (name, text, expected) in cases {
                    try text.write(toFile: home.sub(name), atomically: true, encoding: .utf8)
                    let r = try await cli.run(["metadata", "apply", home.sub(name)])
                    #expect(r.status == 2, "\(name): exit \(r.status) \(r.stderr)")
                    #expect(r.stderr.split(separator: "\n").count == 1, "\(name): \(r.stderr)")
                    for e in expected { #expect(r.stderr.contains(e), "\(name): \(r.stderr)") }
                }
                let missing = try await cli.run(["metadata", "apply", home.sub("nope.yaml")])
                #expect(missing.status == 2 && missing.stderr.contains("cannot read"))
                // A file on stdin is read like any other; a credentials file that is not `user: password` is refused.
                let stdin = try await cli.run(["metadata", "apply", "-"], stdin: "apiVersion: mqadmin.metadata/v1\n")
                #expect(stdin.status == 0 && stdin.stdout.contains("No changes"), "\(stdin.stderr)")
                try "- alice\n".write(toFile: home.sub("creds.yaml"), atomically: true, encoding: .utf8)
                let ok = "apiVersion: mqadmin.metadata/v1\n"
                try ok.write(toFile: home.sub("ok.yaml"), atomically: true, encoding: .utf8)
                let creds = try await cli.run(
                    ["metadata", "apply", home.sub("ok.yaml"), "--credentials-file", home.sub("creds.yaml")])
                #expect(creds.status == 2 && creds.stderr.contains("is not a map of user: password"), "\(creds.stderr)")
                let both = try await cli.run(["metadata", "apply", home.sub("typo.yaml"), "--check", "--execute"])
                #expect(both.status == 2 && both.stderr.contains("--check only reports"))
            } teardown: {
                home.remove()
            }
        }
    }
}

/// `metadata undo`: the journal of an executed apply puts the cluster back as it was.
@Suite(.serialized) struct MetadataUndoTests {
    @Test func undoRestoresUpdatedDeletedAndRemovesCreatedItems() async throws {
        try await GroupFixture.with(brokers: 1) { f in
            #expect(
                try await f.cli.run(["topic", "create", "orders", "-r", "4", "-w", "4", "--perm", "R"]).status == 0)
            let before = try await f.cli.run(["metadata", "export"]).stdout
            #expect(before.contains("name: orders") && before.contains("name: T"))

            // The file: orders read-write, a new group, and no topic T (pruned).
            var changed = before.replacingOccurrences(of: "perm: 4", with: "perm: 6")
            changed = changed.replacingOccurrences(
                of: "groups:\n", with: "groups:\n- name: added\n  retryMaxTimes: 3\n")
            let withoutT = try #require(changed.range(of: "- name: T\n"))
            let nextTopic = try #require(changed.range(of: "- name: orders\n"))
            changed.removeSubrange(withoutT.lowerBound..<nextTopic.lowerBound)
            let file = f.home.sub("changed.yaml")
            try changed.write(toFile: file, atomically: true, encoding: .utf8)
            let applied = try await f.cli.run(["metadata", "apply", file, "--prune", "--execute", "--yes"])
            #expect(applied.status == 0, "\(applied.stdout)\n\(applied.stderr)")
            #expect(applied.stderr.contains("undo with `mqadmin metadata undo "))
            let after = try await f.cli.run(["metadata", "export"]).stdout
            #expect(after.contains("name: added") && after.contains("name: orders") && !after.contains("name: T\n"))

            let list = J.object(try await f.cli.json(["metadata", "undo", "--list"]))
            let entries = J.array(list["entries"])
            #expect(
                entries.count == 1 && J.int(entries.first?["changes"]) == 3
                    && entries.first?["undone"] as? Bool == false)

            // The plan first, then the undo; the cluster exports the bytes it did before the apply.
            let plan = try await f.cli.run(["metadata", "undo"])
            #expect(
                plan.status == 0 && plan.stdout.contains("perm 6 → 4") && plan.stdout.contains("delete"),
                "\(plan.stdout)\(plan.stderr)")
            #expect(try await f.cli.run(["metadata", "undo", "--execute", "--yes"]).status == 0)
            #expect(try await f.cli.run(["metadata", "export"]).stdout == before)
            let listed = J.array(J.object(try await f.cli.json(["metadata", "undo", "--list"]))["entries"])
            #expect(listed.count == 2 && listed.first?["undone"] as? Bool == true)
            #expect(listed.last?["undoOf"] as? String == entries.first?["id"] as? String)
            #expect(try await f.cli.run(["metadata", "undo", "--execute", "--yes", "no-such-id"]).status == 3)

            // The audit log has the executed apply and undo with their journal ids, and no plan-only runs.
            let audit = J.array(J.object(try await InProcessRunner(home: f.home.path).json(["audit"]))["entries"])
            let metadata = audit.filter { ($0["command"] as? String)?.hasPrefix("metadata") == true }
            let lines = metadata.map { "\($0["command"] ?? "") \($0["result"] ?? "") \($0["journalId"] ?? "")" }
            let applyId = entries.first?["id"] as? String ?? "?"
            let undoId = listed.last?["id"] as? String ?? "?"
            // The undo of an unknown id was asked to change the cluster: audited as failed, with no journal.
            #expect(
                lines == ["metadata apply ok \(applyId)", "metadata undo ok \(undoId)", "metadata undo failed <null>"],
                "\(lines)")
        }
    }
}

extension MetadataCommandsTests {
    /// Offsets and ACLs travel too; offsets only where the messages are.
    @Test func offsetsAndAclsTravelToAFreshCluster() async throws {
        try await GroupFixture.with(brokers: 1) { a in
            try await withCluster(brokers: 1) { b in
                let cliB = InProcessRunner(nameServer: b.nameServerAddress, home: a.home.path)
                #expect(
                    try await a.cli.run(["offset", "reset", "g", "-t", "T", "--to-latest", "--execute", "--yes"]).status
                        == 0)
                #expect(
                    try await a.cli.run(["user", "create", "alice", "--password-stdin"], stdin: "pw-1\n").status == 0)
                let acl = ["acl", "create", "-s", "alice", "-r", "Topic:T,Group:g", "-a", "Pub,Sub", "-d", "Allow"]
                #expect(try await a.cli.run(acl).status == 0)
                let file = a.home.sub("a.json")
                #expect(
                    try await a.cli.run(["metadata", "export", "--with-auth", "--with-offsets", "-f", file]).status == 0
                )
                let text = try String(contentsOfFile: file, encoding: .utf8)
                #expect(text.contains("\"offset\" : 5") && text.contains("Topic:T"), "\(text)")
                let creds = a.home.sub("creds.yaml")
                try "alice: pw-2\n".write(toFile: creds, atomically: true, encoding: .utf8)

                // B has none of A's messages: the offsets cannot be set there, and the plan says so up front.
                let plan = try await cliB.run(["metadata", "apply", file, "--credentials-file", creds])
                #expect(plan.stdout.contains("offset 5: queue T[0] on broker-a does not exist yet"), "\(plan.stdout)")
                let applied = try await cliB.run(["metadata", "apply", file, "--credentials-file", creds, "--execute"])
                #expect(applied.status == 1 && applied.stderr.contains("2 of 6 change(s) not made (4 made)"))
                #expect(applied.stderr.contains("offset g T[0] on broker-a, offset g T[1] on broker-a"))
                let exportA = try await a.cli.run(["metadata", "export", "--with-auth"]).stdout
                let exportB = try await cliB.run(["metadata", "export", "--with-auth"]).stdout
                #expect(exportA == exportB && exportA.contains("Topic:T"))

                // On A, where the messages are, offsets moved by hand are drift that apply puts back.
                #expect(
                    try await a.cli.run(["offset", "reset", "g", "-t", "T", "--to-earliest", "--execute", "--yes"])
                        .status == 0)
                let drift = try await a.cli.run(["metadata", "apply", file, "--check"])
                #expect(drift.status == 1 && drift.stdout.contains("offset 0 → 5"), "\(drift.stdout)")
                #expect(try await a.cli.run(["metadata", "apply", file, "--execute"]).status == 0)
                #expect(try await a.cli.run(["metadata", "apply", file, "--check"]).status == 0)
            }
        }
    }

    /// A read-only context exports, plans and checks, but refuses --execute and changes nothing.
    @Test func readOnlyContextPlansButDoesNotExecute() async throws {
        try await GroupFixture.with(brokers: 1) { f in
            let local = InProcessRunner(home: f.home.path)
            let add = ["context", "add", "ro", "-n", f.cluster.nameServerAddress, "--read-only"]
            #expect(try await local.run(add).status == 0)
            let file = f.home.sub("ro.yaml")
            #expect(try await local.run(["metadata", "export", "-f", file, "--context", "ro"]).status == 0)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try text.replacingOccurrences(of: "retryMaxTimes: 16", with: "retryMaxTimes: 2")
                .write(toFile: file, atomically: true, encoding: .utf8)
            let plan = try await local.run(["metadata", "apply", file, "--context", "ro"])
            #expect(plan.status == 0 && plan.stdout.contains("retryMaxTimes 16 → 2"), "\(plan.stdout)")
            #expect(try await local.run(["metadata", "apply", file, "--check", "--context", "ro"]).status == 1)
            let refused = try await local.run(["metadata", "apply", file, "--execute", "--context", "ro"])
            #expect(refused.status != 0 && refused.stderr.contains("read-only"), "\(refused.stderr)")
            let g = try await f.client.groupConfig("g", broker: f.cluster.brokers[0].brokerAddress!)
            #expect(g?.retryMaxTimes == 16)
        }
    }
}

import Foundation
import MQTestSupport
import Testing

@testable import MQAdminCLI

/// Issue 15: command names that are not commands get one line with the nearest ones; Apache's classic
/// names match ignoring case and never ask; an unreachable name server's advice is said once.
@Suite(.serialized) struct CommandNamesTests {
    @Test func unknownCommandsNameTheNearestOnes() async throws {
        let dir = try TempDirectory("command-names")
        defer { dir.remove() }
        let runner = InProcessRunner(dataDirectory: dir.sub("data"), home: dir.sub("home"))
        let cases: [(args: [String], line: String)] = [
            (["topc", "list"], "mqadmin: unknown command 'topc'; did you mean 'topic'?"),
            (["tpoic", "list"], "mqadmin: unknown command 'tpoic'; did you mean 'topic'?"),
            (["topic", "lst"], "mqadmin: unknown command 'topic lst'; did you mean 'topic list'?"),
            (["offset", "rest", "g"], "mqadmin: unknown command 'offset rest'; did you mean 'offset reset'?"),
            (["deleteTopc", "-t", "T"], "mqadmin: unknown command 'deleteTopc'; did you mean 'deleteTopic'?"),
            (["xyzzy"], "mqadmin: unknown command 'xyzzy'; 'mqadmin --help' lists the commands"),
            (["topic"], "mqadmin: usage: mqadmin topic <create|update|delete|list|describe|route> [options]; "
                + "see 'mqadmin topic --help'"),
            (["-n", "127.0.0.1:1"], "mqadmin: usage: mqadmin <command> [options]; 'mqadmin --help' lists the "
                + "commands, 'mqadmin repl' opens an interactive session"),
        ]
        for c in cases {
            let r = try await runner.run(c.args)
            #expect(r.status == 2, "\(c.args): \(r.status)")
            #expect(r.stderr == c.line + "\n", "\(c.args): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(c.args): \(r.stdout)")
        }
    }

    @Test func classicNamesResolveIgnoringCase() throws {
        for typed in ["topiclist", "TOPICLIST", "topicList", "TopicList"] {
            #expect(try CommandNames.resolve([typed, "-n", "a:1"]) == ["topicList", "-n", "a:1"], "\(typed)")
        }
        #expect(try CommandNames.resolve(["DELETESUBGROUP", "-g", "g"]) == ["deleteSubGroup", "-g", "g"])
        // An alias keeps its spelling; option values are never touched.
        #expect(try CommandNames.resolve(["QueryMsgTraceById", "-i", "topic"]) == ["QueryMsgTraceById", "-i", "topic"])
        #expect(try CommandNames.resolve(["Topic", "List", "-c", "list"]) == ["topic", "list", "-c", "list"])
        // ArgumentParser's own help command and backlog's default subcommand pass through.
        #expect(try CommandNames.resolve(["help", "topic"]) == ["help", "topic"])
        #expect(try CommandNames.resolve(["backlog", "-g", "G"]) == ["backlog", "-g", "G"])
    }

    @Test func classicNamesRunIgnoringCaseAndClassicDeletesNeverAsk() async throws {
        try await TopicTestTarget.withCluster(brokers: 1) { t in
            #expect(try await t.run(["updateTopic", "-c", "DefaultCluster", "-t", "Cased"]).status == 0)
            try await t.waitForRoute("Cased", brokers: 1)
            let canonical = try await t.run(["topicList"])
            #expect(canonical.status == 0 && canonical.stdout.contains("Cased\n"), "\(canonical.stderr)")
            for typed in ["topiclist", "TOPICLIST"] {
                let r = try await t.run([typed])
                #expect(r.status == 0 && r.stdout == canonical.stdout, "\(typed): \(r.stderr)")
            }
            // Noun-verb deletes confirm: off a terminal without --yes they refuse and change nothing.
            let refused = try await t.run(["topic", "delete", "Cased"])
            #expect(refused.status == 2 && refused.stderr.contains("--yes"), "\(refused.stderr)")
            // Classic ones keep Apache's contract: no question, no --yes, whatever the case of the name.
            let deleted = try await t.run(["deletetopic", "-t", "Cased", "-c", "DefaultCluster"])
            #expect(deleted.status == 0, "\(deleted.stderr)")
            #expect(deleted.stdout.hasPrefix("delete topic [Cased] from cluster [DefaultCluster] success.\n"))
            // deleteUser and deleteAcl go straight to the brokers too (which know no such user here).
            for args in [["deleteUser", "-c", "DefaultCluster", "-u", "nobody"],
                ["deleteAcl", "-c", "DefaultCluster", "-s", "User:nobody", "--yes"]]
            {
                let r = try await t.run(args)
                #expect(!r.stderr.contains("confirm") && r.status != 2, "\(args): \(r.status) \(r.stderr)")
            }
        }
    }

    @Test func anUnreachableNameServerIsAdvisedOnce() async throws {
        let dir = try TempDirectory("unreachable")
        defer { dir.remove() }
        let runner = InProcessRunner(nameServer: "127.0.0.1:1", home: dir.path)
        for args in [["topic", "list"], ["topiclist"], ["cluster", "list", "--timeout", "500"]] {
            let r = try await runner.run(args)
            #expect(r.status == 4, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
            #expect(r.stderr.components(separatedBy: "NAMESRV_ADDR").count == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.components(separatedBy: "127.0.0.1:1").count == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.count <= 130, "\(args): \(r.stderr.count) characters: \(r.stderr)")
        }
    }
}

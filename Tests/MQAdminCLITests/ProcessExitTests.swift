import Foundation
import MQTestSupport
import Testing

/// What only the built binary shows, now that most suites run commands in-process: the exit status of the
/// real process for each outcome, help on stdout, and exactly one `mqadmin:` line on stderr for errors.
@Suite(.serialized) struct ProcessExitTests {
    @Test func exitStatusesOfTheRealProcess() async throws {
        let dir = try TempDirectory("process-exit")
        defer { dir.remove() }
        let embedded = MQAdminRunner(dataDirectory: dir.sub("data"), home: dir.path)
        try await seedBundledStore(dir.sub("data"))

        let help = try await runOffPool(embedded, ["topic", "--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE") && help.stderr.isEmpty)
        let version = try await runOffPool(embedded, ["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty && version.stderr.isEmpty)

        let created = try await runOffPool(embedded, ["topic", "create", "Exits"])
        #expect(created.status == 0, "\(created.stderr)")
        let cases: [(args: [String], runner: MQAdminRunner, status: Int32, says: String)] = [
            (["topic", "create", "Exits"], embedded, 1, "already exists"),
            (["topic", "list", "--bogus"], embedded, 2, "(see --help)"),
            (["topic", "describe", "Missing"], embedded, 3, "Missing"),
            (["topic", "list", "--timeout", "500"], MQAdminRunner(nameServer: "127.0.0.1:1", home: dir.path), 4,
                "cannot reach name server"),
            // Off a terminal (stdin is a pipe here) `mqadmin` alone is a usage error; on one it opens the REPL.
            ([], embedded, 2, "usage: mqadmin <command> [options]"),
            (["topc", "list"], embedded, 2, "unknown command 'topc'; did you mean 'topic'?"),
        ]
        for c in cases {
            let r = try await runOffPool(c.runner, c.args)
            #expect(r.status == c.status, "\(c.args): \(r.status) \(r.stderr)")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1 && r.errorLine.contains(c.says), "\(c.args): \(r.stderr)")
        }
        // Apache's lookup ignores case, and so does ours.
        let classic = try await runOffPool(embedded, ["TOPICLIST"])
        #expect(classic.status == 0 && classic.stdout.contains("Exits\n") && classic.stderr.isEmpty,
            "\(classic.stderr)")
    }
}

import ArgumentParser
import Foundation
import MQAdminCLI
import MQTestSupport
import Testing

/// completions/ and man/ are generated from the command tree and must not drift from it.
@Suite struct DocsSyncTests {
    static let regenerate = "regenerate them with scripts/generate-docs.sh and commit"

    @Test(arguments: [CompletionShell.bash, .zsh, .fish])
    func completionScriptsMatchTheCommandTree(_ shell: CompletionShell) throws {
        let path = TestPaths.packageRoot + "/completions/mqadmin.\(shell.rawValue)"
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        // The binary prints the script with a trailing newline.
        #expect(
            committed == CompletionScripts.script(for: shell) + "\n",
            "completions/mqadmin.\(shell.rawValue) is stale; \(Self.regenerate)")
    }

    @Test func manPagesMatchTheCommandTree() throws {
        let generated = TestPaths.packageRoot + "/.build/plugins/GenerateManual/outputs/mqadmin"
        let fm = FileManager.default
        let fresh = try #require(
            try? fm.contentsOfDirectory(atPath: generated).filter { $0.hasSuffix(".1") }.sorted(),
            "no freshly generated man pages in \(generated); run ./scripts/test.sh (it runs scripts/generate-docs.sh --check)")
        let committed = try fm.contentsOfDirectory(atPath: TestPaths.packageRoot + "/man").filter { $0.hasSuffix(".1") }.sorted()
        #expect(fresh == committed, "man/ pages differ from the command tree; \(Self.regenerate)")
        for page in fresh where committed.contains(page) {
            let a = try String(contentsOfFile: generated + "/" + page, encoding: .utf8)
            let b = try String(contentsOfFile: TestPaths.packageRoot + "/man/" + page, encoding: .utf8)
            #expect(a == b, "man/\(page) is stale; \(Self.regenerate)")
        }
    }

    @Test func manPagesRenderWithoutWarnings() throws {
        let dir = TestPaths.packageRoot + "/man"
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".1") }.sorted()
        #expect(pages.contains("mqadmin.1"))
        for page in pages {
            let groff = try runCommand("/usr/bin/groff", ["-mdoc", "-Tutf8", "-ww", "-z", dir + "/" + page])
            #expect(groff.status == 0 && groff.stderr.isEmpty, "\(page): \(groff.stderr)")
            let man = try runCommand("/usr/bin/man", ["-l", dir + "/" + page], environment: ["MANPAGER": "cat", "MANWIDTH": "100"])
            #expect(man.status == 0 && !man.stdout.isEmpty && man.stderr.isEmpty, "\(page): \(man.stderr)")
        }
    }
}

import ArgumentParser
import Foundation
import MQTestSupport
import Testing

@testable import MQAdminCLI

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

    static func generated() throws -> [(name: String, text: String)] {
        ManualRenderer(root: try ManualCommand.tree()).pages()
    }

    @Test func manPagesMatchTheCommandTree() throws {
        let fresh = try Self.generated()
        let dir = TestPaths.packageRoot + "/man"
        let committed = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".1") }.sorted()
        #expect(fresh.map(\.name).sorted() == committed, "man/ pages differ from the command tree; \(Self.regenerate)")
        for page in fresh where committed.contains(page.name) {
            let text = try String(contentsOfFile: dir + "/" + page.name, encoding: .utf8)
            #expect(text == page.text, "man/\(page.name) is stale; \(Self.regenerate)")
        }
    }

    static let sections = [
        "NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXAMPLES", "EXIT STATUS", "ENVIRONMENT", "FILES", "SEE ALSO",
    ]

    @Test func everyPageHasTheSections() throws {
        for page in try Self.generated() {
            let headings = page.text.split(separator: "\n").filter { $0.hasPrefix(".Sh ") }
                .map { String($0.dropFirst(4)) }
            let expected = Self.sections.filter { $0 != "OPTIONS" || headings.contains("OPTIONS") }
            #expect(headings.filter(Self.sections.contains) == expected, "\(page.name): \(headings)")
            #expect(headings.contains("OPTIONS") || page.name == "mqadmin.help.1", "\(page.name) has no OPTIONS")
        }
    }

    /// Exit codes come from MQExit: each code and its meaning appear on every page.
    @Test func exitStatusListsEveryCode() throws {
        let page = try #require(try Self.generated().first { $0.name == "mqadmin.topic.create.1" })
        for code in MQExit.allCases {
            var meaning = Roff()
            meaning.text(code.meaning)
            #expect(page.text.contains(".It \(code.rawValue)\n" + meaning.text), "\(code)")
        }
    }

    /// Every command type of the tree by its words (`"topic create"`), for telling what an example parsed to.
    static func commandTypes(
        _ command: any ParsableCommand.Type = MQAdmin.self, _ words: [String] = []
    ) -> [String: ObjectIdentifier] {
        var types = [words.joined(separator: " "): ObjectIdentifier(command)]
        for sub in command.configuration.subcommands {
            types.merge(commandTypes(sub, words + [sub._commandName])) { a, _ in a }
        }
        return types
    }

    /// A new command must bring examples (in Support/Manual/ManualExamples.swift), and each example must be
    /// a valid invocation of its own command, parsed as `mqadmin` parses a command line.
    @Test func everyCommandHasExamplesThatParse() throws {
        let tree = try ManualCommand.tree()
        let types = Self.commandTypes()
        for command in tree.all {
            let examples = ManualExamples.byCommand[command.key] ?? []
            #expect(!examples.isEmpty, "`\(command.title)` has no EXAMPLES: add them to ManualExamples.byCommand")
            for example in examples {
                var words = try Tokenizer.split(example.command)
                #expect(words.first == "mqadmin", "\(example.command): starts with mqadmin")
                words = Array(words.dropFirst())
                let parsed: any ParsableCommand
                do {
                    parsed = try MQAdmin.parseAsRoot(try CommandNames.resolve(CommandRunner.hoistGlobalOptions(words)))
                } catch {
                    Issue.record("`\(example.command)` does not parse: \(MQAdmin.message(for: error))")
                    continue
                }
                // A group's page may show its subcommands; the top page any command.
                let expected = types.filter { key, _ in
                    command.key.isEmpty || key == command.key || key.hasPrefix(command.key + " ")
                }
                if !expected.isEmpty {
                    #expect(
                        expected.values.contains(ObjectIdentifier(type(of: parsed))),
                        "`\(example.command)` is not `\(command.title)` or one of its subcommands")
                }
            }
        }
        let keys = Set(tree.all.map(\.key))
        for key in ManualExamples.byCommand.keys.sorted() where !keys.contains(key) {
            Issue.record("ManualExamples has examples for `mqadmin \(key)`, which is no command")
        }
        for key in ManualExamples.exitNotes.keys.sorted() where !keys.contains(key) {
            Issue.record("ManualExamples has exit notes for `mqadmin \(key)`, which is no command")
        }
    }

    /// ENVIRONMENT lists exactly the variables the sources read.
    @Test func environmentSectionListsTheVariablesTheSourcesRead() throws {
        let sources = TestPaths.packageRoot + "/Sources"
        var read: Set<String> = []
        let pattern = try Regex(#"(?:environment|[ (.!]env)\["([A-Z_][A-Z0-9_]*)"\]"#)
        let files = FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { read.insert(String(name)) }
            }
        }
        let listed = Set(EnvironmentVariables.all.map(\.name))
        let unlisted = read.subtracting(listed).sorted()
        #expect(unlisted.isEmpty, "read but not in EnvironmentVariables.all: \(unlisted)")
        #expect(listed.subtracting(read).isEmpty, "listed but read nowhere: \(listed.subtracting(read).sorted())")
    }

    @Test func manPagesRenderWithoutWarnings() throws {
        let dir = TestPaths.packageRoot + "/man"
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".1") }.sorted()
        #expect(pages.contains("mqadmin.1"))
        for page in pages {
            let groff = try runCommand("/usr/bin/groff", ["-mdoc", "-Tutf8", "-ww", "-z", dir + "/" + page])
            #expect(groff.status == 0 && groff.stderr.isEmpty, "\(page): \(groff.stderr)")
            let man = try runCommand(
                "/usr/bin/man", ["--warnings", "-l", dir + "/" + page],
                environment: ["MANPAGER": "cat", "MANWIDTH": "100"])
            #expect(man.status == 0 && !man.stdout.isEmpty && man.stderr.isEmpty, "\(page): \(man.stderr)")
        }
    }
}

import ArgumentParser
import Foundation
import MQTestSupport
import Testing

@testable import MQAdminCLI

/// Issue 15: every command of the tree, read from the configurations (a new command is walked without
/// being added here), answers no arguments, `--help` and an unknown option with design.md's exit code and
/// either one clean stderr line or the help on stdout; never swift-argument-parser's internal text.
@Suite(.serialized) struct CommandTreeWalkTests {
    /// What ArgumentParser prints when a property wrapper is read outside parsing, and what a crash prints.
    static let internalText = [
        "Can't read a value", "parsable argument definition", "Fatal error", "Internal error", "Stack dump",
        "Please submit a bug report",
    ]

    /// Commands that, given nothing, do what they are for until stopped: `broker start` serves until a
    /// signal (BrokerProcessTests), `demo` seeds a fresh broker and tours it (DemoTests). They are walked
    /// with `--help` and the bad option only. `clusterRT` measures every interval until interrupted, as Apache's.
    /// `bench produce` and `bench e2e` run 10 s by default and say on stderr what they create: BenchCommandTests.
    static let runUntilStopped: Set<String> = ["broker start", "demo", "clusterRT", "bench produce", "bench e2e"]

    /// Leaves without a required argument that still cannot run with none: what they exit with instead of 0.
    static let exitWithoutArguments: [String: MQExit] = [
        "brokerStatus": .usage, "message get": .usage, "trace show": .usage, "listUser": .usage, "listAcl": .usage,
        "offset undo": .notFound,  // nothing to undo in a fresh HOME
        "metadata undo": .notFound,  // the same
        "context use": .usage,  // a name or --none
        "context show": .notFound,  // no current context in a fresh HOME
        "getBrokerConfig": .usage,  // -b or -c, as Apache
        "exportMetadata": .usage,  // -b or -c
    ]

    struct Path: CustomStringConvertible {
        var words: [String]
        var isGroup: Bool
        var hasDefault: Bool
        var needsArgument: Bool
        var description: String { words.joined(separator: " ") }
    }

    /// ArgumentParser's description of the whole tree; dumping it takes most of a second, so once per test.
    static func treeDump() -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(MQAdmin._dumpHelp().utf8)) as? [String: Any]) ?? [:]
    }

    /// Every command path, with what the configuration says about it.
    static func paths() -> [Path] {
        let dump = treeDump()
        return CommandNames.allPaths().map { words in
            var command: any ParsableCommand.Type = MQAdmin.self
            for word in words {
                command = CommandNames.subcommands(of: command).first { CommandNames.names(of: $0).contains(word) }!
            }
            let required = requiredArguments(words, in: dump)
            return Path(
                words: words, isGroup: !CommandNames.subcommands(of: command).isEmpty,
                hasDefault: command.configuration.defaultSubcommand != nil, needsArgument: required)
        }
    }

    /// Whether the command at `words` has a positional argument or option it cannot do without, from
    /// ArgumentParser's own description of the tree.
    static func requiredArguments(_ words: [String], in dump: [String: Any]) -> Bool {
        guard var node = dump["command"] as? [String: Any] else { return false }
        for word in words {
            let subs = node["subcommands"] as? [[String: Any]] ?? []
            guard let next = subs.first(where: { $0["commandName"] as? String == word }) else { return false }
            node = next
        }
        let arguments = node["arguments"] as? [[String: Any]] ?? []
        return arguments.contains { ($0["isOptional"] as? Bool) == false && ($0["kind"] as? String) != "flag" }
    }

    /// One run's contract: the exit code, nothing internal anywhere, and one `mqadmin:` line unless it is 0.
    static func check(_ args: [String], _ r: CommandResult, exit: MQExit, says: String? = nil) {
        let label = (["mqadmin"] + args).joined(separator: " ")
        #expect(r.status == exit.rawValue, "\(label): exit \(r.status), stderr: \(r.stderr)")
        for text in internalText {
            #expect(!r.stderr.contains(text) && !r.stdout.contains(text), "\(label) printed \(text)")
        }
        if exit == .ok {
            #expect(r.stderr.isEmpty, "\(label): stderr \(r.stderr)")
            return
        }
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && r.stderr.hasPrefix("mqadmin: "), "\(label): stderr \(r.stderr)")
        #expect(r.stdout.isEmpty, "\(label): stdout \(r.stdout)")
        if let says { #expect(r.stderr.contains(says), "\(label): stderr does not say \(says): \(r.stderr)") }
    }

    @Test func everyCommandPathAnswersNoArgumentsHelpAndABadOption() async throws {
        let dir = try TempDirectory("tree-walk")
        defer { dir.remove() }
        // A bundled store to run against (without one every command refuses with exit 4: TargetSelectionTests).
        try await seedBundledStore(dir.sub("data"))
        let runner = InProcessRunner(dataDirectory: dir.sub("data"), home: dir.sub("home"))
        let paths = Self.paths()
        #expect(paths.count >= 80, "the walk found only \(paths.count) commands")
        #expect(Set(Self.exitWithoutArguments.keys).isSubset(of: Set(paths.map(\.description))))
        #expect(Self.runUntilStopped.isSubset(of: Set(paths.map(\.description))))

        // The root: usage off a terminal (on one it opens the REPL: ReplTests).
        Self.check([], try await runner.run([]), exit: .usage, says: "usage: mqadmin <command>")
        for path in paths {
            let help = try await runner.run(path.words + ["--help"])
            Self.check(path.words + ["--help"], help, exit: .ok)
            #expect(help.stdout.contains("USAGE: mqadmin \(path)"), "\(path) --help: \(help.stdout.prefix(200))")

            // ArgumentParser reports a missing argument, or a command's own check of what is missing, before
            // an unknown option: the option is named where nothing else is missing.
            let bad = path.words + ["--no-such-option"]
            let missing = path.needsArgument || Self.exitWithoutArguments[path.description] == .usage
            Self.check(bad, try await runner.run(bad), exit: .usage, says: missing ? nil : "--no-such-option")

            guard !Self.runUntilStopped.contains(path.description) else { continue }
            let bare = try await runner.run(path.words)
            if path.isGroup && !path.hasDefault {
                Self.check(path.words, bare, exit: .usage, says: "usage: mqadmin \(path) <")
            } else if path.needsArgument {
                Self.check(path.words, bare, exit: .usage, says: "(see --help)")
            } else {
                Self.check(path.words, bare, exit: Self.exitWithoutArguments[path.description] ?? .ok)
            }
        }
    }

    /// Commands with no report to print as JSON (docs/json-output.md, "Commands without JSON"): `broker start`
    /// logs while it serves, `demo` is a guided tour for people, `repl` is the interactive session.
    static let withoutJSON: Set<String> = ["broker start", "demo", "repl", "generate-manual"]

    /// Whether the command at `words` declares `--output` (`-o/--output`, classic `--output`).
    static func takesOutput(_ words: [String], in dump: [String: Any]) -> Bool {
        guard var node = dump["command"] as? [String: Any] else { return false }
        for word in words {
            let subs = node["subcommands"] as? [[String: Any]] ?? []
            guard let next = subs.first(where: { $0["commandName"] as? String == word }) else { return false }
            node = next
        }
        let arguments = node["arguments"] as? [[String: Any]] ?? []
        return arguments.contains { argument in
            (argument["names"] as? [[String: Any]] ?? []).contains { $0["name"] as? String == "output" }
        }
    }

    /// Issue 15 item 8: every command that prints a report takes `-o json` (classic: `--output json`).
    @Test func everyCommandTakesOutputJSONOrIsExempt() {
        let dump = Self.treeDump()
        // Leaves: paths no other path extends.
        let all = CommandNames.allPaths()
        let leaves = all.filter { p in !all.contains { $0.count > p.count && Array($0.prefix(p.count)) == p } }
            .map { Path(words: $0, isGroup: false, hasDefault: false, needsArgument: false) }
        #expect(Self.withoutJSON.isSubset(of: Set(leaves.map(\.description))))
        for leaf in leaves where !Self.withoutJSON.contains(leaf.description) {
            #expect(
                Self.takesOutput(leaf.words, in: dump), "\(leaf) has no -o/--output; add OutputOptions or exempt it")
        }
        for exempt in Self.withoutJSON {
            #expect(!Self.takesOutput(exempt.split(separator: " ").map(String.init), in: dump))
        }
    }

    @Test func noTwoCommandsShareANameIgnoringCase() {
        func walk(_ command: any ParsableCommand.Type, _ path: [String]) {
            let names = CommandNames.subcommands(of: command).flatMap(CommandNames.names(of:)).map { $0.lowercased() }
            // queryMsgTraceById's alias QueryMsgTraceById is the same command.
            let perCommand = CommandNames.subcommands(of: command).map {
                Set(CommandNames.names(of: $0).map { $0.lowercased() })
            }
            #expect(perCommand.map(\.count).reduce(0, +) == Set(names).count, "names collide under \(path)")
            for sub in CommandNames.subcommands(of: command) { walk(sub, path + [sub._commandName]) }
        }
        walk(MQAdmin.self, [])
    }
}

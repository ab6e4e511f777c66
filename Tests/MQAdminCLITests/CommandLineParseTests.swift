import ArgumentParser
import Testing

@testable import MQAdminCLI

/// `CommandLineParse` skips ArgumentParser's completion-script probe; it must give what `MQAdmin`'s own root parse
/// gives for every kind of line: the same command with the same values, or the same error, help and exit code.
@Suite struct CommandLineParseTests {
    /// Lines that parse into one of our commands.
    static let commands: [[String]] = [
        ["topic", "list"], ["topic", "list", "-o", "json", "-n", "127.0.0.1:9876"], ["topicList", "-n", "h:1"],
        ["topic", "create", "T", "-w", "2", "-r", "2"], ["group", "list"], ["message", "tail", "T", "--follow"],
        ["backlog", "report", "-g", "g", "--watch", "2"], ["repl"],
    ]
    static let lines: [[String]] = commands + [
        // Help, in each of its spellings: ArgumentParser's own results, re-parsed under MQAdmin.
        [], ["topic"], ["help"], ["help", "topic"], ["topic", "list", "--help"], ["topic", "-h"], ["--help"],
        ["--version"],
        // The probe's flag, wherever it is.
        ["--generate-completion-script", "bash"], ["--generate-completion-script=zsh"],
        ["--generate-completion-script"], ["topic", "list", "--generate-completion-script", "fish"],
        // Errors.
        ["topic", "list", "--bogus"], ["topic", "create"], ["nosuch"], ["topic", "list", "--timeout", "x"],
        ["topic", "create", "T", "-w", "0"],
    ]

    @Test(arguments: lines) func sameResultAsTheRootParse(_ words: [String]) async throws {
        let reference = await Self.outcome { try await MQAdmin.asyncParseAsRoot(words) }
        let fast = await Self.outcome { try await CommandLineParse.parse(words) }
        #expect(fast == reference, "\(words)")
        if Self.commands.contains(words) { #expect(!fast.hasPrefix("error"), "\(words): \(fast)") }
    }

    @Test func internalCommandsAndTheRootAreNotKept() async throws {
        #expect(!CommandLineParse.isOurs(CommandLineParse.ParseRoot()))
        #expect(CommandLineParse.isOurs(try MQAdmin.parseAsRoot(["topic", "list"])))
        #expect(!CommandLineParse.isOurs(try MQAdmin.parseAsRoot(["help"])))
        // Commands come from the parse root itself, not from the fallback.
        for words in Self.commands {
            #expect(CommandLineParse.isOurs(try await CommandLineParse.ParseRoot.asyncParseAsRoot(words)), "\(words)")
        }
    }

    /// The command's type and every value it holds, or the error's full message and exit code.
    static func outcome(_ parse: () async throws -> any ParsableCommand) async -> String {
        do {
            let command = try await parse()
            var text = ""
            dump(command, to: &text)
            return text
        } catch {
            return "error \(MQAdmin.exitCode(for: error).rawValue): \(MQAdmin.fullMessage(for: error))"
        }
    }
}

import ArgumentParser

/// Parses a command line into the command to run, as `MQAdmin.asyncParseAsRoot` does, for less work.
///
/// ArgumentParser's root parse first probes every command line for `--generate-completion-script` by parsing it
/// twice more as two internal commands: 16.6 M of the 75 M instructions `topic list` took (callgrind, 2026-12-05).
/// A root whose configuration names a super command skips that probe and parses the tree alike; only help text
/// differs (it would print the super command's name). So the line is parsed under `ParseRoot` first, and that
/// command is kept only when it is one of ours; any error, and any of ArgumentParser's own results (help), come
/// from parsing the line again under `MQAdmin`, so every message and help screen is `MQAdmin`'s own.
enum CommandLineParse {
    static func parse(_ words: [String]) async throws -> any ParsableCommand {
        if !words.contains(where: { $0.hasPrefix(completionFlag) }),
            let command = try? await ParseRoot.asyncParseAsRoot(words), isOurs(command)
        {
            return command
        }
        return try await MQAdmin.asyncParseAsRoot(words)
    }

    /// The probe's flag; a line holding it anywhere goes straight to `MQAdmin`.
    static let completionFlag = "--generate-completion-script"

    /// False for the parse root itself (a line without a command) and ArgumentParser's internal commands (help,
    /// completion scripts), whose output names the root.
    static func isOurs(_ command: any ParsableCommand) -> Bool {
        // A type-name test, not a protocol cast: a cast costs a conformance scan (0.7 M instructions here).
        !(command is ParseRoot) && !_typeName(type(of: command), qualified: true).hasPrefix("ArgumentParser.")
    }

    /// `MQAdmin`'s tree under a configuration that names a super command: nothing but parsing uses it.
    struct ParseRoot: AsyncParsableCommand {
        static let configuration: CommandConfiguration = {
            var configuration = MQAdmin.configuration
            configuration._superCommandName = "mqadmin"
            return configuration
        }()
    }
}

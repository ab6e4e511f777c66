import ArgumentParser
import MQProtocol

/// One command of the tree as the man pages describe it, read from ArgumentParser's own help dump
/// (`--experimental-dump-help`), so every command, option and abstract comes from the declarations.
struct ManualCommand: Sendable {
    struct Argument: Sendable {
        enum Kind: String, Sendable { case positional, option, flag }
        var kind: Kind
        /// Spellings with their dashes (`-r`, `--read-queues`); empty for a positional.
        var names: [String]
        var valueName: String
        var abstract: String
        var discussion: String
        var defaultValue: String?
        var isOptional: Bool
        var isRepeating: Bool

        var longNames: [String] { names.filter { $0.hasPrefix("--") } }
        var shortNames: [String] { names.filter { !$0.hasPrefix("--") } }
    }

    /// The command words from the root: `["mqadmin", "topic", "create"]`.
    var path: [String]
    var abstract: String
    var discussion: String
    var arguments: [Argument]
    var subcommands: [ManualCommand]
    var hidden: Bool

    /// The words after `mqadmin`, as the examples table keys them (`"topic create"`, `""` for the root).
    var key: String { path.dropFirst().joined(separator: " ") }
    var title: String { path.joined(separator: " ") }
    /// The page name: `mqadmin.topic.create`.
    var pageName: String { path.joined(separator: ".") }

    /// The whole tree below `root`.
    static func tree(_ root: any ParsableCommand.Type = MQAdmin.self) throws -> ManualCommand {
        guard let command = try JSONReader.parse(root._dumpHelp())["command"] else {
            throw CLIError("ArgumentParser's help dump has no command")
        }
        return node(command, parents: [])
    }

    private static func node(_ v: JSONValue, parents: [String]) -> ManualCommand {
        let path = parents + [v["commandName"]?.stringValue ?? ""]
        return ManualCommand(
            path: path,
            abstract: v["abstract"]?.stringValue ?? "",
            discussion: v["discussion"]?.stringValue ?? "",
            arguments: (v["arguments"]?.arrayValue ?? []).compactMap(argument),
            subcommands: (v["subcommands"]?.arrayValue ?? []).map { node($0, parents: path) },
            hidden: v["shouldDisplay"]?.boolValue == false)
    }

    private static func argument(_ v: JSONValue) -> Argument? {
        guard v["shouldDisplay"]?.boolValue != false,
            let kind = v["kind"]?.stringValue.flatMap(Argument.Kind.init(rawValue:))
        else { return nil }
        let names = (v["names"]?.arrayValue ?? []).compactMap { n -> String? in
            guard let name = n["name"]?.stringValue else { return nil }
            return (n["kind"]?.stringValue == "short" ? "-" : "--") + name
        }
        // Shorts first, as people read `-r, --read-queues`.
        let ordered = names.filter { !$0.hasPrefix("--") } + names.filter { $0.hasPrefix("--") }
        return Argument(
            kind: kind, names: ordered, valueName: v["valueName"]?.stringValue ?? "value",
            abstract: v["abstract"]?.stringValue ?? "", discussion: v["discussion"]?.stringValue ?? "",
            defaultValue: v["defaultValue"]?.stringValue, isOptional: v["isOptional"]?.boolValue ?? true,
            isRepeating: v["isRepeating"]?.boolValue ?? false)
    }

    /// Every displayed command of the tree, parents before children.
    var all: [ManualCommand] {
        guard !hidden else { return [] }
        return [self] + subcommands.flatMap(\.all)
    }
}

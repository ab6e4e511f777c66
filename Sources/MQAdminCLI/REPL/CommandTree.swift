import MQProtocol

/// The command tree as data (from ArgumentParser's own help dump), for completion and the REPL.
struct CommandNode: Sendable {
    var name: String
    var abstract: String
    var subcommands: [CommandNode]
    /// Option spellings (`--topic`, `-t`) and whether each takes a value.
    var options: [(names: [String], takesValue: Bool)]
    var hidden: Bool

    func child(_ name: String) -> CommandNode? { subcommands.first { $0.name == name } }

    var visibleSubcommandNames: [String] { subcommands.filter { !$0.hidden }.map(\.name) }

    var optionNames: [String] { options.flatMap(\.names) }

    func takesValue(_ option: String) -> Bool { options.first { $0.names.contains(option) }?.takesValue ?? false }
}

enum CommandTree {
    /// The whole `mqadmin` tree, built once.
    static let root: CommandNode = {
        guard let value = try? JSONReader.parse(MQAdmin._dumpHelp()), let command = value["command"] else {
            return CommandNode(name: "mqadmin", abstract: "", subcommands: [], options: [], hidden: false)
        }
        return node(command)
    }()

    static func node(_ v: JSONValue) -> CommandNode {
        var options: [(names: [String], takesValue: Bool)] = []
        for arg in v["arguments"]?.arrayValue ?? [] {
            guard let kind = arg["kind"]?.stringValue, kind == "option" || kind == "flag" else { continue }
            let names = (arg["names"]?.arrayValue ?? []).compactMap { n -> String? in
                guard let name = n["name"]?.stringValue, let k = n["kind"]?.stringValue else { return nil }
                return k == "short" ? "-" + name : "--" + name
            }
            if !names.isEmpty { options.append((names, kind == "option")) }
        }
        return CommandNode(
            name: v["commandName"]?.stringValue ?? "",
            abstract: v["abstract"]?.stringValue ?? "",
            subcommands: (v["subcommands"]?.arrayValue ?? []).map(node),
            options: options,
            hidden: v["shouldDisplay"]?.boolValue == false)
    }

    /// Options whose values are topic or group names (completed from the live-name cache).
    static let topicOptions: Set<String> = ["--topic", "-t"]
    static let groupOptions: Set<String> = ["--group", "-g", "--groupName", "--consumerGroup"]

    /// Completion candidates for `word`, given the arguments typed before it.
    /// System topics and groups (`names`' hidden ones) only once `word` starts like one, as in the shells.
    static func complete(before: [String], word: String, names: NamesRefresh.Sorted) -> [String] {
        var node = root
        var rest = before[...]
        while let first = rest.first, let next = node.child(first) {
            node = next
            rest = rest.dropFirst()
        }
        let previous = before.last
        if let previous, previous.hasPrefix("-"), node.takesValue(previous) {
            if topicOptions.contains(previous) { return topics(names, word) }
            if groupOptions.contains(previous) { return groups(names, word) }
            return []
        }
        if word.hasPrefix("-") { return node.optionNames.filter { $0.hasPrefix(word) }.sorted() }
        let subs = node.visibleSubcommandNames.filter { $0.hasPrefix(word) }
        if !subs.isEmpty || rest.isEmpty && node.subcommands.count > 0 { return subs.sorted() }
        // A positional argument: most commands take a topic or a group first.
        return node.name == "group" || before.contains("group") ? groups(names, word) : topics(names, word)
    }

    private static func topics(_ names: NamesRefresh.Sorted, _ word: String) -> [String] {
        LiveNames.offer(names.topics, hidden: names.systemTopics, prefix: word).sorted()
    }

    private static func groups(_ names: NamesRefresh.Sorted, _ word: String) -> [String] {
        LiveNames.offer(names.groups, hidden: names.systemGroups, prefix: word).sorted()
    }
}

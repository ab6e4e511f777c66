import ArgumentParser

/// The command words of a command line, checked against the tree the commands' configurations declare
/// before ArgumentParser sees them. Names match case-insensitively (Apache's mqadmin looks its command up
/// with `equalsIgnoreCase`, so `topiclist` is `topicList`); a word that names no command becomes one line
/// with the nearest names, instead of ArgumentParser's "unexpected argument" or an option blamed for it.
enum CommandNames {
    /// A command word that names no command at its level.
    struct UnknownCommand: Error, CustomStringConvertible {
        /// The command words before it (`["topic"]` for `topic lst`).
        var path: [String]
        var word: String
        var suggestions: [String]

        var description: String {
            let typed = (path + [word]).joined(separator: " ")
            guard !suggestions.isEmpty else {
                let help = (["mqadmin"] + path + ["--help"]).joined(separator: " ")
                return "unknown command '\(typed)'; '\(help)' lists the commands"
            }
            let quoted = suggestions.map { "'" + (path + [$0]).joined(separator: " ") + "'" }
            return "unknown command '\(typed)'; did you mean \(quoted.joined(separator: " or "))?"
        }
    }

    /// A command line that stops at a command which only groups others (`mqadmin`, `mqadmin topic`). Groups
    /// that run themselves on options of their own (`RunnableGroup`) are exempt.
    struct MissingCommand: Error, CustomStringConvertible {
        var path: [String]
        var choices: [String]

        var description: String {
            let command = (["mqadmin"] + path).joined(separator: " ")
            if path.isEmpty {
                return "usage: mqadmin <command> [options]; 'mqadmin --help' lists the commands, "
                    + "'mqadmin repl' opens an interactive session"
            }
            return "usage: \(command) <\(choices.joined(separator: "|"))> [options]; see '\(command) --help'"
        }
    }

    /// The words a command answers to: its name and aliases.
    static func names(of command: any ParsableCommand.Type) -> [String] {
        [command._commandName] + command.configuration.aliases
    }

    static func subcommands(of command: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
        command.configuration.subcommands
    }

    /// Every command path of the tree below `root`, parents before their children (`["topic"]`,
    /// `["topic", "create"]`, ...), read from the configurations, so a new command is in it by itself.
    static func allPaths(from root: any ParsableCommand.Type = MQAdmin.self) -> [[String]] {
        subcommands(of: root).flatMap { sub in
            [[sub._commandName]] + allPaths(from: sub).map { [sub._commandName] + $0 }
        }
    }

    /// `arguments` with their command words spelled as declared; throws `UnknownCommand` or `MissingCommand`.
    /// `arguments` start with the command words (global options already moved behind them).
    static func resolve(_ arguments: [String], root: any ParsableCommand.Type = MQAdmin.self) throws -> [String] {
        var resolved = arguments
        var command = root
        var path: [String] = []
        var index = 0
        while true {
            let subs = subcommands(of: command)
            if subs.isEmpty { break }
            // A group with a default command (`backlog` = `backlog report`) takes that command's arguments.
            let hasDefault = command.configuration.defaultSubcommand != nil
            guard index < resolved.count, !resolved[index].hasPrefix("-") else {
                let next = index < resolved.count ? resolved[index] : nil
                if hasDefault || command is any RunnableGroup.Type || next.map(isForArgumentParser) == true { break }
                let choices = subs.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
                throw MissingCommand(path: path, choices: choices)
            }
            let word = resolved[index]
            let match = subs.first { names(of: $0).contains(word) }
                ?? subs.first { names(of: $0).contains { $0.lowercased() == word.lowercased() } }
            guard let match else {
                // `mqadmin help topic create` is ArgumentParser's own help command.
                if hasDefault || (path.isEmpty && word == "help") { break }
                throw UnknownCommand(path: path, word: word, suggestions: nearest(word, in: subs))
            }
            let name = names(of: match).contains(word) ? word : match._commandName
            resolved[index] = name
            path.append(name)
            command = match
            index += 1
        }
        return resolved
    }

    /// Help, version and a wrong option go to ArgumentParser; a global option (`-n ADDR`) after a group
    /// still lacks the command.
    static func isForArgumentParser(_ option: String) -> Bool {
        let name = option.split(separator: "=", maxSplits: 1).first.map(String.init) ?? option
        return !CommandRunner.globalOptionsWithValue.contains(name) && !CommandRunner.globalFlags.contains(name)
    }

    /// The displayed names closest to `word` (case ignored): those at the smallest edit distance, if it is
    /// small for the name's length, else names `word` begins.
    static func nearest(_ word: String, in commands: [any ParsableCommand.Type]) -> [String] {
        let candidates = commands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
        let typed = word.lowercased()
        let scored = candidates.map { ($0, EditDistance.between(typed, $0.lowercased())) }
            .filter { $0.1 <= max(1, min(3, $0.0.count / 3)) }
        if let best = scored.map(\.1).min() {
            return Array(scored.filter { $0.1 == best }.map(\.0).prefix(3))
        }
        guard typed.count >= 3 else { return [] }
        return Array(candidates.filter { $0.lowercased().hasPrefix(typed) }.prefix(3))
    }
}

/// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours
/// (`tpoic` is one step from `topic`) each cost one.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

/// A command with subcommands that also runs itself, given options of its own and no subcommand: `producer -b`
/// is Apache's classic `producer` under the `producer` noun. Its options, global ones included, reach it.
protocol RunnableGroup {}

import Testing

@testable import MQAdminCLI

/// Issue 15 item 9: across the noun-verb commands a concept has one spelling: each long option has the same
/// short letter (or none) everywhere, and each short letter stands for one long option. The classic commands
/// keep Apache's letters and are not checked here.
@Suite struct OptionLetterTests {
    /// Where a letter or its absence differs on purpose, keyed by `"<command or noun> <option>"`, with why.
    static let exceptions: [String: String] = [
        "broker start --cluster": "broker start configures the server it runs; its options are long only",
        "broker start --namesrv": "name servers to also register with, not where to connect (-n)",
        "message send --broker": "a broker name (a queue's identity), where -b elsewhere takes host:port",
        "message get --broker": "a broker name (a queue's identity), where -b elsewhere takes host:port",
        "topic create --type": "-t is the topic everywhere; only user keeps Apache's createUser -t type",
        "message consume -c": "a count, as Apache's consumeMessage -c; message consume has no cluster option",
        "message tail -c": "a count, as message consume -c; message tail has no cluster option",
        "bench --count": "-c is the cluster to create the topic on, as topic create -c; the count is long only",
        "user -f": "the name filter, as Apache's listUser -f",
        "user -s": "the user's status, as Apache's updateUser -s",
        "user -t": "the user's type, as Apache's createUser -t",
        "acl -r": "the resource, as Apache's createAcl -r (topic's -r is the read queues, as updateTopic -r)",
        "acl -s": "the subject, as Apache's createAcl -s",
    ]

    struct Use {
        var command: String
        var long: String
        var short: String?
    }

    static func uses() throws -> [Use] {
        try ManualCommand.tree().all.filter { $0.path.count == 3 }.flatMap { command in
            command.arguments.compactMap { argument -> Use? in
                guard argument.kind != .positional, let long = argument.longNames.first else { return nil }
                return Use(command: command.key, long: long, short: argument.shortNames.first)
            }
        }
    }

    /// The exception covering `option` of `command`, by the command or by its noun.
    static func exception(_ command: String, _ option: String) -> String? {
        let noun = command.split(separator: " ").first.map(String.init) ?? command
        return exceptions["\(command) \(option)"] ?? exceptions["\(noun) \(option)"]
    }

    @Test func eachLongOptionHasOneShortLetter() throws {
        let uses = try Self.uses().filter { Self.exception($0.command, $0.long) == nil }
        for (long, spellings) in Dictionary(grouping: uses, by: \.long) {
            let letters = Set(spellings.map { $0.short ?? "none" })
            let where_ = Dictionary(grouping: spellings) { $0.short ?? "none" }.mapValues { $0.map(\.command) }
            #expect(letters.count == 1, "\(long) is spelled differently: \(where_)")
        }
    }

    @Test func eachShortLetterMeansOneOption() throws {
        let uses = try Self.uses().filter { $0.short != nil && Self.exception($0.command, $0.short!) == nil }
        for (short, spellings) in Dictionary(grouping: uses, by: { $0.short! }) {
            let longs = Dictionary(grouping: spellings, by: \.long).mapValues { $0.map(\.command) }
            #expect(longs.count == 1, "\(short) means several options: \(longs)")
        }
    }

    @Test func everyExceptionIsStillNeeded() throws {
        let uses = try Self.uses()
        for key in Self.exceptions.keys.sorted() {
            let words = key.split(separator: " ").map(String.init)
            let (scope, option) = (words.dropLast().joined(separator: " "), words.last!)
            let matched = uses.contains { use in
                let inScope = use.command == scope || use.command.hasPrefix(scope + " ")
                return inScope && (use.long == option || use.short == option)
            }
            #expect(matched, "exception \"\(key)\" matches no option; remove it")
        }
    }
}

/// The target a command line being completed points at, read the way the command itself would read it:
/// `-n/--namesrv/--namesrvAddr`, `--context`, `--data` wherever they stand (before or after the subcommand),
/// then NAMESRV_ADDR, MQADMIN_CONTEXT, MQADMIN_DATA. Each target has a cache file of its own, so completion
/// never offers another target's names.
enum CompletionTarget: Equatable, Sendable {
    /// A cluster, by its name servers (sorted: `a;b` and `b;a` are one target).
    case nameServers([String])
    /// A named context (`--context NAME`, MQADMIN_CONTEXT); see `ContextNameServers.resolve`.
    case context(String)
    /// The bundled broker on a data directory (resolved as `--data` is: absolute, `~` expanded).
    case dataDirectory(String)

    static let nameServerOptions: Set<String> = ["-n", "--namesrv", "--namesrvAddr"]
    static let contextOption = "--context"
    static let dataOption = "--data"

    /// The target of `words` (the shell's words, the command first), else of the environment, in the order the
    /// commands resolve theirs (`ConnectionOptions.resolveTarget`): -n, --data, --context, NAMESRV_ADDR,
    /// MQADMIN_DATA, MQADMIN_CONTEXT, the current context, the default data directory.
    static func of(words: [String], environment: [String: String]) -> CompletionTarget {
        let given = options(in: words)
        if let ns = given.nameServers.map(Address.list), !ns.isEmpty { return .nameServers(ns.sorted()) }
        if let data = given.data, !data.isEmpty { return .dataDirectory(ConnectionOptions.expand(data)) }
        if let name = given.context, !name.isEmpty { return named(name) }
        let envNameServers = Address.list(environment["NAMESRV_ADDR"])
        if !envNameServers.isEmpty { return .nameServers(envNameServers.sorted()) }
        if let data = environment["MQADMIN_DATA"], !data.isEmpty {
            return .dataDirectory(ConnectionOptions.expand(data))
        }
        if let name = environment["MQADMIN_CONTEXT"], !name.isEmpty { return named(name) }
        if let current = ContextNameServers.current() { return named(current) }
        return .dataDirectory(ConnectionOptions.dataDirectory(flag: nil))
    }

    /// A context's name servers (so it shares the cache of the cluster it points at), or the context name alone
    /// when it cannot be read (no names are fetched for it, and never another target's are offered).
    static func named(_ name: String) -> CompletionTarget {
        ContextNameServers.resolve(name) ?? .context(name)
    }

    /// The last value of each target option on the line (`--opt value` or `--opt=value`), before any `--`.
    static func options(in words: [String]) -> (nameServers: String?, context: String?, data: String?) {
        var found: (nameServers: String?, context: String?, data: String?) = (nil, nil, nil)
        var i = 1
        while i < words.count, words[i] != "--" {
            let word = words[i]
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts.first ?? word
            let value: String?
            if word.hasPrefix("--"), parts.count == 2 {
                value = parts[1]
            } else {
                value = i + 1 < words.count ? words[i + 1] : nil
            }
            if nameServerOptions.contains(name) {
                found.nameServers = value
            } else if name == contextOption {
                found.context = value
            } else if name == dataOption {
                found.data = value
            } else {
                i += 1
                continue
            }
            i += parts.count == 2 && word.hasPrefix("--") ? 1 : 2
        }
        return found
    }

    /// What tells this target apart from every other; stored in the cache file and checked on reading.
    var key: String {
        switch self {
        case .nameServers(let ns): return "namesrv:" + ns.joined(separator: ";")
        case .context(let name): return "context:" + name
        case .dataDirectory(let dir): return "data:" + dir
        }
    }

    /// A stable digest of `key` (64-bit FNV-1a, hex): the cache file's name, the same in every process.
    var digest: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The words that name this target to the background refresh (`mqadmin ---refresh-names KIND VALUE`).
    var refreshArguments: [String] {
        switch self {
        case .nameServers(let ns): return ["namesrv", ns.joined(separator: ";")]
        case .context(let name): return ["context", name]
        case .dataDirectory(let dir): return ["data", dir]
        }
    }

    init?(refreshArguments words: [String]) {
        guard words.count == 2, !words[1].isEmpty else { return nil }
        switch words[0] {
        case "namesrv": self = .nameServers(Address.list(words[1]).sorted())
        case "context": self = .context(words[1])
        case "data": self = .dataDirectory(words[1])
        default: return nil
        }
    }
}

import Foundation

/// Whether a data directory holds a bundled broker's store, and the refusal when there is no target at all.
enum BundledStore {
    /// A store is there once a broker has opened the directory: it leaves `config/` and `store/` behind.
    /// Only looks; never creates anything.
    static func exists(dataDirectory: String) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: dataDirectory + "/store") || fm.fileExists(atPath: dataDirectory + "/config")
    }

    /// The one line for "no name server and no bundled broker": names both ways on. Exit 4 (unreachable).
    static func noTarget(dataDirectory: String?) -> CLIError {
        let why = dataDirectory.map { "no name server set and no bundled broker store in \(abbreviate($0))" }
            ?? "not connected"
        return CLIError(
            "\(why); pass -n ADDR or set NAMESRV_ADDR to reach a cluster, or create a bundled broker with "
                + "`mqadmin demo` or `mqadmin broker start`",
            exit: .unreachable)
    }

    /// `dir` with the home directory written as `~`, for prompts and messages.
    static func abbreviate(_ dir: String) -> String {
        let home = Console.current.home
        guard !home.isEmpty, home != "/" else { return dir }
        if dir == home { return "~" }
        return dir.hasPrefix(home + "/") ? "~" + dir.dropFirst(home.count) : dir
    }
}

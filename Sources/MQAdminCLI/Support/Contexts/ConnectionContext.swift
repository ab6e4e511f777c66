import Foundation

/// A named target, kubectl-style: the name servers to reach, whether mutating commands are refused there,
/// and who to sign as. Never the secret itself: only the path of the file holding it.
struct ConnectionContext: Codable, Sendable, Equatable {
    var name: String
    var nameServers: [String]
    /// Refuse every command that changes the target (exit 5) before connecting.
    var readOnly: Bool
    /// The ACL user to sign requests as, if any.
    var accessKey: String?
    /// A file whose first line is `accessKey`'s secret (read when a command signs, never copied here).
    var credentialsFile: String?

    /// What names may be: they go on command lines, in prompts and in the audit log.
    static func validateName(_ name: String) throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(allowed.contains), !name.hasPrefix("-") else {
            throw CLIError(
                "context name \"\(name)\" is not valid; use letters, digits, '-', '_' and '.', not starting with '-'",
                exit: .usage)
        }
    }
}

/// `~/.mqadmin/contexts.json`: every context and which one `context use` made current.
struct ContextFile: Codable, Sendable, Equatable {
    var current: String?
    var contexts: [ConnectionContext]

    static let empty = ContextFile(current: nil, contexts: [])

    /// The context called `name`, or nil.
    func context(named name: String) -> ConnectionContext? {
        contexts.first { $0.name == name }
    }
}

/// What of a command line must not reach the audit log: the values of options that carry a secret.
enum AuditRedaction {
    static let mask = "***"

    /// Long options whose value is a secret. Options that name where a secret is (`--secret-key-file`,
    /// `--password-file`) are kept: a path is what an auditor wants to see.
    static func isSecretOption(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard lower.hasPrefix("--") else { return false }
        if ["-file", "-stdin", "-prompt", "-arg"].contains(where: lower.hasSuffix) { return false }
        return ["secret", "password", "passwd", "token", "credential"].contains { lower.contains($0) }
    }

    /// `arguments` with every secret value replaced by `***`: the value after a secret option (or after its
    /// `=`), and classic `-p PASSWORD` of createUser/updateUser (`shortSecrets`, Apache's letter there).
    static func redact(_ arguments: [String], shortSecrets: Set<String> = []) -> [String] {
        var out: [String] = []
        var maskNext = false
        for word in arguments {
            if maskNext {
                out.append(mask)
                maskNext = false
                continue
            }
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let name = parts[0]
            let secret = isSecretOption(name) || shortSecrets.contains(name)
            if secret, parts.count == 2 {
                out.append(name + "=" + mask)
            } else if secret {
                out.append(word)
                maskNext = true
            } else if !word.hasPrefix("--"),
                shortSecrets.contains(where: { word.hasPrefix($0) && word.count > $0.count })
            {
                out.append(String(word.prefix(2)) + mask)  // `-pSECRET`
            } else {
                out.append(word)
            }
        }
        return out
    }
}

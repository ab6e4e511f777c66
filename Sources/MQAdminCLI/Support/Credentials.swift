import ArgumentParser
import Foundation
import MQClient

/// Where a secret or password comes from; never argv unless the operator accepts the risk.
enum SecretInput {
    /// The first line of `path`, without its line ending.
    static func file(_ path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read the \(what) file \(path); check the path and its permissions", exit: .usage)
        }
        return try firstLine(String(decoding: data, as: UTF8.self), what: what, source: path)
    }

    /// The first line of standard input.
    static func stdin(what: String) throws -> String {
        let data = Console.current.readAll()
        return try firstLine(String(decoding: data, as: UTF8.self), what: what, source: "standard input")
    }

    static func firstLine(_ text: String, what: String, source: String) throws -> String {
        let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let value = line.hasSuffix("\r") ? String(line.dropLast()) : line
        guard !value.isEmpty else { throw CLIError("the \(what) from \(source) is empty", exit: .usage) }
        return value
    }

    /// Asks on the terminal without echo; twice when `confirm`.
    static func prompt(_ label: String, confirm: Bool) throws -> String {
        guard Console.current.inputIsTerminal else {
            throw CLIError(
                "no \(label) given and standard input is not a terminal; use --password-stdin or --password-file FILE",
                exit: .usage)
        }
        let first = try readHidden("\(label.prefix(1).uppercased() + label.dropFirst()): ")
        guard !first.isEmpty else { throw CLIError("the \(label) is empty", exit: .usage) }
        if confirm, try readHidden("Repeat the \(label): ") != first {
            throw CLIError("the two \(label)s differ; nothing changed", exit: .usage)
        }
        return first
    }

    private static func readHidden(_ prompt: String) throws -> String {
        Console.current.writeError(prompt)
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            Console.current.writeError("\n")
        }
        return Console.current.readLine() ?? ""
    }
}

extension ConnectionOptions {
    static let secretSources = "MQADMIN_SECRET_KEY, --secret-key-file FILE or --secret-key-stdin"

    /// Checks the credential options without reading any secret.
    func validateCredentials() throws {
        if secretKey != nil && !insecurePasswordArg {
            throw ValidationError(
                "--secret-key would show the secret to every user in ps; use \(Self.secretSources) "
                    + "(or add --insecure-password-arg to accept the risk)")
        }
        let given = [secretKey != nil, secretKeyFile != nil, secretKeyStdin].filter { $0 }.count
        if given > 1 { throw ValidationError("give the secret one way: --secret-key-file, --secret-key-stdin or --secret-key") }
        // The target's context may name the user; a target that does not resolve is reported when the
        // command runs, as one line about the context (not as a missing --access-key).
        let contextMayNameUser = (try? resolveTarget()).map { $0.context?.accessKey != nil } ?? true
        if given == 1 && resolvedAccessKey == nil && !contextMayNameUser {
            throw ValidationError("a secret key needs --access-key USER (or MQADMIN_ACCESS_KEY)")
        }
    }

    var resolvedAccessKey: String? {
        if let accessKey, !accessKey.isEmpty { return accessKey }
        let env = Console.current.environment["MQADMIN_ACCESS_KEY"]
        return env?.isEmpty == false ? env : nil
    }

    /// The signer for the target: `--access-key` and its secret from the flags, else the context's access key
    /// and credentials file (only for the context's own name servers), else MQADMIN_ACCESS_KEY and
    /// MQADMIN_SECRET_KEY; nil without credentials.
    func signer(for target: ResolvedTarget? = nil) throws -> AclSigner? {
        try validateCredentials()
        let flagged = accessKey.flatMap { $0.isEmpty ? nil : $0 }
        if flagged == nil, let context = target?.context, let contextKey = context.accessKey {
            let secret: String
            if let secretFromFlags = try secretFromFlags() {
                secret = secretFromFlags
            } else if let file = context.credentialsFile {
                secret = try SecretInput.file(file, what: "secret key (context \(context.name))")
            } else if let env = Console.current.environment["MQADMIN_SECRET_KEY"], !env.isEmpty {
                secret = env
            } else {
                throw CLIError(
                    "context \(context.name) signs as \(contextKey) but has no credentials file; give the secret with "
                        + "\(Self.secretSources), or re-add the context with --credentials-file FILE",
                    exit: .usage)
            }
            return AclSigner(accessKey: contextKey, secretKey: secret)
        }
        guard let accessKey = resolvedAccessKey else { return nil }
        let secret: String
        if let fromFlags = try secretFromFlags() {
            secret = fromFlags
        } else if let env = Console.current.environment["MQADMIN_SECRET_KEY"], !env.isEmpty {
            secret = env
        } else {
            throw CLIError("--access-key \(accessKey) needs its secret: \(Self.secretSources)", exit: .usage)
        }
        return AclSigner(accessKey: accessKey, secretKey: secret)
    }

    /// The secret given by --secret-key, --secret-key-file or --secret-key-stdin, nil when none was.
    private func secretFromFlags() throws -> String? {
        if let secretKey { return secretKey }
        if let secretKeyFile { return try SecretInput.file(secretKeyFile, what: "secret key") }
        if secretKeyStdin { return try SecretInput.stdin(what: "secret key") }
        return nil
    }
}

import ArgumentParser
import MQProtocol

/// Where a new password comes from: a prompt, standard input or a file; never the command line.
struct PasswordOptions: ParsableArguments {
    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    @Option(
        name: .customLong("password-file"),
        help: ArgumentHelp("Read the password from the first line of this file.", valueName: "file"))
    var passwordFile: String?

    func validate() throws {
        if passwordStdin && passwordFile != nil {
            throw ValidationError("give the password one way: --password-stdin or --password-file")
        }
    }

    var given: Bool { passwordStdin || passwordFile != nil }

    /// The password from stdin or the file, else (when `promptIfNone`) from a prompt; nil otherwise.
    func read(connection: ConnectionOptions, promptIfNone: Bool) throws -> String? {
        if passwordStdin {
            if connection.secretKeyStdin {
                throw CLIError("--password-stdin and --secret-key-stdin both want standard input; put one in a file", exit: .usage)
            }
            return try SecretInput.stdin(what: "password")
        }
        if let passwordFile { return try SecretInput.file(passwordFile, what: "password") }
        return promptIfNone ? try SecretInput.prompt("password", confirm: true) : nil
    }
}

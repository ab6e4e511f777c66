import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `createUser -c|-b -u USER [-t TYPE]`; the password from a prompt, --password-stdin or --password-file
/// (`-p` only with --insecure-password-arg).
struct ClassicCreateUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "createUser", abstract: "Create user to cluster.")

    @OptionGroup var target: ClassicAuthTarget
    @Option(name: [.customShort("u"), .customLong("username")], help: "the username of user to create.") var username: String
    @Option(name: [.customShort("p"), .customLong("password")], help: "refused unless --insecure-password-arg") var password: String?
    @Option(name: [.customShort("t"), .customLong("userType")], help: "the userType of user to create") var userType: String?
    @OptionGroup var passwordInput: PasswordOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try ClassicAuth.checkPasswordArg(password, connection: connection)
        if password != nil && passwordInput.given { throw ValidationError("give the password one way") }
        try ACLArgs.username(username, option: "-u")
        _ = try ACLArgs.userType(userType?.trimmingCharacters(in: .whitespaces), option: "-t")
    }

    func run() async throws {
        let secret = try password ?? passwordInput.read(connection: connection, promptIfNone: true) ?? ""
        let type = try ACLArgs.userType(userType?.trimmingCharacters(in: .whitespaces), option: "-t")
        let name = username.trimmingCharacters(in: .whitespaces)
        let info = UserInfo(username: name, password: secret, userType: type?.rawValue)
        let t = target.options
        let view = try await Session.withClient(connection) { client in
            let targets = try await ACLRun.writeTargets(client, cluster: t.cluster, broker: t.broker)
            let results = await client.authWrite(targets) { try await client.createUser(info, broker: $0.address) }
            return AuthWriteView(action: "create", kind: "user", name: name, results: results)
        }
        Emit.output(view, format: output.output) { ClassicAuth.successLines(view) }
        try view.failIfNeeded(missing: "user \(name) does not exist")
    }
}

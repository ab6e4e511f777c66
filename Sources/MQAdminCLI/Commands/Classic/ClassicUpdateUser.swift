import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `updateUser -c|-b -u USER (-p PASSWORD | -t TYPE | -s STATUS)`: one field per call, as in Apache;
/// the password from --password-stdin or --password-file (`-p` only with --insecure-password-arg).
struct ClassicUpdateUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "updateUser", abstract: "Update user to cluster.")

    @OptionGroup var target: ClassicAuthTarget
    @Option(name: [.customShort("u"), .customLong("username")], help: "the username of user to update.") var username: String
    @Option(name: [.customShort("p"), .customLong("password")], help: "refused unless --insecure-password-arg") var password: String?
    @Option(name: [.customShort("t"), .customLong("userType")], help: "the userType of user to update") var userType: String?
    @Option(name: [.customShort("s"), .customLong("userStatus")], help: "the userStatus of user to update") var userStatus: String?
    @OptionGroup var passwordInput: PasswordOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try ClassicAuth.checkPasswordArg(password, connection: connection)
        try ACLArgs.username(username, option: "-u")
        let chosen = [password != nil || passwordInput.given, userType != nil, userStatus != nil].filter { $0 }.count
        guard chosen == 1 else { throw ValidationError("pass exactly one of -p (or --password-stdin/--password-file), -t or -s") }
        _ = try ACLArgs.userType(userType?.trimmingCharacters(in: .whitespaces), option: "-t")
        _ = try ACLArgs.userStatus(userStatus?.trimmingCharacters(in: .whitespaces), option: "-s")
    }

    func run() async throws {
        let secret = try password ?? passwordInput.read(connection: connection, promptIfNone: false)
        let name = username.trimmingCharacters(in: .whitespaces)
        let info = UserInfo(
            username: name, password: secret,
            userType: try ACLArgs.userType(userType?.trimmingCharacters(in: .whitespaces), option: "-t")?.rawValue,
            userStatus: try ACLArgs.userStatus(userStatus?.trimmingCharacters(in: .whitespaces), option: "-s")?.rawValue)
        let t = target.options
        let view = try await Session.withClient(connection) { client in
            let targets = try await ACLRun.writeTargets(client, cluster: t.cluster, broker: t.broker)
            let results = await client.authWrite(targets) { try await client.updateUser(info, broker: $0.address) }
            return AuthWriteView(action: "update", kind: "user", name: name, results: results)
        }
        Emit.output(view, format: output.output) { ClassicAuth.successLines(view) }
        try view.failIfNeeded(missing: "user \(name) does not exist")
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin user update NAME`: type, status and/or password on every broker.
struct UserUpdate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a user's type, status or password on every broker.",
        discussion: "A new password comes from --password-prompt, --password-stdin or --password-file.")

    @Argument(help: "Username.") var username: String
    @Option(name: [.customShort("t"), .customLong("type")], help: "Super or Normal.") var type: String?
    @Option(name: [.customShort("s"), .customLong("status")], help: "enable or disable.") var status: String?
    @Flag(name: .customLong("password-prompt"), help: "Ask for a new password on the terminal.") var prompt = false
    @OptionGroup var password: PasswordOptions
    @OptionGroup var target: ACLTargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try ACLArgs.username(username, option: "USERNAME")
        _ = try ACLArgs.userType(type, option: "--type")
        _ = try ACLArgs.userStatus(status, option: "--status")
        guard type != nil || status != nil || prompt || password.given else {
            throw ValidationError("nothing to change: give --type, --status or a new password (--password-prompt, --password-stdin, --password-file)")
        }
    }

    func run() async throws {
        let secret = try password.read(connection: connection, promptIfNone: prompt)
        let info = UserInfo(
            username: username, password: secret, userType: try ACLArgs.userType(type, option: "--type")?.rawValue,
            userStatus: try ACLArgs.userStatus(status, option: "--status")?.rawValue)
        let view = try await Session.withClient(connection) { client in
            let targets = try await ACLRun.writeTargets(client, cluster: target.cluster, broker: target.broker)
            let results = await client.authWrite(targets) { try await client.updateUser(info, broker: $0.address) }
            return AuthWriteView(action: "update", kind: "user", name: username, results: results)
        }
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfNeeded(missing: "user \(username) does not exist; create it with `mqadmin user create \(username)`")
    }
}

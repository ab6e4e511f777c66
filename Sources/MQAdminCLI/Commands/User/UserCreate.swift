import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin user create NAME`: a user on every broker, its password from a prompt, stdin or a file.
struct UserCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a user on every broker of the cluster.",
        discussion: """
            The password comes from a prompt (on a terminal), --password-stdin or --password-file; never \
            from the command line. Only a super user may create a super user.
            """)

    @Argument(help: "Username.") var username: String
    @Option(name: [.customShort("t"), .customLong("type")], help: "Super or Normal.") var type = "Normal"
    @OptionGroup var password: PasswordOptions
    @OptionGroup var target: ACLTargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try ACLArgs.username(username, option: "USERNAME")
        _ = try ACLArgs.userType(type, option: "--type")
    }

    func run() async throws {
        let secret = try password.read(connection: connection, promptIfNone: true) ?? ""
        let info = UserInfo(username: username, password: secret, userType: try ACLArgs.userType(type, option: "--type")?.rawValue)
        let view = try await Session.withClient(connection) { client in
            let targets = try await ACLRun.writeTargets(client, cluster: target.cluster, broker: target.broker)
            let results = await client.authWrite(targets) { try await client.createUser(info, broker: $0.address) }
            return AuthWriteView(action: "create", kind: "user", name: username, results: results)
        }
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfNeeded(missing: "user \(username) does not exist")
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin user get NAME`: type and status as each master has them; never the password.
struct UserGet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Show a user (never its password) as every master broker has it.")

    @Argument(help: "Username.") var username: String
    @OptionGroup var target: ACLTargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try ACLArgs.username(username, option: "USERNAME") }

    func run() async throws {
        let username = self.username
        let rows = try await Session.withClient(connection) { client in
            let targets = try await ACLRun.readTargets(client, cluster: target.cluster, broker: target.broker)
            let results = await client.fanOut(targets) { e -> [UserInfo] in
                try await client.user(username, broker: e.address).map { [$0] } ?? []
            }
            try ACLRun.requireSomeAnswer(results, missing: "user \(username) does not exist")
            return UserView.merge(results)
        }
        guard let first = rows.first else { throw CLIError("user \(username) does not exist", exit: .notFound) }
        Emit.output(first, format: output.output) { UserView.table(rows) }
        if rows.count > 1 { Emit.note("note: the brokers disagree about user \(username); see the BROKERS column") }
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin user delete NAME`: the user and its ACL, on every broker, after confirmation.
struct UserDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a user and its ACL from every broker.")

    @Argument(help: "Username.") var username: String
    @Flag(name: [.customShort("y"), .customLong("yes")], help: "Do not ask for confirmation.") var yes = false
    @OptionGroup var target: ACLTargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try ACLArgs.username(username, option: "USERNAME") }

    func run() async throws {
        let username = self.username
        let view = try await Session.withClient(connection) { client in
            let targets = try await ACLRun.writeTargets(client, cluster: target.cluster, broker: target.broker)
            // Apache answers success for a missing user; say so instead (exit 3), changing nothing.
            let found = await client.fanOut(targets) { try await client.user(username, broker: $0.address) }
            guard found.contains(where: { $0.value.flatMap { $0 } != nil }) || found.allSatisfy({ $0.error != nil })
            else { throw CLIError("user \(username) does not exist", exit: .notFound) }
            try Confirm.destructive("delete user \(username) and its ACL on \(targets.count) broker(s)", token: username, yes: yes)
            let results = await client.authWrite(targets) { try await client.deleteUser(username, broker: $0.address) }
            return AuthWriteView(action: "delete", kind: "user", name: username, results: results)
        }
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfNeeded(missing: "user \(username) does not exist")
    }
}

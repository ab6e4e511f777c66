import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `deleteUser -c|-b -u USER` (prints `delete user to ADDR success.`); never asks.
struct ClassicDeleteUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deleteUser", abstract: "Delete user from cluster.")

    @OptionGroup var target: ClassicAuthTarget
    @Option(name: [.customShort("u"), .customLong("username")], help: "the username of user to delete.") var username: String
    @OptionGroup var ignoredYes: ClassicIgnoredYes
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws { try ACLArgs.username(username, option: "-u") }

    func run() async throws {
        let name = username.trimmingCharacters(in: .whitespaces)
        let t = target.options
        let view = try await Session.withClient(connection) { client in
            let targets = try await ACLRun.writeTargets(client, cluster: t.cluster, broker: t.broker)
            let results = await client.authWrite(targets) { try await client.deleteUser(name, broker: $0.address) }
            return AuthWriteView(action: "delete", kind: "user", name: name, results: results)
        }
        Emit.output(view, format: output.output) { ClassicAuth.successLines(view) }
        try view.failIfNeeded(missing: "user \(name) does not exist")
    }
}

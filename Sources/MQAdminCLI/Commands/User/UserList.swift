import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin user list`: every user of every master, merged; never passwords.
struct UserList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List users (never their passwords) of every master broker.")

    @Option(name: [.customShort("f"), .customLong("filter")], help: "Only usernames containing this.") var filter: String?
    @OptionGroup var target: ACLTargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let filter = self.filter
        let rows = try await Session.withClient(connection) { client in
            let targets = try await ACLRun.readTargets(client, cluster: target.cluster, broker: target.broker)
            let results = await client.fanOut(targets) { try await client.users(filter: filter, broker: $0.address) }
            try ACLRun.requireSomeAnswer(results, missing: "")
            return UserView.merge(results)
        }
        Emit.output(rows, format: output.output) { UserView.table(rows) }
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `getUser -c|-b -u USER` in its layout, the password column masked.
struct ClassicGetUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "getUser", abstract: "Get user from cluster.")

    @OptionGroup var target: ClassicAuthTarget
    @Option(name: [.customShort("u"), .customLong("username")], help: "the username of user to get") var username: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws { try ACLArgs.username(username, option: "-u") }

    func run() async throws {
        let name = username.trimmingCharacters(in: .whitespaces)
        let t = target.options
        let found = try await Session.withClient(connection) { client -> [BrokerResult<[UserInfo]>] in
            let targets = try await ACLRun.readTargets(client, cluster: t.cluster, broker: t.broker)
            let results = await client.fanOut(targets) { e -> [UserInfo] in
                try await client.user(name, broker: e.address).map { [$0] } ?? []
            }
            try ACLRun.requireSomeAnswer(results, missing: "user \(name) does not exist")
            return results
        }
        // Like Apache: the first master that has the user.
        guard let hit = found.first(where: { !($0.value ?? []).isEmpty }), let user = hit.value?.first else {
            throw CLIError("user \(name) does not exist", exit: .notFound)
        }
        let row = UserView.merge([hit])[0]
        Emit.output(row, format: output.output) { ClassicAuthLayout.userHeader() + ClassicAuthLayout.userLine(user) }
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `listUser -c|-b [-f FILTER]` in its layout, passwords masked.
struct ClassicListUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "listUser", abstract: "List user from cluster.")

    @OptionGroup var target: ClassicAuthTarget
    @Option(name: [.customShort("f"), .customLong("filter")], help: "the filter to list users") var filter: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func run() async throws {
        let filter = self.filter?.trimmingCharacters(in: .whitespaces)
        let t = target.options
        let results = try await Session.withClient(connection) { client -> [BrokerResult<[UserInfo]>] in
            let targets = try await ACLRun.readTargets(client, cluster: t.cluster, broker: t.broker)
            let results = await client.fanOut(targets) { try await client.users(filter: filter, broker: $0.address) }
            try ACLRun.requireSomeAnswer(results, missing: "")
            return results
        }
        // Like Apache: the first master with users; with -c also `get user from ADDR success.`
        let hit = results.first { !($0.value ?? []).isEmpty }
        let rows = hit.map { UserView.merge([$0]) } ?? []
        Emit.output(rows, format: output.output) {
            guard let hit, let users = hit.value else { return "" }
            var out = ClassicAuthLayout.userHeader() + users.map(ClassicAuthLayout.userLine).joined()
            if t.cluster != nil { out += "get user from \(hit.endpoint.address) success.\n" }
            return out
        }
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `getAcl -c|-b -s SUBJECT`: the ACL of every master, each in Apache's layout.
struct ClassicGetAcl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "getAcl", abstract: "Get acl from cluster.")

    @OptionGroup var target: ClassicAuthTarget
    @Option(name: [.customShort("s"), .customLong("subject")], help: "the subject of acl to get") var subject: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws { _ = try ACLArgs.subject(subject, option: "-s") }

    func run() async throws {
        let subject = try ACLArgs.subject(self.subject, option: "-s")
        let t = target.options
        let results = try await Session.withClient(connection) { client -> [BrokerResult<[AclInfo]>] in
            let targets = try await ACLRun.readTargets(client, cluster: t.cluster, broker: t.broker)
            let results = await client.fanOut(targets) { e -> [AclInfo] in
                try await client.acl(subject: subject, broker: e.address).map { [$0] } ?? []
            }
            try ACLRun.requireSomeAnswer(results, missing: "user \(AuthSubject.username(subject) ?? subject) does not exist")
            return results
        }
        let rows = AclView.merge(results)
        guard !rows.isEmpty else { throw CLIError("\(subject) has no ACL", exit: .notFound) }
        Emit.output(rows[0], format: output.output) {
            results.flatMap { $0.value ?? [] }.map { ClassicAuthLayout.aclHeader() + ClassicAuthLayout.aclRows($0) }.joined()
        }
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin acl get`: a user's ACL as every master has it.
struct AclGet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show a user's ACL on every master broker.")

    @Option(name: [.customShort("s"), .customLong("subject")], help: "User:NAME (or just NAME).") var subject: String
    @OptionGroup var target: ACLTargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { _ = try ACLArgs.subject(subject, option: "--subject") }

    func run() async throws {
        let subject = try ACLArgs.subject(self.subject, option: "--subject")
        let rows = try await Session.withClient(connection) { client in
            let targets = try await ACLRun.readTargets(client, cluster: target.cluster, broker: target.broker)
            let results = await client.fanOut(targets) { e -> [AclInfo] in
                try await client.acl(subject: subject, broker: e.address).map { [$0] } ?? []
            }
            try ACLRun.requireSomeAnswer(results, missing: "user \(AuthSubject.username(subject) ?? subject) does not exist")
            return AclView.merge(results)
        }
        guard let first = rows.first else { throw CLIError("\(subject) has no ACL", exit: .notFound) }
        Emit.output(first, format: output.output) { AclView.table(rows) }
        if rows.count > 1 { Emit.note("note: the brokers disagree about the ACL of \(subject); see the BROKERS column") }
    }
}

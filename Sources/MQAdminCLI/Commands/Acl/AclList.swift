import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin acl list`: every ACL of every master, merged.
struct AclList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List ACLs of every master broker.")

    @Option(name: .customLong("subject-filter"), help: "Only subjects containing this.") var subjectFilter: String?
    @Option(name: .customLong("resource-filter"), help: "Only entries whose resource contains this.") var resourceFilter: String?
    @OptionGroup var target: ACLTargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (subjectFilter, resourceFilter) = (self.subjectFilter, self.resourceFilter)
        let rows = try await Session.withClient(connection) { client in
            let targets = try await ACLRun.readTargets(client, cluster: target.cluster, broker: target.broker)
            let results = await client.fanOut(targets) {
                try await client.acls(subjectFilter: subjectFilter, resourceFilter: resourceFilter, broker: $0.address)
            }
            try ACLRun.requireSomeAnswer(results, missing: "")
            return AclView.merge(results)
        }
        Emit.output(rows, format: output.output) { AclView.table(rows) }
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `listAcl -c|-b [-s SUBJECT_FILTER] [-r RESOURCE_FILTER]`: every master's ACLs in Apache's layout.
struct ClassicListAcl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "listAcl", abstract: "List acl from cluster.")

    @OptionGroup var target: ClassicAuthTarget
    @Option(name: [.customShort("s"), .customLong("subject")], help: "the subject of acl to filter.") var subject: String?
    @Option(name: [.customShort("r"), .customLong("resource")], help: "the resource of acl to filter.") var resource: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func run() async throws {
        let (subjectFilter, resourceFilter) = (subject?.trimmingCharacters(in: .whitespaces), resource?.trimmingCharacters(in: .whitespaces))
        let t = target.options
        let results = try await Session.withClient(connection) { client -> [BrokerResult<[AclInfo]>] in
            let targets = try await ACLRun.readTargets(client, cluster: t.cluster, broker: t.broker)
            let results = await client.fanOut(targets) {
                try await client.acls(subjectFilter: subjectFilter, resourceFilter: resourceFilter, broker: $0.address)
            }
            try ACLRun.requireSomeAnswer(results, missing: "")
            return results
        }
        Emit.output(AclView.merge(results), format: output.output) {
            results.compactMap { r -> String? in
                guard let acls = r.value, !acls.isEmpty else { return nil }
                return ClassicAuthLayout.aclHeader() + acls.map(ClassicAuthLayout.aclRows).joined()
            }.joined()
        }
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `deleteAcl -c|-b -s SUBJECT [-r RESOURCE]` (prints `delete acl to ADDR success.`); never asks.
struct ClassicDeleteAcl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deleteAcl", abstract: "Delete acl from cluster.")

    @OptionGroup var target: ClassicAuthTarget
    @Option(name: [.customShort("s"), .customLong("subject")], help: "the subject of acl to delete.") var subject: String
    @Option(name: [.customShort("r"), .customLong("resources")], help: "the resources of acl to delete") var resource: String?
    @OptionGroup var ignoredYes: ClassicIgnoredYes
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        _ = try ACLArgs.subject(subject, option: "-s")
        if let resource { _ = try ACLArgs.resources([resource], option: "-r") }
    }

    func run() async throws {
        let subject = try ACLArgs.subject(self.subject, option: "-s")
        let resource = try self.resource.map { try ACLArgs.resources([$0], option: "-r")[0].key }
        let t = target.options
        let view = try await Session.withClient(connection) { client in
            let targets = try await ACLRun.writeTargets(client, cluster: t.cluster, broker: t.broker)
            let results = await client.authWrite(targets) {
                try await client.deleteAcl(subject: subject, resource: resource, broker: $0.address)
            }
            return AuthWriteView(action: "delete", kind: "acl", name: subject, results: results)
        }
        Emit.output(view, format: output.output) { ClassicAuth.successLines(view) }
        try view.failIfNeeded(missing: "\(subject) has no ACL (or the user does not exist)")
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin acl delete`: a user's whole ACL, or one resource's entry, on every broker.
struct AclDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a user's ACL (or only one resource's entry) from every broker.")

    @Option(name: [.customShort("s"), .customLong("subject")], help: "User:NAME (or just NAME).") var subject: String
    @Option(name: [.customShort("r"), .customLong("resource")], help: "Only this resource's entry.") var resource: String?
    @Flag(name: [.customShort("y"), .customLong("yes")], help: "Do not ask for confirmation.") var yes = false
    @OptionGroup var target: ACLTargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        _ = try ACLArgs.subject(subject, option: "--subject")
        if let resource { _ = try ACLArgs.resources([resource], option: "--resource") }
    }

    func run() async throws {
        let subject = try ACLArgs.subject(self.subject, option: "--subject")
        let resource = try self.resource.map { try ACLArgs.resources([$0], option: "--resource")[0].key }
        let what = resource.map { "delete the \($0) entry of \(subject)" } ?? "delete the whole ACL of \(subject)"
        try Confirm.destructive(what, token: AuthSubject.username(subject) ?? subject, yes: yes)
        let view = try await Session.withClient(connection) { client in
            let targets = try await ACLRun.writeTargets(client, cluster: target.cluster, broker: target.broker)
            let results = await client.authWrite(targets) {
                try await client.deleteAcl(subject: subject, resource: resource, broker: $0.address)
            }
            return AuthWriteView(action: "delete", kind: "acl", name: subject, results: results)
        }
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfNeeded(missing: "\(subject) has no ACL (or the user does not exist)")
    }
}

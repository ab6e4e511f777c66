import ArgumentParser
import MQClient
import MQProtocol

/// Apache's option letters of createAcl/updateAcl.
struct ClassicAclOptions: ParsableArguments {
    @Option(name: [.customShort("s"), .customLong("subject")], help: "the subject of acl (User:NAME)") var subject: String
    @Option(name: [.customShort("r"), .customLong("resources")], help: "the resources of acl (comma-separated)")
    var resources: String
    @Option(name: [.customShort("a"), .customLong("actions")], help: "the actions of acl (comma-separated)") var actions: String
    @Option(name: [.customShort("d"), .customLong("decision")], help: "the decision of acl (Allow|Deny)") var decision: String
    @Option(name: [.customShort("i"), .customLong("sourceIp")], help: "the sourceIps of acl (comma-separated)")
    var sourceIp: String?

    func validate() throws { _ = try info() }

    func info() throws -> AclInfo {
        var o = AclWriteOptions()
        o.subject = subject
        o.resources = [resources]
        o.actions = [actions]
        o.decision = decision.trimmingCharacters(in: .whitespaces)
        o.sourceIps = sourceIp.map { [$0] } ?? []
        return try o.info()
    }

    func write(update: Bool, target: ClassicAuthTarget, connection: ConnectionOptions, output: OutputFormat) async throws {
        let info = try info()
        let view = try await AclWrite.run(info, update: update, target: target.options, connection: connection)
        Emit.output(view, format: output) { ClassicAuth.successLines(view) }
        try view.failIfNeeded(missing: AclWrite.missing(info.subject ?? ""))
    }
}

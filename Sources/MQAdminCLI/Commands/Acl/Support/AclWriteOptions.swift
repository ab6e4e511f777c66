import ArgumentParser
import MQProtocol

/// What `acl create|update` and the classic createAcl/updateAcl send: one policy entry per resource with the
/// same actions, source IPs and decision.
struct AclWriteOptions: ParsableArguments {
    @Option(name: [.customShort("s"), .customLong("subject")], help: "User:NAME (or just NAME).")
    var subject: String

    @Option(
        name: [.customShort("r"), .customLong("resource")],
        help: ArgumentHelp("Topic:NAME, Group:NAME, Cluster:NAME, Type:prefix* or * (repeatable or comma-separated).", valueName: "resource"))
    var resources: [String] = []

    @Option(
        name: [.customShort("a"), .customLong("action")],
        help: ArgumentHelp("Pub, Sub, Create, Update, Delete, Get, List or All (repeatable or comma-separated).", valueName: "action"))
    var actions: [String] = []

    @Option(name: [.customShort("d"), .customLong("decision")], help: "Allow or Deny.")
    var decision: String

    @Option(
        name: [.customShort("i"), .customLong("source-ip")],
        help: ArgumentHelp("Only from these IPs or CIDR blocks (repeatable or comma-separated).", valueName: "ip"))
    var sourceIps: [String] = []

    func validate() throws { _ = try info() }

    /// The body, validated locally first so nothing reaches a broker that it would refuse.
    func info() throws -> AclInfo {
        let subject = try ACLArgs.subject(self.subject, option: "--subject")
        let resources = try ACLArgs.resources(self.resources, option: "--resource")
        let actions = try ACLArgs.actions(self.actions, option: "--action")
        let decision = try ACLArgs.decision(self.decision, option: "--decision")
        let ips = try ACLArgs.sourceIps(sourceIps, option: "--source-ip")
        return AclInfo.of(
            subject: subject, resources: resources.map(\.key), actions: actions.map(\.rawValue),
            sourceIps: ips.isEmpty ? nil : ips, decision: decision.rawValue)
    }
}

enum AclWrite {
    /// Writes `info` to the targets (create and update merge alike on the broker).
    static func run(
        _ info: AclInfo, update: Bool, target: ACLTargetOptions, connection: ConnectionOptions
    ) async throws -> AuthWriteView {
        try await Session.withClient(connection) { client in
            let targets = try await ACLRun.writeTargets(client, cluster: target.cluster, broker: target.broker)
            let results = await client.authWrite(targets) { try await client.putAcl(info, update: update, broker: $0.address) }
            return AuthWriteView(action: update ? "update" : "create", kind: "acl", name: info.subject ?? "", results: results)
        }
    }

    static func missing(_ subject: String) -> String {
        let name = AuthSubject.username(subject) ?? subject
        return "user \(name) does not exist; create it first with `mqadmin user create \(name)`"
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin acl explain`: would the broker allow this user this action on this resource, and why.
struct AclExplain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain whether a user may do an action on a resource: the decision, the entry that decided, and the closest entry that would allow it.",
        discussion: """
            Reads the user and its ACL from every master broker and runs the broker's own decision code on \
            them, so the answer is the broker's. Exit 0 either way; read the decision (or `allowed` in JSON).
            """)

    @Option(name: [.customShort("u"), .customLong("user")], help: "Username (or User:NAME).") var user: String
    @Option(name: [.customShort("r"), .customLong("resource")], help: "e.g. Topic:orders or Group:g1.") var resource: String
    @Option(name: [.customShort("a"), .customLong("action")], help: "e.g. Pub (several, comma-separated: any one suffices).")
    var action: String
    @Option(name: [.customShort("i"), .customLong("source-ip")], help: "The client's IP address.") var sourceIp: String?
    @OptionGroup var target: ACLTargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { _ = try parsed() }

    func parsed() throws -> (String, Resource, [AuthAction]) {
        let subject = try ACLArgs.subject(user, option: "--user")
        let resource = try ACLArgs.resources([resource], option: "--resource")
        guard resource.count == 1 else { throw ValidationError("--resource takes one resource") }
        if let sourceIp, !IPRange.isAddress(sourceIp) {
            throw ValidationError("--source-ip \"\(sourceIp)\" is not an IP address")
        }
        return (AuthSubject.username(subject)!, resource[0], try ACLArgs.actions([action], option: "--action", allowAny: true))
    }

    func run() async throws {
        let (username, resource, actions) = try parsed()
        let view = try await Session.withClient(connection) { client in
            try await ExplainView.load(
                client, username: username, resource: resource, actions: actions, sourceIp: sourceIp,
                targets: try await ACLRun.readTargets(client, cluster: target.cluster, broker: target.broker))
        }
        Emit.output(view, format: output.output) { view.table() }
        if !view.consistent { Emit.note("note: the brokers decide differently; see the BROKER table") }
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `copyAcl -f SOURCE_BROKER -t TARGET_BROKER [-s SUBJECT,...]`: ACL 2.0 policies from one broker to
/// another (created there, or replacing the subject's ACL where it exists).
struct ClassicCopyAcl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copyAcl",
        abstract: "Copy acl to cluster (Apache's classic command and output).",
        discussion: """
            Without -s every ACL of the source broker is copied. A subject named with -s (e.g. User:alice) that \
            the source has no ACL for is skipped, as in Apache's tool; when it has none of them the command exits 3.
            """)

    @Option(name: [.customShort("f"), .customLong("fromBroker")], help: "the source broker that the acls copy from")
    var fromBroker: String

    @Option(name: [.customShort("t"), .customLong("toBroker")], help: "the target broker that the acls copy to")
    var toBroker: String

    @Option(name: [.customShort("s"), .customLong("subjects")], help: "the subject list of acl to copy.")
    var subjects: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try AuthCopyView.checkBrokers(from: fromBroker.trimmed, to: toBroker.trimmed, fromOption: "-f", toOption: "-t")
    }

    func run() async throws {
        let (from, to) = (fromBroker.trimmed, toBroker.trimmed)
        let names = AuthCopyView.names(subjects)
        let view = try await Session.withClient(connection) { client in
            try await AuthCopyView.copyAcls(client, from: from, to: to, subjects: names)
        }
        Emit.output(view, format: output.output) { view.classicLines }
        try view.failIfNeeded()
    }
}

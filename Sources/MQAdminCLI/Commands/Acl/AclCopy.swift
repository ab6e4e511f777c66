import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin acl copy --from BROKER --to BROKER [SUBJECT...]`: ACLs from one broker to another, created there or
/// replacing the subject's ACL where it exists; Apache's copyAcl.
struct AclCopy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy ACLs from one broker to another.",
        discussion: """
            Without SUBJECT every ACL of --from is copied. The subject's user must exist on --to (`user copy` \
            first). A subject --from has no ACL for is skipped; when it has none of them the command exits 3. \
            Classic form: `mqadmin copyAcl -f FROM -t TO -s SUBJECTS`.
            """)

    @Argument(help: "Subjects to copy, e.g. User:alice (default: every ACL of --from).") var subjects: [String] = []
    @Option(name: .customLong("from"), help: ArgumentHelp("The broker to copy from.", valueName: "host:port"))
    var from: String
    @Option(name: .customLong("to"), help: ArgumentHelp("The broker to copy to.", valueName: "host:port"))
    var to: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try AuthCopyView.checkBrokers(from: from, to: to, fromOption: "--from", toOption: "--to")
    }

    func run() async throws {
        let (from, to, names) = (self.from, self.to, subjects)
        let view = try await Session.withClient(connection) { client in
            try await AuthCopyView.copyAcls(client, from: from, to: to, subjects: names)
        }
        Emit.output(view, format: output.output) { view.table }
        try view.failIfNeeded()
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `copyUser -f SOURCE_BROKER -t TARGET_BROKER [-u USER,...]`: ACL 2.0 users, with their passwords,
/// from one broker to another (created there, or updated where they exist).
struct ClassicCopyUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copyUser",
        abstract: "Copy user to cluster (Apache's classic command and output).",
        discussion: """
            Without -u every user of the source broker is copied. A user named with -u that the source does not \
            have is skipped, as in Apache's tool; when it has none of them the command exits 3.
            """)

    @Option(name: [.customShort("f"), .customLong("fromBroker")], help: "the source broker that the users copy from")
    var fromBroker: String

    @Option(name: [.customShort("t"), .customLong("toBroker")], help: "the target broker that the users copy to")
    var toBroker: String

    @Option(name: [.customShort("u"), .customLong("usernames")], help: "the username list of user to copy.")
    var usernames: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try AuthCopyView.checkBrokers(from: fromBroker.trimmed, to: toBroker.trimmed, fromOption: "-f", toOption: "-t")
    }

    func run() async throws {
        let (from, to) = (fromBroker.trimmed, toBroker.trimmed)
        let names = AuthCopyView.names(usernames)
        let view = try await Session.withClient(connection) { client in
            try await AuthCopyView.copyUsers(client, from: from, to: to, names: names)
        }
        Emit.output(view, format: output.output) { view.classicLines }
        try view.failIfNeeded()
    }
}

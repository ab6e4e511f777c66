import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin user copy --from BROKER --to BROKER [USERNAME...]`: users (with their passwords) from one broker to
/// another, created there or updated where they exist; Apache's copyUser.
struct UserCopy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy users, with their passwords, from one broker to another.",
        discussion: """
            Without USERNAME every user of --from is copied. A named user --from does not have is skipped; when \
            it has none of them the command exits 3. Classic form: `mqadmin copyUser -f FROM -t TO -u NAMES`.
            """)

    @Argument(help: "Users to copy (default: every user of --from).") var usernames: [String] = []
    @Option(name: .customLong("from"), help: ArgumentHelp("The broker to copy from.", valueName: "host:port"))
    var from: String
    @Option(name: .customLong("to"), help: ArgumentHelp("The broker to copy to.", valueName: "host:port"))
    var to: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try AuthCopyView.checkBrokers(from: from, to: to, fromOption: "--from", toOption: "--to")
        for name in usernames { try ACLArgs.username(name, option: "USERNAME") }
    }

    func run() async throws {
        let (from, to, names) = (self.from, self.to, usernames)
        let view = try await Session.withClient(connection) { client in
            try await AuthCopyView.copyUsers(client, from: from, to: to, names: names)
        }
        Emit.output(view, format: output.output) { view.table }
        try view.failIfNeeded()
    }
}

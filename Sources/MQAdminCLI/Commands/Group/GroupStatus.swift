import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// `mqadmin group status GROUP [--client ID] [--stack]`: what each live member says about itself
/// (GET_CONSUMER_RUNNING_INFO, relayed by a broker over the member's own connection).
struct GroupStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Ask each live member of a group for its state: per queue offsets, cache, locks, last pull/consume.",
        discussion: """
            Every member (or only --client) is asked through a broker it is connected to; its answer shows per \
            queue the committed offset, cached messages, lock and last pull/consume times, per topic pull and \
            consume rates and failures, and its subscriptions. --stack adds the member's thread stacks (Java; a \
            Swift client sends a task dump, the C++ client nothing). A member that does not answer within the \
            broker's 10 s is reported as one line and the others are still shown. Exits 0 when every member \
            answered, 4 when at least one did not, 3 when the group has no online member.
            """
    )

    @Argument(help: "Consumer group.", completion: .custom(LiveNames.groups)) var group: String
    @Option(name: .customLong("client"), help: "Only this client id (see `group describe`).") var clientId: String?
    @Flag(name: .customLong("stack"), help: "Ask for the members' thread stacks.") var stack = false
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try GroupTargets.validateName(group) }

    func run() async throws {
        let members = try await Session.with(connection) { session in
            try await session.client.groupRunningInfo(group: group, clientId: clientId, jstack: stack)
        }
        guard !members.isEmpty else {
            throw CLIError(
                "consumer group \(group) has no online member to ask; see `mqadmin group describe \(group)`",
                exit: .notFound)
        }
        let now = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        let view = GroupStatusView(group: group, members: members, now: now, stack: stack)
        Emit.output(view, format: output.output) { view.table }
        if view.didNotAnswer > 0 {
            throw CLIError("\(view.didNotAnswer) of \(view.members.count) members did not answer", exit: .unreachable)
        }
    }
}

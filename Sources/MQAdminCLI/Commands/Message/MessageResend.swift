import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin message resend MSGID --group G [--topic T] [--client ID]`: one stored message to a consumer again.
struct MessageResend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resend",
        abstract: "Give a stored message to a consumer group again: to one live client, or to the whole group.",
        discussion: """
            With --client, the broker that stores the message pushes it to that client (CONSUME_MESSAGE_DIRECTLY), \
            whose listener runs on it once, outside its queues (no offset moves, nothing is retried), and the \
            client's answer is printed: CR_SUCCESS, CR_LATER, ... and the time it took. Clients that do not \
            implement it (the C++ client) do not answer: exit 4 after the broker's 10 s. \
            Without --client, the message is handed to the group's retry topic %RETRY%GROUP as a consumer's \
            failed message is (CONSUMER_SEND_MSG_BACK): the broker stores a copy with RETRY_TOPIC (its topic), \
            ORIGIN_MESSAGE_ID and reconsume times + 1, and whichever member owns the retry queue consumes it \
            after 1 s, once for the group; the group's offsets do not move. A message that used up the group's \
            retries (one from %DLQ%GROUP) is retried once more all the same.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Offset message id, or message id (UNIQ_KEY) with --topic.") var id: String
    @Option(name: [.customShort("g"), .long], help: "Consumer group to give it to.",
        completion: .custom(LiveNames.groups))
    var group: String
    @Option(name: [.customShort("t"), .long], help: "Topic (needed for a UNIQ_KEY).",
        completion: .custom(LiveNames.topics))
    var topic: String?
    @Option(help: ArgumentHelp("Push it to this client of the group (see `group describe`).", valueName: "client-id"))
    var client: String?

    func validate() throws {
        if let topic, let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        if topic == nil && !MessageId.isOffsetMessageId(id) {
            throw ValidationError(
                "\(id) is not an offset message id (32 or 56 hex characters); "
                    + "for a message id (UNIQ_KEY) add --topic TOPIC")
        }
        if group.isEmpty || SystemTopics.validate(topic: group) != nil {
            throw ValidationError("--group must be a consumer group name")
        }
    }

    func run() async throws {
        let view = try await Session.with(connection) { session in
            let found = try await MessageResolve.one(id, topic: topic, client: session.client)
            return try await MessageResendView.resend(
                found.message, group: group, client: client, using: session.client)
        }
        Emit.output(view, format: output.output) { view.text() }
    }
}

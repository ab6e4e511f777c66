import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin dlq list GROUP [--since T] [--until T] [--key K] [--limit N]`
struct DLQList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the messages in a consumer group's dead-letter queue, oldest first.",
        discussion: """
            Reads %DLQ%GROUP on every broker as TOOLS_CONSUMER (nothing commits) and prints, per message, its id, \
            the topic it was consumed from (RETRY_TOPIC), keys, tags, how often it was retried, when the DLQ \
            stored it and the start of its body. A group without a DLQ topic exits 3.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Consumer group.", completion: .custom(LiveNames.groups)) var group: String
    @OptionGroup var window: DLQWindowOptions
    @Option(help: "At most this many messages (default 100).") var limit = 100

    func validate() throws {
        try GroupTargets.validateName(group)
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        try window.validate()
    }

    func run() async throws {
        let w = try window.window(group: group, limit: limit)
        let found = try await Session.withClient(connection) { client in try await client.deadLetters(w) }
        let view = DLQListView(group: group, found: found)
        Emit.output(view, format: output.output) { view.table() }
        if found.more { Emit.note("more messages in the DLQ window: showing the first \(limit); use --limit") }
        try LookupFailures.finish(found.failures, what: "dlq list")
    }
}

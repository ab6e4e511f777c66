import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin message browse TOPIC [--since T] [--until T] [--queue Q] [--tag] [--key] [--where SQL92] [--limit N]`
struct MessageBrowse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Print the messages a topic stored in a time window, across its queues in store-time order.",
        discussion: """
            Reads every queue of the topic on every broker (or --broker / --queue) from the first message stored \
            at or after --since (default: the queue's first message) up to, not including, --until (default: the \
            queue's end when the browse began), and prints the messages in store-time order (ties: broker, queue, \
            offset), then exits. Reads as TOOLS_CONSUMER and commits nothing: no group's position moves. Stops \
            at --limit messages (default 100) and says so when there were more. --tag filters on the broker; \
            --key and --where (a SQL92 condition on the properties, as a SQL92 subscriber gets them; \
            docs/sql92-filter.md) are checked here. Output: a table row per message, -o json one JSON object \
            per line (JSON Lines, the `message get` shape) and a closing summary line, or --format a line per \
            message from a template.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Topic to browse.", completion: .custom(LiveNames.topics)) var topic: String
    @Option(help: ArgumentHelp("First store time (inclusive): \(TimeArgument.forms).", valueName: "time"))
    var since: String?
    @Option(help: ArgumentHelp("Store time to stop before (exclusive), same forms.", valueName: "time"))
    var until: String?
    @Option(help: "At most this many messages (default 100).") var limit = 100
    @OptionGroup var select: BrowseOptions

    func validate() throws {
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if let since { try TimeArgument.validate(since, option: "--since") }
        if let until { try TimeArgument.validate(until, option: "--until") }
        try select.validate(output: output.output)
    }

    func run() async throws {
        var window = try select.window(topic: topic)
        window.since = try since.map { try TimeArgument.require($0, option: "--since") }
        window.until = try until.map { try TimeArgument.require($0, option: "--until") }
        if let from = window.since, let to = window.until, to <= from {
            throw CLIError("--until must be later than --since (the window is empty)", exit: .usage)
        }
        let template = try select.template()
        let (found, names) = try await Session.with(connection) { [window] session in
            do {
                return (try await session.client.browse(window, limit: limit), await BrokerNames.load(session.client))
            } catch ClientError.invalidArgument(let why) {
                throw CLIError(why, exit: .notFound)
            }
        }
        let stream = MessageStream(
            format: output.output, template: template, bodyFormat: select.bodyFormat, names: names)
        for m in found.messages { stream.print(m) }
        if found.more {
            Emit.note("more messages in the window: showing the first \(limit); use --limit to see more")
        }
        switch output.output {
        case .json: Emit.write(Emit.reportLine(summary(found, window)))
        case .table where template == nil && found.messages.isEmpty:
            Emit.write(Emit.report(table: "no messages in the window\n"))
        case .table: break
        }
        try LookupFailures.finish(found.failures, what: "browse")
    }

    func summary(_ found: BrowsedMessages, _ w: MessageWindow) -> BrowseSummaryJSON {
        BrowseSummaryJSON(
            topic: topic, since: OrNull(w.since), until: OrNull(w.until), count: found.messages.count,
            more: found.more, queues: found.ends.count)
    }
}

/// The summary line closing `message browse -o json`.
struct BrowseSummaryJSON: Encodable {
    var topic: String
    /// The window, epoch ms (null: open).
    var since: OrNull<Int64>
    var until: OrNull<Int64>
    var count: Int
    /// Messages were left out to keep to --limit.
    var more: Bool
    /// Queues read.
    var queues: Int
}

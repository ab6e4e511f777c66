import ArgumentParser
import MQClient
import MQProtocol
import Synchronization

/// `mqadmin message tail TOPIC [-c N | --since T] [--follow] [--tag] [--key] [--where SQL92] [--format T]`
struct MessageTail: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Print a topic's newest messages; with --follow, each new one as it arrives.",
        discussion: """
            Prints the newest -c messages of the topic (default 10; looking at the last -c of each queue) or, \
            with --since, every message stored since then, in store-time order; with --follow it then prints \
            each new message as it arrives (pulls wait at the broker, so a message shows as soon as it is \
            stored) until Ctrl-C / SIGTERM, and exits 0. No group, no commit: it reads as TOOLS_CONSUMER and \
            moves no group's position. Filters and output as in `message browse`; -o json ends with a summary \
            line.
            """
    )

    /// What --since may bring back at most, so a mistyped time cannot fill memory.
    static let sinceLimit = 100_000

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Topic to tail.", completion: .custom(LiveNames.topics)) var topic: String
    @Option(
        name: [.customShort("c"), .customLong("count")],
        help: "How many of the newest messages to print first (default 10, or 0 with --follow).")
    var lines: Int?
    @Option(help: ArgumentHelp("Start at this store time instead: \(TimeArgument.forms).", valueName: "time"))
    var since: String?
    @Flag(help: "Keep printing new messages until Ctrl-C (SIGINT) or SIGTERM.") var follow = false
    @OptionGroup var select: BrowseOptions

    func validate() throws {
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        if let lines, lines < 0 { throw ValidationError("-c/--count must be 0 or more") }
        if let since {
            guard lines == nil else { throw ValidationError("give -c or --since, not both") }
            try TimeArgument.validate(since, option: "--since")
        }
        try select.validate(output: output.output)
    }

    func run() async throws {
        var window = try select.window(topic: topic)
        window.since = try since.map { try TimeArgument.require($0, option: "--since") }
        let template = try select.template()
        let count = lines ?? (follow ? 0 : 10)
        let printed = try await Session.with(connection) { [window] session in
            let stream = MessageStream(
                format: output.output, template: template, bodyFormat: select.bodyFormat,
                names: await BrokerNames.load(session.client))
            let start: BrowsedMessages
            do {
                start =
                    window.since == nil
                    ? try await session.client.newestMessages(window, count: count)
                    : try await session.client.browse(window, limit: Self.sinceLimit)
            } catch ClientError.invalidArgument(let why) {
                throw CLIError(why, exit: .notFound)
            }
            for m in start.messages { stream.print(m) }
            if start.more, window.since != nil {
                Emit.note("more than \(Self.sinceLimit) messages since then: showing the first; use a later --since")
            }
            try LookupFailures.finish(start.failures, what: "tail")
            guard follow else { return start.messages.count }
            Emit.note("following \(start.ends.count) queue(s) of \(topic); Ctrl-C to stop")
            let followed = FollowedCount()
            var live = window
            live.since = nil
            let console = Console.current
            try await UntilSignalled.run { [live, client = session.client] in
                let failed: @Sendable (MessageQueue, any Error) -> Void = { mq, error in
                    console.writeError(
                        "mqadmin: \(mq.brokerName)/\(mq.queueId): \(error); retrying every second\n")
                }
                await client.follow(live, from: start.ends, failed: failed) { m in
                    stream.print(m)
                    followed.add()
                }
            }
            return start.messages.count + followed.value
        }
        if output.output == .json {
            Emit.write(Emit.reportLine(TailSummaryJSON(topic: topic, count: printed, followed: follow)))
        }
    }
}

/// The summary line closing `message tail -o json`.
struct TailSummaryJSON: Encodable {
    var topic: String
    var count: Int
    /// It followed new messages (--follow) until interrupted.
    var followed: Bool
}

/// How many messages `--follow` printed, counted from the pulls' tasks.
final class FollowedCount: Sendable {
    private let count = Mutex(0)

    func add() { count.withLock { $0 += 1 } }

    var value: Int { count.withLock { $0 } }
}

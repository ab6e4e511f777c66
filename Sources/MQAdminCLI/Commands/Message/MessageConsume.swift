import ArgumentParser
import MQClient
import MQProtocol
import Synchronization

extension ConsumeStart: ExpressibleByArgument {}

/// `mqadmin message consume TOPIC --group G [-c N] [--follow] [--tag EXPR] [--where SQL92] [--from ...]`
struct MessageConsume: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consume",
        abstract: "Consume messages as a member of a consumer group, printing each as it arrives.",
        discussion: """
            Joins the group as a consumer (clientId mqadmin@HOST@PID, clustering, subscribed to the topic and \
            the group's retry topic): group describe and consumerConnection list it, and the group's queues are \
            shared by rebalance with its other members, real clients and other `message consume` runs alike, so \
            no message goes to two of them. Each queue starts at --from (committed: the group's committed \
            offset, or the queue's first message where it never committed; earliest; latest). Each message is \
            printed as it arrives: a table row, or with -o json one JSON object per line (JSON Lines) and a \
            closing summary line. Stops after -c messages (default 1), or once its queues are read to the end \
            and nothing came for --wait (default 0s), or with --follow only at Ctrl-C / SIGTERM (exit 0). It \
            commits per queue the offset after the last message printed, never past one not printed, every 5 s \
            while following and when it stops, then leaves the group (--no-commit to only look). --from \
            earliest|latest is refused while the group has other members online, as its commits would move \
            their positions (--from committed shares their queues; --no-commit only looks). \
            --where takes only messages whose properties satisfy a SQL92 condition, as a consumer subscribed \
            with SQL92 would get them (e.g. "a > 5 AND region = 'eu'"; docs/sql92-filter.md); the others \
            count as consumed.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Topic to consume.", completion: .custom(LiveNames.topics)) var topic: String
    @Option(name: [.customShort("g"), .long], help: "Consumer group to consume as.",
        completion: .custom(LiveNames.groups))
    var group: String
    @Option(
        name: [.customShort("c"), .customLong("count")], help: "How many messages (default 1; with --follow no limit).")
    var count: Int?
    @Flag(help: "Keep consuming until Ctrl-C (SIGINT) or SIGTERM.") var follow = false
    @Option(help: ArgumentHelp("Tag filter: * or TagA || TagB.", valueName: "expr")) var tag = "*"
    @Option(
        name: .customLong("where"),
        help: ArgumentHelp("SQL92 property filter, e.g. \"a > 5 AND region = 'eu'\".", valueName: "expr"))
    var whereExpression: String?
    @Option(help: "Start at the group's committed offset, the earliest or the latest message.")
    var from: ConsumeStart = .committed
    @Option(
        help: ArgumentHelp("Wait this long for messages when the queues run dry (e.g. 10s).", valueName: "duration"))
    var wait = "0s"
    @Flag(name: .customLong("no-commit"), help: "Do not commit offsets afterwards.") var noCommit = false
    @Option(name: .customLong("body-format"), help: "text, hex or base64 (default: text if valid UTF-8, else hex).")
    var bodyFormat: BodyFormat?
    @OptionGroup var tracing: TraceWriteOptions

    func validate() throws {
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        if let why = SystemTopics.validate(group: group) { throw ValidationError(why) }
        guard (count ?? 1) > 0 else { throw ValidationError("-c/--count must be at least 1") }
        _ = try propertyFilter()
        guard Duration.parse(wait) != nil || wait == "0" else {
            throw ValidationError("--wait \"\(wait)\" is not a duration; use e.g. 10s or 2m")
        }
        if follow, Duration.parse(wait) != .zero, wait != "0" {
            throw ValidationError("--follow consumes until Ctrl-C; drop --wait, which only ends a run without it")
        }
    }

    /// The parsed --where expression; a malformed one is a usage error naming the problem and its position.
    func propertyFilter() throws -> FilterExpression? {
        guard let whereExpression else { return nil }
        do {
            return try FilterExpression.parse(whereExpression)
        } catch {
            throw ValidationError("--where: \(error)")
        }
    }

    func run() async throws {
        var request = MemberConsumption(topic: topic, group: group, clientId: MemberIdentity.next())
        request.expression = tag
        request.filter = try propertyFilter()
        request.from = from
        request.limit = follow ? count : (count ?? 1)
        request.idle = follow ? nil : (Duration.parse(wait) ?? .zero)
        request.commit = !noCommit
        let console = Console.current
        if follow {
            // A long run says when rebalancing changes its share of the queues (stderr: notes for people).
            request.onAssignment = { [topic, group, id = request.clientId] queues, members in
                console.writeError(
                    "mqadmin: \(id) owns \(queues.count) queue(s) of \(topic) (group \(group), \(members) member(s))\n")
            }
        }
        let (summary, traced) = try await Session.with(connection) { session in
            let stream = ConsumeStream(
                format: output.output, bodyFormat: bodyFormat, names: await BrokerNames.load(session.client),
                console: console)
            let tracer = tracing.dispatcher(client: session.client, group: group, role: .consume)
            let printed = PrintedMessages(keeping: tracer != nil)
            let summary = try await UntilSignalled.run { [request] in
                try await session.client.consumeAsMember(request) { m in
                    stream.print(m)
                    printed.add(m)
                }
            }
            // Traced as a Java listener with batch size 1 gets them, once the run is over.
            await tracer?.consume(printed.all, group: group, topic: topic) { _ in true }
            return (summary, await tracer?.shutdown())
        }
        switch output.output {
        case .json: Emit.write(Emit.reportLine(summaryJSON(summary)))
        case .table:
            let ending = ConsumeStream.ending(summary, committing: !noCommit)
            Emit.write(Emit.report(table: ending) + TraceWriteOptions.summary(traced, topic: tracing.traceTopic))
        }
        if let failed = summary.commitFailures.first {
            for f in summary.commitFailures.dropFirst() {
                Emit.note("mqadmin: commit failed for \(f.queue): \(f.error)")
            }
            throw CLIError(
                "consumed \(summary.count) messages but the commit failed for \(failed.queue): \(failed.error); "
                    + "the group's offsets there are unchanged", exit: .failed)
        }
        try TraceWriteOptions.finish(traced)
    }

    func summaryJSON(_ s: ConsumeSummary) -> ConsumeSummaryJSON {
        ConsumeSummaryJSON(
            topic: topic, group: group, from: from.rawValue, count: s.count, ended: s.ended.rawValue,
            commits: s.commits.map { .init(broker: $0.queue.brokerName, queueId: $0.queue.queueId, offset: $0.offset) })
    }
}

/// The messages printed, kept only when they are traced afterwards.
final class PrintedMessages: Sendable {
    private let keeping: Bool
    private let messages = Mutex<[MessageExt]>([])

    init(keeping: Bool) { self.keeping = keeping }

    func add(_ m: MessageExt) {
        if keeping { messages.withLock { $0.append(m) } }
    }

    var all: [MessageExt] { messages.withLock { $0 } }
}

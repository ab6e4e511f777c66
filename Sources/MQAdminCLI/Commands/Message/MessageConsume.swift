import ArgumentParser
import MQClient
import MQProtocol

extension ConsumeStart: ExpressibleByArgument {}

/// `mqadmin message consume TOPIC --group G [-c N] [--tag EXPR] [--where SQL92] [--from earliest|latest|committed]`
struct MessageConsume: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consume",
        abstract: "Consume messages as a consumer group, then commit its offsets.",
        discussion: """
            Reads the topic's queues in turn from --from (committed: the group's committed offset, or the \
            queue's first message where it never committed; earliest; latest), stops after -c messages or \
            when the queues run dry (--wait waits for more), then commits per queue the offset after the last \
            message taken (--no-commit to only look). Refuses while the group has online consumers. \
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
    @Option(name: [.customShort("c"), .customLong("count")], help: "How many messages.") var count = 1
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
        guard count > 0 else { throw ValidationError("-c/--count must be at least 1") }
        _ = try propertyFilter()
        guard Duration.parse(wait) != nil || wait == "0" else {
            throw ValidationError("--wait \"\(wait)\" is not a duration; use e.g. 10s or 2m")
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
        let waitFor = Duration.parse(wait) ?? .zero
        let filter = try propertyFilter()
        let (consumed, names, traced) = try await Session.with(connection) { session in
            let r = try await session.client.consumeMessages(
                topic: topic, group: group, count: count, expression: tag, filter: filter, from: from, wait: waitFor,
                commit: !noCommit)
            // The messages are handed over here, one at a time, as a Java listener with batch size 1 gets them.
            let tracer = tracing.dispatcher(client: session.client, group: group, role: .consume)
            await tracer?.consume(r.messages, group: group, topic: topic) { _ in true }
            return (r, await BrokerNames.load(session.client), await tracer?.shutdown())
        }
        let views = consumed.messages.map { MessageView($0, broker: names.name($0.storeHost), bodyIsStored: false) }
        let json = ConsumeJSON(
            topic: topic, group: group, from: from.rawValue, count: views.count,
            messages: views.map { MessageJSON($0, format: bodyFormat) },
            commits: consumed.commits.map {
                .init(broker: $0.queue.brokerName, queueId: $0.queue.queueId, offset: $0.offset)
            })
        Emit.output(json, format: output.output) {
            table(views, consumed) + TraceWriteOptions.summary(traced, topic: tracing.traceTopic)
        }
        if let failed = consumed.commitFailures.first {
            for f in consumed.commitFailures.dropFirst() {
                Emit.note("mqadmin: commit failed for \(f.queue): \(f.error)")
            }
            throw CLIError(
                "consumed \(views.count) messages but the commit failed for \(failed.queue): \(failed.error); "
                    + "the group's offsets there are unchanged", exit: .failed)
        }
        try TraceWriteOptions.finish(traced)
    }

    func table(_ views: [MessageView], _ consumed: ConsumedMessages) -> String {
        var t = TextTable(
            [
                .init("BROKER"), .init("QUEUE", .right), .init("OFFSET", .right), .init("MSG ID"), .init("TAGS"),
                .init("KEYS"), .init("STORED"), .init("BODY"),
            ])
        for v in views {
            let m = v.message
            var body = v.bodyString(bodyFormat).replacingOccurrences(of: "\n", with: "\\n")
            if body.count > 60 { body = String(body.prefix(57)) + "..." }
            t.add([
                v.broker ?? m.storeHost.description, String(m.queueId), String(m.queueOffset), m.msgId, m.tags ?? "-",
                m.keys.joined(separator: " "), TimeFormat.iso(m.storeTimestamp), body,
            ])
        }
        var out = views.isEmpty ? "no messages to consume\n" : t.render(trimmingTrailingSpaces: true)
        if noCommit {
            out += "\noffsets not committed (--no-commit)\n"
        } else if !consumed.commits.isEmpty {
            out +=
                "\ncommitted: "
                + consumed.commits.map { "\($0.queue.brokerName)/\($0.queue.queueId)=\($0.offset)" }
                .joined(separator: " ") + "\n"
        }
        return out
    }
}

/// The JSON shape of `message consume`.
struct ConsumeJSON: Encodable {
    struct Commit: Encodable {
        var broker: String
        var queueId: Int32
        var offset: Int64
    }
    var topic: String
    var group: String
    var from: String
    var count: Int
    var messages: [MessageJSON]
    var commits: [Commit]
}

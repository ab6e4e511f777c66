import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// `mqadmin message get ID [--topic T]` or `mqadmin message get --topic T --broker B --queue Q --offset O`
struct MessageGet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one message: by offset message id, by message id (UNIQ_KEY) with --topic, or by queue offset.",
        discussion: """
            Lists every field and property. Bodies print as text when they are valid UTF-8, else as hex \
            (--body-format to choose); compressed bodies are shown decompressed. --save writes the body to a file.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Offset message id, or message id (UNIQ_KEY) with --topic.") var id: String?
    @Option(name: [.customShort("t"), .long], help: "Topic (for a UNIQ_KEY, or with --broker/--queue/--offset).",
        completion: .custom(LiveNames.topics))
    var topic: String?
    @Option(help: "Broker name of the queue.") var broker: String?
    @Option(name: [.customShort("q"), .long], help: "Queue id.") var queue: Int32?
    @Option(help: "Queue offset.") var offset: Int64?
    @Option(name: .customLong("body-format"), help: "text, hex or base64 (default: text if valid UTF-8, else hex).")
    var bodyFormat: BodyFormat?
    @Option(help: ArgumentHelp("Also write the body (decompressed) to this file.", valueName: "file")) var save: String?

    var byQueue: Bool { broker != nil || queue != nil || offset != nil }

    func validate() throws {
        if let topic, let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        if byQueue {
            guard id == nil else { throw ValidationError("give either an ID or --broker/--queue/--offset, not both") }
            guard topic != nil, broker != nil, queue != nil, offset != nil else {
                throw ValidationError("a message by queue offset needs all of --topic, --broker, --queue and --offset")
            }
            if (queue ?? 0) < 0 || (offset ?? 0) < 0 { throw ValidationError("--queue and --offset must be 0 or more") }
        } else {
            guard let id else {
                throw ValidationError("give a message ID, or --topic/--broker/--queue/--offset")
            }
            if topic == nil && !MessageId.isOffsetMessageId(id) {
                throw ValidationError(
                    "\(id) is not an offset message id (32 or 56 hex characters); "
                        + "for a message id (UNIQ_KEY) add --topic TOPIC"
                )
            }
        }
    }

    func run() async throws {
        let (view, more, failures) = try await Session.with(connection) { session in
            try await find(session.client)
        }
        if let save {
            guard FileManager.default.createFile(atPath: save, contents: Data(view.body)) else {
                throw CLIError(
                    "cannot write the body to \(save); check the directory exists and is writable", exit: .failed)
            }
            Emit.note("body (\(view.body.count) bytes) written to \(save)")
        }
        if more > 0 {
            Emit.note("\(more) more message(s) carry this id (the message was sent more than once); showing the oldest")
        }
        Emit.output(MessageJSON(view, format: bodyFormat), format: output.output) {
            MessageText.detail(view, format: bodyFormat)
        }
        try LookupFailures.finish(failures, what: "lookup")
    }

    private func find(_ client: MQClientInstance) async throws -> (MessageView, Int, [BacklogFailure]) {
        if byQueue, let topic, let broker, let queue, let offset {
            let mq = MessageQueue(topic: topic, brokerName: broker, queueId: queue)
            return (try await MessageResolve.byQueueOffset(mq, offset: offset, client: client), 0, [])
        }
        let id = id ?? ""
        let names = await BrokerNames.load(client)
        var failures: [BacklogFailure] = []
        if let topic {
            let found = try await MessageResolve.byUniqueKey(id, topic: topic, client: client, names: names)
            if let first = found.views.first { return (first, found.views.count - 1, found.failures) }
            failures = found.failures
        }
        if let view = try await MessageResolve.byOffsetId(id, client: client, names: names) {
            if let topic, view.message.topic != topic {
                throw CLIError("message \(id) is in topic \(view.message.topic), not \(topic)", exit: .notFound)
            }
            return (view, 0, [])
        }
        if let f = failures.first {
            throw CLIError(
                "lookup incomplete: broker \(f.broker) (\(f.address)): \(f.error)",
                exit: f.unreachable ? .unreachable : .failed)
        }
        throw MessageResolve.notFound(id, topic: topic)
    }
}

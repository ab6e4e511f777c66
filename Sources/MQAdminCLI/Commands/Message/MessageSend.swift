import ArgumentParser
import MQClient
import MQProtocol
import NIOCore

/// `mqadmin message send TOPIC [BODY]`
struct MessageSend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send one message to a topic.",
        discussion: """
            The body comes from the BODY argument, --file PATH, or stdin (BODY or PATH "-"). Bodies over \
            4 KiB are sent zlib-compressed, as Apache's producer does. The topic must exist.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Topic to send to.", completion: .custom(LiveNames.topics)) var topic: String
    @Argument(help: ArgumentHelp("Message body (\"-\" reads stdin).", valueName: "body")) var body: String?

    @Option(name: [.customShort("k"), .customLong("key")], help: ArgumentHelp("A message key (repeatable).", valueName: "key"))
    var keys: [String] = []
    @Option(help: "The message tag.") var tag: String?
    @Option(
        name: .customLong("property"), help: ArgumentHelp("A user property NAME=VALUE (repeatable).", valueName: "k=v"))
    var properties: [String] = []
    @Option(
        name: [.customShort("f"), .customLong("file")],
        help: ArgumentHelp("Read the body from this file (\"-\" = stdin).", valueName: "path"))
    var file: String?
    @Option(help: ArgumentHelp("Send to a queue of this broker.", valueName: "name")) var broker: String?
    @Option(name: [.customShort("q"), .long], help: ArgumentHelp("Send to this queue id (needs --broker).", valueName: "id"))
    var queue: Int32?
    @OptionGroup var tracing: TraceWriteOptions

    func validate() throws {
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        if queue != nil && broker == nil { throw ValidationError("--queue needs --broker NAME (the queue's broker)") }
        if let q = queue, q < 0 { throw ValidationError("--queue must be 0 or more") }
        _ = try SendSupport.properties(properties)
        for k in keys where k.isEmpty || k.contains(" ") {
            throw ValidationError("--key \"\(k)\" is empty or contains a space; keys are space-separated on the wire")
        }
    }

    func run() async throws {
        let bytes = try BodyInput.read(argument: body, file: file)
        let message = try SendSupport.message(
            topic: topic, body: bytes, keys: keys, tag: tag, properties: try SendSupport.properties(properties))
        let (sent, traced) = try await Session.with(connection) { session in
            let tracer = tracing.dispatcher(client: session.client, group: SendSupport.producerGroup, role: .produce)
            let result = try await SendSupport.send(
                message, client: session.client, broker: broker, queue: queue, tracer: tracer)
            return (result, await tracer?.shutdown())
        }
        Emit.output(SendJSON(sent), format: output.output) {
            SendSupport.table(sent) + TraceWriteOptions.summary(traced, topic: tracing.traceTopic)
        }
        try TraceWriteOptions.finish(traced)
    }
}

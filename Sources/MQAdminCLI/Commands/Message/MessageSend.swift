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

    @Option(name: .customLong("key"), help: ArgumentHelp("A message key (repeatable).", valueName: "key"))
    var keys: [String] = []
    @Option(help: "The message tag.") var tag: String?
    @Option(
        name: .customLong("property"), help: ArgumentHelp("A user property NAME=VALUE (repeatable).", valueName: "k=v"))
    var properties: [String] = []
    @Option(
        name: .customLong("file"),
        help: ArgumentHelp("Read the body from this file (\"-\" = stdin).", valueName: "path"))
    var file: String?
    @Option(help: ArgumentHelp("Send to a queue of this broker.", valueName: "name")) var broker: String?
    @Option(help: ArgumentHelp("Send to this queue id (needs --broker).", valueName: "id")) var queue: Int32?
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

/// The JSON shape of a send result.
struct SendJSON: Encodable {
    var status: String
    var msgId: String
    var offsetMsgId: String
    var topic: String
    var broker: String
    var queueId: Int32
    var queueOffset: Int64

    init(_ r: SendResult) {
        status = r.status.rawValue
        msgId = r.msgId
        offsetMsgId = r.offsetMsgId
        topic = r.queue.topic
        broker = r.queue.brokerName
        queueId = r.queue.queueId
        queueOffset = r.queueOffset
    }
}

/// What `message send` and classic `sendMessage` share.
enum SendSupport {
    static let producerGroup = "MQADMIN_PRODUCER"

    /// Parses `NAME=VALUE` properties; names the bad one and the fix.
    static func properties(_ pairs: [String]) throws -> [(String, String)] {
        try pairs.map { pair in
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw ValidationError("--property \"\(pair)\" is not NAME=VALUE")
            }
            let name = String(pair[..<eq])
            let value = String(pair[pair.index(after: eq)...])
            if name.contains("\u{1}") || name.contains("\u{2}") || value.contains("\u{1}") || value.contains("\u{2}") {
                throw ValidationError(
                    "--property \"\(name)\" contains a control character RocketMQ uses as a separator")
            }
            if [MessageConst.keys, MessageConst.tags].contains(name) {
                throw ValidationError("set \(name) with --\(name == MessageConst.keys ? "key" : "tag"), not --property")
            }
            if MessageConst.reservedByBroker.contains(name) || name == MessageConst.uniqueKey {
                throw ValidationError("--property \(name) is reserved for the broker/client")
            }
            return (name, value)
        }
    }

    static func message(
        topic: String, body: [UInt8], keys: [String], tag: String?, properties: [(String, String)]
    ) throws
        -> Message
    {
        guard !body.isEmpty else {
            throw CLIError("the message body is empty; RocketMQ does not store empty bodies", exit: .usage)
        }
        var m = Message(topic: topic, body: ByteBuffer(bytes: body), tags: tag, keys: keys)
        for (k, v) in properties { m.properties[k] = v }
        return m
    }

    /// Sends through a fresh producer; the topic must exist (no auto-creation through TBW102).
    static func send(
        _ message: Message, client: MQClientInstance, broker: String?, queue: Int32?, tracer: TraceDispatcher? = nil
    ) async throws
        -> SendResult
    {
        let route = try await client.route(topic: message.topic)
        let producer = Producer(group: producerGroup, client: client)
        func send(_ to: MessageQueue?) async throws -> SendResult {
            guard let tracer else { return try await producer.send(message, to: to) }
            return try await producer.send(message, to: to, tracer: tracer)
        }
        guard let broker else { return try await send(nil) }
        guard let data = route.queueDatas.first(where: { $0.brokerName == broker }), PermName.isWriteable(data.perm)
        else {
            let names = route.queueDatas.map(\.brokerName).sorted().joined(separator: ", ")
            throw CLIError(
                "topic \(message.topic) has no writable queues on broker \(broker) (it is on: \(names))", exit: .usage)
        }
        let id = queue ?? Int32.random(in: 0..<max(1, data.writeQueueNums))
        guard id < data.writeQueueNums else {
            throw CLIError(
                "queue \(id) does not exist on \(broker); topic \(message.topic) has queues "
                    + "0-\(data.writeQueueNums - 1) there",
                exit: .usage)
        }
        return try await send(MessageQueue(topic: message.topic, brokerName: broker, queueId: id))
    }

    static func table(_ r: SendResult) -> String {
        Labels.render([
            ("Status", r.status.rawValue), ("Msg ID", r.msgId), ("Offset Msg ID", r.offsetMsgId),
            ("Topic", r.queue.topic), ("Broker", r.queue.brokerName), ("Queue", String(r.queue.queueId)),
            ("Queue Offset", String(r.queueOffset)),
        ])
    }
}

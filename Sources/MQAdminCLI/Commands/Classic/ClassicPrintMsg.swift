import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `printMsg`: every queue of a topic read from its first offset (or -b's) to its end (or -e's),
/// pulled as TOOLS_CONSUMER, each message as Java's `MessageExt.toString()`.
struct ClassicPrintMsg: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printMsg", abstract: "Print Message Detail (Apache's layout; see `message browse`).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    @Option(
        name: [.customShort("t"), .customLong("topic")], help: "topic name", completion: .custom(LiveNames.topics))
    var topic: String
    @Option(name: [.customShort("c"), .customLong("charsetName")], help: "CharsetName (UTF-8 only)")
    var charset: String?
    @Option(name: [.customShort("s"), .customLong("subExpression")], help: "Subscribe Expression(eg: TagA || TagB)")
    var subExpression = "*"
    @Option(
        name: [.customShort("b"), .customLong("beginTimestamp")],
        help: "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
    var begin: String?
    @Option(
        name: [.customShort("e"), .customLong("endTimestamp")],
        help: "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]")
    var end: String?
    @Option(name: [.customShort("d"), .customLong("printBody")], help: "print body (default true)")
    var printBody: String?

    func validate() throws {
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        try ClassicCharset.check(charset, option: "-c")
        if let begin { try TimeArgument.validate(begin, option: "-b", classic: true) }
        if let end { try TimeArgument.validate(end, option: "-e", classic: true) }
    }

    func run() async throws {
        let from = try begin.map { try TimeArgument.require($0, option: "-b", classic: true) }
        let to = try end.map { try TimeArgument.require($0, option: "-e", classic: true) }
        let bodies = printBody.map(GroupTargets.javaBool) ?? true
        let read = ClassicQueueRead(subExpression: subExpression.trimmingCharacters(in: .whitespaces))
        let messages = try await Session.with(connection) { session in
            let route = try await session.client.route(topic: topic)
            let queues = route.queueDatas.filter { PermName.isReadable($0.perm) }.flatMap { q in
                (0..<q.readQueueNums).map { MessageQueue(topic: topic, brokerName: q.brokerName, queueId: $0) }
            }
            var all: [MessageView] = []
            for mq in ClassicPrintMsgText.javaSetOrder(queues) {
                let (first, last) = try await read.bounds(mq, begin: from, end: to, client: session.client)
                let name = ClassicPrintMsgText.queue(mq)
                var text = "minOffset=\(first), maxOffset=\(last), \(name)\n"
                try await read.pull(mq, from: first, to: last, client: session.client) { pulled, offset in
                    let status = ClassicPrintMsgText.status(pulled.status)
                    switch pulled.status {
                    case .found:
                        for m in pulled.messages {
                            text += ClassicPrintMsgText.line(
                                m, broker: mq.brokerName, pulled: pulled, printBody: bodies)
                            all.append(MessageView(m, broker: mq.brokerName, bodyIsStored: false))
                        }
                        return true
                    case .noMatchedMessage:
                        text += "\(name) no matched msg. status=\(status), offset=\(offset)\n"
                        return true
                    case .noNewMessage, .offsetIllegal:
                        text += "\(name) print msg finished. status=\(status), offset=\(offset)\n"
                        return false
                    }
                }
                if output.output == .table { Emit.write(text + String(repeating: "-", count: 56) + "\n") }
            }
            return all
        }
        if output.output == .json { Emit.write(Emit.json(messages.map { MessageJSON($0, format: nil) })) }
    }
}

/// The pull loop Apache's printMsg and printMsgByQueue share: from -b's offset (else the queue's first) to -e's
/// (else its end), 32 at a time as TOOLS_CONSUMER, never committing.
struct ClassicQueueRead: Sendable {
    var subExpression: String
    /// consumeMessage -g pulls as that group (still never committing).
    var group = MQClientInstance.toolsConsumerGroup
    /// consumeMessage asks for no more than are left before `last` (Apache's `maxOffset - offset + 1`).
    var capAtLast = false

    /// The offsets to read between: SEARCH_OFFSET_BY_TIMESTAMP for the times given, else the queue's bounds.
    func bounds(_ mq: MessageQueue, begin: Int64?, end: Int64?, client: MQClientInstance) async throws
        -> (Int64, Int64)
    {
        var first = try await client.minOffset(mq)
        var last = try await client.maxOffset(mq)
        if let begin { first = try await client.searchOffset(mq, timestamp: begin) }
        if let end { last = try await client.searchOffset(mq, timestamp: end) }
        return (first, last)
    }

    /// Pulls from `first` while the offset is below `last`; `handle` gets each answer and the next offset, and
    /// says whether to go on.
    func pull(
        _ mq: MessageQueue, from first: Int64, to last: Int64, client: MQClientInstance,
        handle: (PullResult, Int64) throws -> Bool
    ) async throws {
        var offset = first
        while offset < last {
            let pulled = try await client.pull(
                group: group, queue: mq, offset: offset, maxNums: capAtLast ? Int32(min(32, last - offset)) : 32,
                expression: subExpression)
            let next = pulled.nextBeginOffset
            guard try handle(pulled, next), next > offset else { return }
            offset = next
        }
    }
}

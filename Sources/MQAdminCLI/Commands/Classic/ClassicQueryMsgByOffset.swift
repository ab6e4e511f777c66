import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `queryMsgByOffset`: the message at a queue offset, pulled as TOOLS_CONSUMER.
struct ClassicQueryMsgByOffset: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queryMsgByOffset", abstract: "Query Message by offset (Apache's layout; see `message get`).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    @Option(name: [.customShort("t"), .customLong("topic")], help: "topic name",
        completion: .custom(LiveNames.topics))
    var topic: String
    @Option(name: [.customShort("b"), .customLong("brokerName")], help: "Broker Name") var broker: String
    @Option(name: [.customShort("i"), .customLong("queueId")], help: "Queue Id") var queueId: Int32
    @Option(name: [.customShort("o"), .customLong("offset")], help: "Queue Offset") var offset: Int64
    @Option(name: [.customShort("f"), .customLong("bodyFormat")], help: "Print the body in this charset (UTF-8 only)")
    var charset: String?
    @Option(
        name: .customLong("body-dir"),
        help: ArgumentHelp("Write bodies here (Apache: /tmp/rocketmq/msgbodys).", valueName: "dir"))
    var bodyDir: String?

    func validate() throws {
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        guard queueId >= 0, offset >= 0 else { throw ValidationError("-i and -o must be 0 or more") }
        try ClassicCharset.check(charset)
    }

    func run() async throws {
        let mq = MessageQueue(topic: topic, brokerName: broker, queueId: queueId)
        let (view, entry, tracks, extra) = try await Session.with(connection) { session in
            let view = try await MessageResolve.byQueueOffset(mq, offset: offset, client: session.client)
            let (entry, tracks) = try await ClassicMessageOutput.entry(
                view, index: 0, bodyDirectory: bodyDir ?? MessageText.defaultBodyDirectory, client: session.client)
            // Apache's pull consumer adds the queue's bounds to every pulled message.
            let minOffset = (try? await session.client.minOffset(mq)) ?? 0
            let maxOffset = (try? await session.client.maxOffset(mq)) ?? 0
            return (
                view, entry, tracks,
                [(MessageConst.minOffset, String(minOffset)), (MessageConst.maxOffset, String(maxOffset))]
            )
        }
        Emit.output([entry], format: output.output) {
            ClassicMessageOutput.text(
                view, entry: entry, tracks: tracks, offsetId: true, charsetBody: charset != nil, extraProperties: extra)
        }
    }
}

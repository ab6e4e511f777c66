import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `printMsgByQueue`: one queue read like `printMsg` reads each; prints the messages only with -p true,
/// and with -f true how many of each tag.
struct ClassicPrintMsgByQueue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printMsgByQueue",
        abstract: "Print Message Detail by queueId (Apache's layout; see `message browse --queue`).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    @Option(
        name: [.customShort("t"), .customLong("topic")], help: "topic name", completion: .custom(LiveNames.topics))
    var topic: String
    @Option(name: [.customShort("a"), .customLong("brokerName")], help: "broker name") var broker: String
    @Option(name: [.customShort("i"), .customLong("queueId")], help: "queue id") var queueId: Int32
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
    @Option(name: [.customShort("p"), .customLong("printMsg")], help: "print msg. eg: true | false(default)")
    var printMessages: String?
    @Option(name: [.customShort("d"), .customLong("printBody")], help: "print body. eg: true | false(default)")
    var printBody: String?
    @Option(name: [.customShort("f"), .customLong("calculate")], help: "calculate by tag. eg: true | false(default)")
    var calculate: String?

    func validate() throws {
        if let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        guard queueId >= 0 else { throw ValidationError("-i must be 0 or more") }
        try ClassicCharset.check(charset, option: "-c")
        if let begin { try TimeArgument.validate(begin, option: "-b", classic: true) }
        if let end { try TimeArgument.validate(end, option: "-e", classic: true) }
    }

    func run() async throws {
        let from = try begin.map { try TimeArgument.require($0, option: "-b", classic: true) }
        let to = try end.map { try TimeArgument.require($0, option: "-e", classic: true) }
        let showMessages = printMessages.map(GroupTargets.javaBool) ?? false
        let bodies = printBody.map(GroupTargets.javaBool) ?? false
        let byTag = calculate.map(GroupTargets.javaBool) ?? false
        let read = ClassicQueueRead(subExpression: subExpression.trimmingCharacters(in: .whitespaces))
        let mq = MessageQueue(topic: topic, brokerName: broker, queueId: queueId)
        let (text, views) = try await Session.with(connection) { session in
            let (first, last) = try await read.bounds(mq, begin: from, end: to, client: session.client)
            var text = ""
            var views: [MessageView] = []
            var counts: [String: Int] = [:]
            var tagOrder: [String] = []
            try await read.pull(mq, from: first, to: last, client: session.client) { pulled, _ in
                guard pulled.status == .found else { return false }
                for m in pulled.messages {
                    if showMessages {
                        text += ClassicPrintMsgText.line(m, broker: broker, pulled: pulled, printBody: bodies)
                    }
                    views.append(MessageView(m, broker: broker, bodyIsStored: false))
                    if byTag, let tag = m.tags, !tag.trimmingCharacters(in: .whitespaces).isEmpty {
                        if counts[tag] == nil { tagOrder.append(tag) }
                        counts[tag, default: 0] += 1
                    }
                }
                return true
            }
            if byTag { text += ClassicPrintMsgText.tagCounts(counts, inserted: tagOrder) }
            return (text, views)
        }
        switch output.output {
        case .table: Emit.write(text)
        case .json: Emit.write(Emit.json(views.map { MessageJSON($0, format: nil) }))
        }
    }
}

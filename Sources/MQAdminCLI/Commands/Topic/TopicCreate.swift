import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin topic create TOPIC`: a new topic on every master of a cluster (or one broker).
struct TopicCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a topic on every master of a cluster (or on one broker).",
        discussion: """
            Refuses, changing nothing, when a target broker already has the topic (use `topic update`, \
            or --if-not-exists to create it only where it is missing). With --order the order \
            configuration (broker:queues) is also written to the name servers, as Apache's updateTopic -o does.
            """)

    @Argument(help: "Topic name: letters, digits, %, |, _ and -, at most 127 characters.")
    var topic: String

    @Option(
        name: [.customShort("r"), .customLong("read-queues")], parsing: .unconditional,
        help: ArgumentHelp("Read queues per broker.", valueName: "n"))
    var readQueues = "8"

    @Option(
        name: [.customShort("w"), .customLong("write-queues")], parsing: .unconditional,
        help: ArgumentHelp("Write queues per broker.", valueName: "n"))
    var writeQueues = "8"

    @Option(help: "Permission: RW, R or W (or 6, 4, 2).")
    var perm = "RW"

    @Flag(help: "An ordered topic (also writes the order configuration to the name servers).")
    var order = false

    @Option(
        name: .customLong("attribute"), help: ArgumentHelp("A topic attribute (repeatable).", valueName: "key=value"))
    var attributes: [String] = []

    @Option(
        name: .customLong("type"),
        help: ArgumentHelp(
            "Message type: NORMAL, FIFO, DELAY or TRANSACTION (attribute message.type; Apache's default NORMAL).",
            valueName: "type"))
    var messageType: String?

    @Flag(name: .customLong("if-not-exists"), help: "Succeed without change where the topic already exists.")
    var ifNotExists = false

    @OptionGroup var target: TopicTargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try TopicArgs.topic(topic)
        _ = try config()
        _ = try allAttributes()
    }

    /// --attribute, with --type as `+message.type`.
    func allAttributes() throws -> [String: String] {
        var all = try TopicArgs.attributes(set: attributes)
        if let messageType {
            let type = try TopicArgs.messageType(messageType)
            let key = "+" + TopicMessageType.attribute
            if let given = all[key], given != type.rawValue {
                throw ValidationError(
                    "--type \(type.rawValue) and --attribute \(TopicMessageType.attribute)=\(given) disagree; give one")
            }
            all[key] = type.rawValue
        }
        return all
    }

    func config() throws -> TopicConfig {
        TopicConfig(
            topicName: topic, readQueueNums: try TopicArgs.queueCount(readQueues, option: "--read-queues"),
            writeQueueNums: try TopicArgs.queueCount(writeQueues, option: "--write-queues"),
            perm: try TopicArgs.perm(perm, option: "--perm"), order: order)
    }

    func run() async throws {
        let (config, attributes) = (try config(), try allAttributes())
        let view = try await Session.withClient(connection) { client in
            let targets = try await client.clusterInfo().writeTargets(cluster: target.cluster, broker: target.broker)
            let results = try await client.createTopic(
                config, attributes: attributes, on: targets, ifNotExists: ifNotExists)
            return await TopicWriteView.after(
                results, topic: topic, action: "create", order: order, writeQueues: config.writeQueueNums,
                mergeOrderConf: true, client: client)
        }
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfPartial()
    }
}

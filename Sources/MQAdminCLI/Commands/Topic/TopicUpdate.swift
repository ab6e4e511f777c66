import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin topic update TOPIC`: changes only what is given, on every broker that has the topic.
struct TopicUpdate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change an existing topic's queues, permission, order flag or attributes.",
        discussion: """
            Only the settings given change; the rest keep their current value on each broker (unlike \
            Apache's updateTopic, which resets what it is not told). Brokers of the cluster that do not \
            have the topic are left alone and reported as absent.
            """)

    @Argument(help: "Topic name.", completion: .custom(LiveNames.topics))
    var topic: String

    @Option(
        name: [.customShort("r"), .customLong("read-queues")], parsing: .unconditional,
        help: ArgumentHelp("New read queue count.", valueName: "n"))
    var readQueues: String?

    @Option(
        name: [.customShort("w"), .customLong("write-queues")], parsing: .unconditional,
        help: ArgumentHelp("New write queue count.", valueName: "n"))
    var writeQueues: String?

    @Option(help: "New permission: RW, R or W (or 6, 4, 2).")
    var perm: String?

    @Flag(
        inversion: .prefixedNo,
        help: "Make the topic ordered (or not); the name servers' order configuration is left as it is.")
    var order: Bool?

    @Option(
        name: .customLong("attribute"),
        help: ArgumentHelp("Set a topic attribute (repeatable).", valueName: "key=value"))
    var attributes: [String] = []

    @Option(
        name: .customLong("remove-attribute"),
        help: ArgumentHelp("Remove a topic attribute (repeatable).", valueName: "key"))
    var removeAttributes: [String] = []

    @OptionGroup var target: TopicTargetOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try TopicArgs.topic(topic)
        guard !(try change()).isEmpty else {
            throw ValidationError(
                "nothing to change; pass --read-queues, --write-queues, --perm, --order/--no-order or --attribute")
        }
    }

    func change() throws -> TopicChange {
        TopicChange(
            readQueueNums: try readQueues.map { try TopicArgs.queueCount($0, option: "--read-queues") },
            writeQueueNums: try writeQueues.map { try TopicArgs.queueCount($0, option: "--write-queues") },
            perm: try perm.map { try TopicArgs.perm($0, option: "--perm") }, order: order,
            attributes: try TopicArgs.attributes(set: attributes, remove: removeAttributes))
    }

    func run() async throws {
        let change = try change()
        let view = try await Session.withClient(connection) { client in
            let targets = try await client.clusterInfo().writeTargets(cluster: target.cluster, broker: target.broker)
            let results = try await client.updateTopic(topic, change: change, on: targets)
            return TopicWriteView(topic: topic, action: "update", results: results)
        }
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfPartial()
    }
}

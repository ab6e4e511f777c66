import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `skipAccumulatedMessage`: moves the group to the end of every queue of a topic, at once.
struct ClassicSkipAccumulatedMessage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skipAccumulatedMessage",
        abstract: "Skip all messages that are accumulated (not consumed) currently.",
        discussion:
            "Classic form of `mqadmin offset reset --to-latest`; applies immediately. `mqadmin offset undo` restores."
    )

    @Option(name: [.customShort("g"), .customLong("group")], help: "set the consumer group",
        completion: .custom(LiveNames.groups))
    var group: String
    @Option(name: [.customShort("t"), .customLong("topic")], help: "set the topic",
        completion: .custom(LiveNames.topics))
    var topic: String
    @Option(
        name: [.customShort("f"), .customLong("force")], help: "set the force rollback by timestamp switch[true|false]")
    var force: String?
    @Option(
        name: [.customShort("c"), .customLong("cluster")],
        help: "Cluster name or lmq parent topic, lmq is used to find the route.")
    var cluster: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try GroupTargets.validateName(group, option: "-g")
        try GroupTargets.checkBool(force, option: "-f")
    }

    func run() async throws {
        let (rows, id, failure) = try await Session.with(connection) { session in
            try await ClassicReset.byTime(
                session.client, connection: connection, group: group, topic: topic, timestamp: -1,
                operation: "skipAccumulatedMessage -g \(group) -t \(topic)")
        }
        let view = ClassicReset.View(
            group: group, topic: topic, timestamp: -1, timestampText: "-1",
            force: force.map(GroupTargets.javaBool) ?? true,
            queues: rows, journalId: id)
        Emit.output(view, format: output.output) { ClassicReset.table(rows) }
        if let failure { throw failure }
    }
}

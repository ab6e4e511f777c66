import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `cloneGroupOffset`: the destination group takes the source group's offsets of a topic, at once.
struct ClassicCloneGroupOffset: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cloneGroupOffset",
        abstract: "Clone offset from other group.",
        discussion: """
            Classic form of `mqadmin offset clone`: applies immediately (CLONE_GROUP_OFFSET on every broker of the \
            topic) and copies only -t's offsets. `mqadmin offset undo` restores the destination's previous offsets.
            """
    )

    @Option(name: [.customShort("s"), .customLong("srcGroup")], help: "set source consumer group",
        completion: .custom(LiveNames.groups))
    var srcGroup: String
    @Option(name: [.customShort("d"), .customLong("destGroup")], help: "set destination consumer group",
        completion: .custom(LiveNames.groups))
    var destGroup: String
    @Option(name: [.customShort("t"), .customLong("topic")], help: "set the topic",
        completion: .custom(LiveNames.topics))
    var topic: String
    @Option(name: [.customShort("o"), .customLong("offline")], help: "the group or the topic is offline")
    var offline: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    struct View: Encodable {
        var srcGroup: String
        var destGroup: String
        var topic: String
        var brokers: [BrokerOutcome]
        var journalId: String
    }

    func validate() throws {
        try GroupTargets.validateName(srcGroup, option: "-s")
        try GroupTargets.validateName(destGroup, option: "-d")
        try GroupTargets.checkBool(offline, option: "-o")
    }

    func run() async throws {
        let view = try await Session.with(connection) { session in
            let client = session.client
            _ = try await GroupTargets.existing(
                client, group: srcGroup, on: try await GroupTargets.resolve(client, cluster: nil, broker: nil))
            let states = try await client.offsetStates(group: destGroup, topic: topic)
            let plan = OffsetPlan(
                group: destGroup, target: .given("clone from \(srcGroup)"),
                changes: states.map {
                    OffsetChange(
                        queue: $0.queue, minOffset: $0.minOffset, maxOffset: $0.maxOffset, current: $0.committed,
                        new: $0.committed ?? 0)
                })
            let id = try PlanRunner.saveJournal(
                plan, connection: connection, operation: "cloneGroupOffset -s \(srcGroup) -d \(destGroup) -t \(topic)")
            var outcomes: [BrokerOutcome] = []
            for (broker, _) in try await client.topicQueues(topic) {
                do {
                    try await client.cloneGroupOffset(
                        from: srcGroup, to: destGroup, topic: topic,
                        offline: offline.map(GroupTargets.javaBool) ?? false,
                        broker: broker.address)
                    outcomes.append(BrokerOutcome(broker, result: "cloned"))
                } catch {
                    outcomes.append(BrokerOutcome(broker, result: "failed", error: error))
                }
            }
            return View(srcGroup: srcGroup, destGroup: destGroup, topic: topic, brokers: outcomes, journalId: id)
        }
        try BrokerOutcome.check(view.brokers, what: "cloneGroupOffset")
        Emit.output(view, format: output.output) {
            "clone group offset success. srcGroup[\(srcGroup)], destGroup=[\(destGroup)], topic[\(topic)]"
        }
    }
}

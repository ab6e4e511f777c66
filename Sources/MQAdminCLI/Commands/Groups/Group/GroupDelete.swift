import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin group delete GROUP`: removes the group (and by default its retry and DLQ topics).
struct GroupDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a consumer group from every master broker (asks first; --yes to skip).",
        discussion: """
            Also deletes its %RETRY% and %DLQ% topics unless --keep-retry-topics; --clean-offsets also drops its \
            committed offsets. Refuses while consumers of the group are online, unless --force.
            """
    )

    @Argument(help: "Consumer group.") var group: String
    @Flag(name: .customLong("clean-offsets"), help: "Also delete the group's committed offsets.") var cleanOffsets =
        false
    @Flag(name: .customLong("keep-retry-topics"), help: "Keep the group's %RETRY% and %DLQ% topics.")
    var keepRetryTopics = false
    @Flag(help: "Delete even while consumers are online (they recreate it on their next heartbeat).") var force = false
    @Flag(name: [.customShort("y"), .customLong("yes")], help: "Do not ask for confirmation.") var yes = false
    @OptionGroup var scope: BrokerScopeOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try GroupTargets.validateName(group) }

    func run() async throws {
        let view = try await Session.with(connection) { session in
            let client = session.client
            let brokers = try await scope.resolve(client)
            let holders = try await GroupTargets.existing(client, group: group, on: brokers).map(\.broker)
            if !force, let online = try await client.consumerConnection(group: group, on: holders),
                !online.connectionSet.isEmpty
            {
                throw CLIError(
                    "consumer group \(group) has \(online.connectionSet.count) online consumer(s); "
                        + "stop them first or pass --force",
                    exit: .failed)
            }
            let names = holders.map(\.name).joined(separator: ", ")
            try Confirm.destructive(
                "delete consumer group \(group) from \(names)\(cleanOffsets ? " with its offsets" : "")", token: group,
                yes: yes)
            return await delete(client, holders, allBrokers: scope.broker == nil)
        }
        Emit.output(view, format: output.output) { view.table }
        try BrokerOutcome.check(view.brokers, what: "deleting group \(group)")
        if let e = view.topicErrors.first {
            throw CLIError("group \(group) deleted, but not its topic \(e)", exit: .failed)
        }
    }

    func delete(_ client: MQClientInstance, _ holders: [BrokerRef], allBrokers: Bool) async -> GroupDeleteView {
        var view = GroupDeleteView(
            group: group, cleanOffsets: cleanOffsets, brokers: [], deletedTopics: [], topicErrors: [])
        for b in holders {
            do {
                try await client.deleteGroup(group, broker: b.address, cleanOffset: cleanOffsets)
                view.brokers.append(BrokerOutcome(b, result: "deleted"))
            } catch {
                view.brokers.append(BrokerOutcome(b, result: "failed", error: "\(error)"))
            }
        }
        guard !keepRetryTopics else { return view }
        for topic in [SystemTopics.retryTopic(group), SystemTopics.dlqTopic(group)] {
            guard let route = try? await client.route(topic: topic, refresh: true) else { continue }
            let here = Set(holders.map(\.name))
            for b in route.brokerDatas where here.contains(b.brokerName) {
                guard let addr = b.masterAddress else { continue }
                do {
                    try await client.deleteTopic(topic, broker: addr)
                } catch {
                    view.topicErrors.append("\(topic) on \(b.brokerName): \(error)")
                }
            }
            // Drop the route too, unless only some brokers were in scope (their next registration updates it).
            if allBrokers {
                do {
                    try await client.deleteTopicInNameServers(topic, cluster: nil)
                } catch {
                    view.topicErrors.append("\(topic) on the name server: \(error)")
                }
            }
            view.deletedTopics.append(topic)
        }
        return view
    }
}

/// `group delete` output (docs/json/groups.md).
struct GroupDeleteView: Encodable {
    var group: String
    var cleanOffsets: Bool
    var brokers: [BrokerOutcome]
    var deletedTopics: [String]
    var topicErrors: [String]

    var table: String {
        var out = BrokerOutcome.table(brokers)
        if !deletedTopics.isEmpty { out += "Deleted topics: \(deletedTopics.joined(separator: ", "))\n" }
        return out
    }
}

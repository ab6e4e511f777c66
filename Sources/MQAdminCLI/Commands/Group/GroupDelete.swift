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

    @Argument(help: "Consumer group.", completion: .custom(LiveNames.groups)) var group: String
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
            // Drop the topics' routes too, unless one broker is in scope (its next registration updates them).
            return await GroupDeletion.run(
                client, group: group, brokers: holders, cleanOffsets: cleanOffsets, topics: !keepRetryTopics,
                nameServers: scope.broker == nil, cluster: scope.cluster)
        }
        Emit.output(view, format: output.output) { view.table }
        try GroupDeletion.check(view, what: "deleting group \(group)")
    }
}

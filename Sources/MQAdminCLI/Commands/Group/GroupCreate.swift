import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin group create GROUP`: a new group on every master (or a cluster's, or one broker).
struct GroupCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a consumer group on every master broker (or --cluster / --broker).",
        discussion: """
            Defaults as Apache's updateSubGroup: consume enabled, not orderly, broadcast and consume-from-min off, \
            1 retry queue, 16 retries. Fails, changing nothing, if the group exists already (use `group update`).
            """
    )

    @Argument(help: "Consumer group.") var group: String
    @OptionGroup var settings: GroupSettingsOptions
    @OptionGroup var scope: BrokerScopeOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try GroupTargets.validateName(group) }

    func run() async throws {
        var config = SubscriptionGroupConfig(groupName: group)
        config.consumeBroadcastEnable = false
        config.consumeFromMinEnable = false
        settings.apply(to: &config)
        let outcomes = try await Session.with(connection) { session in
            let client = session.client
            let brokers = try await scope.resolve(client)
            for b in brokers where try await client.groupConfig(group, broker: b.address) != nil {
                throw CLIError(
                    "consumer group \(group) already exists on \(b.name); change it with `mqadmin group update`",
                    exit: .failed)
            }
            var outcomes: [BrokerOutcome] = []
            for b in brokers {
                do {
                    try await client.updateGroup(config, broker: b.address)
                    outcomes.append(BrokerOutcome(b, result: "created"))
                } catch {
                    outcomes.append(BrokerOutcome(b, result: "failed", error: error))
                }
            }
            return outcomes
        }
        let view = GroupWriteView(group: group, action: "create", config: GroupConfigView(config), brokers: outcomes)
        Emit.output(view, format: output.output) { view.table }
        try BrokerOutcome.check(outcomes, what: "creating group \(group)")
    }
}

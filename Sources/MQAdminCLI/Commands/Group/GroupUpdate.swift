import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin group update GROUP`: changes only the given settings, on every broker that has the group.
struct GroupUpdate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a consumer group's settings (only those given) on every master broker.",
        discussion: "A broker of the scope that lacks the group gets it, with the same settings as the others."
    )

    @Argument(help: "Consumer group.", completion: .custom(LiveNames.groups)) var group: String
    @OptionGroup var settings: GroupSettingsOptions
    @OptionGroup var scope: BrokerScopeOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try GroupTargets.validateName(group)
        if settings.isEmpty {
            throw ValidationError("nothing to change; pass e.g. --retry-max-times, --orderly, --broadcast (see --help)")
        }
    }

    func run() async throws {
        let (config, outcomes) = try await Session.with(connection) { session in
            let client = session.client
            let brokers = try await scope.resolve(client)
            let existing = try await GroupTargets.existing(client, group: group, on: brokers)
            var base = existing[0].config
            settings.apply(to: &base)
            var outcomes: [BrokerOutcome] = []
            for b in brokers {
                var config = existing.first { $0.broker == b }?.config ?? existing[0].config
                settings.apply(to: &config)
                let had = existing.contains { $0.broker == b }
                do {
                    try await client.updateGroup(config, broker: b.address)
                    outcomes.append(BrokerOutcome(b, result: had ? "updated" : "created (was missing here)"))
                } catch {
                    outcomes.append(BrokerOutcome(b, result: "failed", error: error))
                }
            }
            return (base, outcomes)
        }
        let view = GroupWriteView(group: group, action: "update", config: GroupConfigView(config), brokers: outcomes)
        Emit.output(view, format: output.output) { view.table }
        try BrokerOutcome.check(outcomes, what: "updating group \(group)")
    }
}

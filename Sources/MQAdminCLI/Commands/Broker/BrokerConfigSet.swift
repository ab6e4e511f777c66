import ArgumentParser
import MQClient

/// `mqadmin broker config set KEY=VALUE... [BROKER] [--cluster C] [--execute]`: a plan, applied with --execute.
struct BrokerConfigSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change brokers' configuration (UPDATE_BROKER_CONFIG); prints the plan, applies it only with"
            + " --execute.",
        discussion: "Without BROKER: every broker of --cluster, or of every cluster. Each broker applies all the"
            + " changes or none. The bundled broker changes brokerPermission, traceOn, enablePropertyFilter and"
            + " longPollingEnable while it runs and keeps them across restarts (data directory,"
            + " config/broker-overrides.properties); it refuses other keys by name (a key given the value it already"
            + " has changes nothing). A brokerPermission change re-registers the broker, so routes show it at once."
            + " Apache brokers apply what their BrokerConfig allows.")

    @Argument(help: ArgumentHelp("KEY=VALUE changes, and optionally one broker (name or host:port).",
        valueName: "key=value|broker"))
    var words: [String]

    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Every broker of this cluster.")
    var cluster: String?

    @Flag(help: "Apply the plan (without it, only print what would change).")
    var execute = false

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    var brokerWords: [String] { words.filter { !$0.contains("=") } }

    func validate() throws {
        guard brokerWords.count <= 1 else {
            let named = brokerWords.joined(separator: ", ")
            throw ValidationError("name at most one broker (got \(named)); changes are KEY=VALUE")
        }
        if brokerWords.count == 1 && cluster != nil {
            throw ValidationError("pass either BROKER or --cluster, not both")
        }
        guard try !ConfigTargets.changes(words.filter { $0.contains("=") }).isEmpty else {
            throw ValidationError("say what to change: KEY=VALUE (e.g. brokerPermission=4)")
        }
    }

    func run() async throws {
        let changes = try ConfigTargets.changes(words.filter { $0.contains("=") })
        let view = try await Session.withClient(connection) { client in
            let servers = try await ConfigTargets.brokers(client, broker: brokerWords.first, cluster: cluster)
            let readings = await ConfigReading.load(servers, client: client) { try await $0.brokerConfig(broker: $1) }
            var view = ConfigPlanView(readings, changes: changes)
            guard execute else { return view }
            view.record(await ConfigPlanView.apply(changes, to: servers, client: client) {
                try await $0.updateBrokerConfig(broker: $1, $2)
            })
            return view
        }
        Emit.output(view, format: output.output) { view.table() }
        if !execute { Emit.note("Plan only: nothing changed. Add --execute to apply it.") }
        try view.failIfRefused()
    }
}

import ArgumentParser
import MQClient

/// `mqadmin namesrv config set KEY=VALUE... [--execute]`: a plan for every name server, applied with --execute.
struct NamesrvConfigSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change name servers' configuration (UPDATE_NAMESRV_CONFIG); prints the plan, applies it only with"
            + " --execute.",
        discussion: "Changes every name server of the target; each applies all the changes or none. The bundled"
            + " name server changes orderMessageEnable, enableAllTopicList, enableTopicList and"
            + " deleteTopicWithBrokerRegistration while it runs (until it restarts) and refuses other keys by name.")

    @Argument(help: ArgumentHelp("The changes.", valueName: "key=value"))
    var changes: [String]

    @Flag(help: "Apply the plan (without it, only print what would change).")
    var execute = false

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard try !ConfigTargets.changes(changes).isEmpty else {
            throw ValidationError("say what to change: KEY=VALUE (e.g. orderMessageEnable=true)")
        }
    }

    func run() async throws {
        let wanted = try ConfigTargets.changes(changes)
        let view = try await Session.withClient(connection) { client in
            let servers = ConfigTargets.nameServers(client)
            let readings = await ConfigReading.load(servers, client: client) { try await $0.nameServerConfig(at: $1) }
            var view = ConfigPlanView(readings, changes: wanted)
            guard execute else { return view }
            view.record(await ConfigPlanView.apply(wanted, to: servers, client: client) {
                try await $0.updateNameServerConfig(at: $1, $2)
            })
            return view
        }
        Emit.output(view, format: output.output) { view.table() }
        if !execute { Emit.note("Plan only: nothing changed. Add --execute to apply it.") }
        try view.failIfRefused()
    }
}

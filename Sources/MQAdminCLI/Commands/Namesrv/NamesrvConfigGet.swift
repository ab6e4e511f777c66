import ArgumentParser
import MQClient

/// `mqadmin namesrv config get [KEY...]`: GET_NAMESRV_CONFIG of every name server, one column each.
struct NamesrvConfigGet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show name servers' configuration (GET_NAMESRV_CONFIG), one column per name server.",
        discussion: "Reads every name server of the target (-n a:9876;b:9876, NAMESRV_ADDR or the context).")

    @Argument(help: ArgumentHelp("Only these keys (all without any).", valueName: "key"))
    var keys: [String] = []

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let readings = try await Session.withClient(connection) { client in
            await ConfigReading.load(ConfigTargets.nameServers(client), client: client) {
                try await $0.nameServerConfig(at: $1)
            }
        }
        let view = ConfigGetView(readings, keys: keys)
        Emit.output(view, format: output.output) { view.table() }
        try ConfigReading.failIfAny(readings)
    }
}

import ArgumentParser
import MQClient

/// Apache's `getNamesrvConfig`: every name server's configuration, key by key.
struct ClassicGetNamesrvConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "getNamesrvConfig", abstract: "Get configs of name server (Apache's classic command and output).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func run() async throws {
        let readings = try await Session.withClient(connection) { client in
            await ConfigReading.load(ConfigTargets.nameServers(client), client: client) {
                try await $0.nameServerConfig(at: $1)
            }
        }
        let view = ConfigGetView(readings, keys: [])
        Emit.output(view, format: output.output) { ClassicConfigLayouts.namesrvConfig(readings) }
        try ConfigReading.failIfAny(readings)
    }
}

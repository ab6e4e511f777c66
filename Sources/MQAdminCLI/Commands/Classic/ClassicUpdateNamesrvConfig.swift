import ArgumentParser
import Foundation
import MQClient

/// Apache's `updateNamesrvConfig -k KEY -v VALUE`: one setting on every name server.
struct ClassicUpdateNamesrvConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "updateNamesrvConfig",
        abstract: "Update configs of name server (Apache's classic command and output).",
        discussion: "Applies at once on every name server, without a plan (`mqadmin namesrv config set` shows one).")

    @Option(name: [.customShort("k"), .customLong("key")], help: "config key")
    var key: String

    @Option(name: [.customShort("v"), .customLong("value")], help: "config value")
    var value: String

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        if key.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("-k needs a key, e.g. -k orderMessageEnable")
        }
    }

    func run() async throws {
        let k = key.trimmingCharacters(in: .whitespaces)
        let v = value.trimmingCharacters(in: .whitespaces)
        let (view, servers) = try await Session.withClient(connection) { client in
            let servers = ConfigTargets.nameServers(client)
            let readings = await ConfigReading.load(servers, client: client) { try await $0.nameServerConfig(at: $1) }
            var view = ConfigPlanView(readings, changes: [k: v])
            view.record(await ConfigPlanView.apply([k: v], to: servers, client: client) {
                try await $0.updateNameServerConfig(at: $1, $2)
            })
            return (view, servers.map(\.address))
        }
        // Apache names the servers only when -n listed them.
        let listed = connection.namesrv == nil ? nil : servers
        try view.failIfRefused()
        Emit.output(view, format: output.output) {
            ClassicConfigLayouts.namesrvUpdated(servers: listed, key: k, value: v)
        }
    }
}

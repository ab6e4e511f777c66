import ArgumentParser
import MQClient

/// `mqadmin broker config get [BROKER] [--cluster C] [KEY...]`: GET_BROKER_CONFIG of each broker, one column each.
struct BrokerConfigGet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show brokers' configuration (GET_BROKER_CONFIG), one column per broker.",
        discussion: "Without BROKER: every broker of --cluster, or of every cluster. BROKER is a broker name (its"
            + " master and slaves) or a host:port. The first word is BROKER when it is a host:port or the name"
            + " servers know a broker by that name; the other words are keys to show (all keys without any).")

    @Argument(help: ArgumentHelp("A broker (name or host:port), then the keys to show.", valueName: "broker|key"))
    var words: [String] = []

    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Every broker of this cluster.")
    var cluster: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (readings, keys) = try await Session.withClient(connection) { client in
            var keys = words
            var broker: String?
            if let first = words.first, try await ConfigTargets.isBroker(first, client) {
                broker = first
                keys.removeFirst()
            }
            let servers = try await ConfigTargets.brokers(client, broker: broker, cluster: cluster)
            return (await ConfigReading.load(servers, client: client) { try await $0.brokerConfig(broker: $1) }, keys)
        }
        let view = ConfigGetView(readings, keys: keys)
        Emit.output(view, format: output.output) { view.table() }
        try ConfigReading.failIfAny(readings)
    }
}

import ArgumentParser
import MQClient

/// `--cluster NAME | --broker ADDR`: the master brokers a group command writes to (default: all masters).
struct BrokerScopeOptions: ParsableArguments {
    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Only the master brokers of this cluster.")
    var cluster: String?

    @Option(name: [.customShort("b"), .customLong("broker")], help: ArgumentHelp("Only this broker.", valueName: "host:port"))
    var broker: String?

    func validate() throws {
        if cluster != nil && broker != nil { throw ValidationError("pass --cluster or --broker, not both") }
        if let broker { try Address.validate(broker, what: "--broker", example: Address.brokerExample) }
    }

    func resolve(_ client: MQClientInstance) async throws -> [BrokerRef] {
        try await GroupTargets.resolve(client, cluster: cluster, broker: broker)
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// `-c/--cluster` or `-b/--broker`: which brokers an ACL command talks to. Each broker keeps its own users
/// and ACLs, so writes go to every broker (masters and slaves) and reads ask every master.
struct ACLTargetOptions: ParsableArguments {
    @Option(
        name: [.customShort("c"), .customLong("cluster")],
        help: "Cluster whose brokers to use (default: the only cluster the name server knows).")
    var cluster: String?

    @Option(name: [.customShort("b"), .customLong("broker")], help: ArgumentHelp("Only this broker.", valueName: "host:port"))
    var broker: String?

    func validate() throws {
        if cluster != nil && broker != nil { throw ValidationError("pass either --cluster or --broker, not both") }
    }
}

enum ACLRun {
    /// The brokers a write goes to: `broker`, or every broker (masters and slaves) of the cluster.
    static func writeTargets(_ client: MQClientInstance, cluster: String?, broker: String?) async throws
        -> [BrokerEndpoint]
    {
        let info = try await client.clusterInfo()
        if let broker {
            return [info.endpoint(address: broker) ?? BrokerEndpoint(cluster: "", brokerName: "", brokerId: 0, address: broker)]
        }
        return try info.endpoints(cluster: try info.resolveCluster(cluster))
    }

    /// The brokers a read asks: `broker`, or every master of the cluster.
    static func readTargets(_ client: MQClientInstance, cluster: String?, broker: String?) async throws
        -> [BrokerEndpoint]
    {
        let info = try await client.clusterInfo()
        if let broker {
            return [info.endpoint(address: broker) ?? BrokerEndpoint(cluster: "", brokerName: "", brokerId: 0, address: broker)]
        }
        return try info.masters(cluster: cluster)
    }

    /// Fails with every broker's error when all failed the same way a missing object does (exit 3), or the
    /// first error's exit code when every broker failed; returns when at least one answered.
    static func requireSomeAnswer<V>(_ results: [BrokerResult<V>], missing: String) throws {
        let errors = results.compactMap(\.error)
        guard errors.count == results.count, let first = errors.first else { return }
        if errors.allSatisfy(\.isAuthObjectMissing) { throw CLIError(missing, exit: .notFound) }
        throw first
    }
}

import Foundation
import MQClient
import MQProtocol

/// Cluster info plus every broker's runtime info: what `cluster list`, `clusterList`,
/// `broker status` and `brokerStatus` print.
struct ClusterOverview: Sendable {
    var info: ClusterInfo
    var brokers: [BrokerResult<[String: String]>]

    /// Reads the runtime info of every broker address (masters and slaves) of `cluster` (or all).
    static func load(client: MQClientInstance, cluster: String?) async throws -> ClusterOverview {
        let info = try await client.clusterInfo()
        let endpoints = try info.endpoints(cluster: cluster)
        return ClusterOverview(info: info, brokers: await client.runtimeInfos(endpoints))
    }

    var failures: [BrokerResult<[String: String]>] { brokers.filter { $0.error != nil } }

    /// Exit 1 after the output when a broker could not be read.
    func failIfPartial() throws {
        let failed = failures
        guard !failed.isEmpty else { return }
        let list = failed.map { "\($0.endpoint): \($0.error!)" }.joined(separator: "; ")
        throw CLIError(
            "cannot read the runtime info of \(failed.count) of \(brokers.count) brokers: \(list)",
            exit: failed.allSatisfy { $0.error!.isConnectivity } ? .unreachable : .failed)
    }
}

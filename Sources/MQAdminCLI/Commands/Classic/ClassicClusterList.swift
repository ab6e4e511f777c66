import ArgumentParser
import Foundation
import MQClient

/// Apache's `clusterList [-m] [-i SECONDS] [-c CLUSTER]`.
struct ClassicClusterList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusterList",
        abstract: "List cluster infos (Apache's classic command and output).",
        discussion: "With -i it prints again every SECONDS until interrupted. Exits 1 when a broker does not answer.")

    @Flag(name: [.customShort("m"), .customLong("moreStats")], help: "Print more stats")
    var moreStats = false

    @Option(name: [.customShort("i"), .customLong("interval")], help: "specify intervals numbers, it is in seconds")
    var interval: Int?

    @Option(name: [.customShort("c"), .customLong("clusterName")], help: "which cluster")
    var clusterName: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        if let interval, interval <= 0 { throw ValidationError("-i must be a positive number of seconds") }
    }

    func run() async throws {
        while true {
            let overview = try await Session.withClient(connection) {
                try await ClusterOverview.load(client: $0, cluster: clusterName)
            }
            Emit.output(ClusterListView(overview), format: output.output) {
                moreStats
                    ? ClassicLayouts.clusterListMore(overview)
                    : ClassicLayouts.clusterList(overview, now: Int64(Date().timeIntervalSince1970 * 1000))
            }
            guard let interval else { return try overview.failIfPartial() }
            try await Task.sleep(for: .seconds(interval))
        }
    }
}

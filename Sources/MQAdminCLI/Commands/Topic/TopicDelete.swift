import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin topic delete TOPIC`: from the brokers, then from the name servers.
struct TopicDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a topic from its brokers, then from the name servers.",
        discussion: """
            Asks for confirmation on a terminal (type the topic name); elsewhere it needs --yes. When a \
            broker cannot delete it, the name servers are left alone so the route still shows where it lives.
            """)

    @Argument(help: "Topic name.", completion: .custom(LiveNames.topics))
    var topic: String

    @Option(
        name: [.customShort("c"), .customLong("cluster")],
        help: "Delete only from this cluster (default: every cluster serving it).")
    var cluster: String?

    @Flag(name: [.customShort("y"), .customLong("yes")], help: "Do not ask for confirmation.")
    var yes = false

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try TopicArgs.topic(topic)
        if SystemTopics.isSystem(topic) { throw ValidationError("\(topic) is a system topic; it cannot be deleted") }
    }

    func run() async throws {
        let view = try await Session.withClient(connection) { client in
            let targets = try await TopicDelete.targets(topic: topic, cluster: cluster, client: client)
            let report = try await client.deleteTopic(topic, on: targets, cluster: cluster) { holders in
                let brokers = holders.isEmpty ? "the name servers" : holders.map(\.brokerName).joined(separator: ", ")
                try Confirm.destructive("delete topic \(topic) from \(brokers)", token: topic, yes: yes)
            }
            return TopicDeleteView(
                topic: topic, cluster: cluster, report: report, nameServerAddresses: client.nameServers)
        }
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfPartial()
    }

    /// The masters of `cluster`, or of every cluster whose brokers serve the topic.
    static func targets(topic: String, cluster: String?, client: MQClientInstance) async throws -> [BrokerEndpoint] {
        let info = try await client.clusterInfo()
        if let cluster { return try info.masters(cluster: cluster) }
        let route = try await client.route(topic: topic, refresh: true)
        let clusters = Set(route.brokerDatas.compactMap { info.clusterName(ofBroker: $0.brokerName) })
        return try clusters.sorted().flatMap { try info.masters(cluster: $0) }
    }
}

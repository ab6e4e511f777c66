import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin topic list`: topics with the clusters serving them.
struct TopicListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List topics and the clusters serving them.",
        discussion: "Retry (%RETRY%), dead-letter (%DLQ%) and system topics are hidden unless --all is given.")

    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Only topics served by this cluster.")
    var cluster: String?

    @Flag(name: [.customLong("all"), .customLong("system")], help: "Also list retry, dead-letter and system topics.")
    var all = false

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let view = try await Session.withClient(connection) { client in
            try await TopicListView.load(client: client, cluster: cluster, includeSystem: all)
        }
        Emit.output(view, format: output.output) { view.table() }
    }
}

/// The result of `topic list` (docs/json/topics.md).
struct TopicListView: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        var topic: String
        var clusters: [String]
        var kind: TopicKind
        /// The `message.type` attribute (NORMAL when absent) on the first broker, by name, that has the topic;
        /// null when no broker's topic table could be read.
        @NullEncoded var messageType: String? = nil
    }

    var topics: [Entry]

    /// One GET_TOPICS_BY_CLUSTER per cluster gives every topic's clusters without a route per topic.
    static func load(client: MQClientInstance, cluster: String?, includeSystem: Bool) async throws -> TopicListView {
        let info = try await client.clusterInfo()
        let clusters = try cluster.map { [try info.resolveCluster($0)] } ?? info.clusterNames
        var byTopic: [String: [String]] = [:]
        for c in clusters {
            for t in try await client.topics(cluster: c) { byTopic[t, default: []].append(c) }
        }
        if cluster == nil {
            // Topics whose brokers left every cluster still have a route; list them without one.
            for t in try await client.allTopics() where byTopic[t] == nil { byTopic[t] = [] }
        }
        let types = await messageTypes(client: client, info: info, clusters: clusters)
        let entries = byTopic.keys.sorted().map {
            Entry(
                topic: $0, clusters: byTopic[$0]!.sorted(), kind: TopicKind.of($0, clusterInfo: info),
                messageType: types[$0])
        }
        return TopicListView(topics: includeSystem ? entries : entries.filter { $0.kind == .normal })
    }

    /// Each topic's message type, from one GET_ALL_TOPIC_CONFIG per master (brokers in name order; one that
    /// does not answer is left out).
    static func messageTypes(client: MQClientInstance, info: ClusterInfo, clusters: [String]) async
        -> [String: String]
    {
        let names = Set(clusters.flatMap { info.clusterAddrTable[$0] ?? [] })
        var types: [String: String] = [:]
        for name in names.sorted() {
            guard let address = info.brokerAddrTable[name]?.masterAddress,
                let table = try? await client.topicConfigs(broker: address).topicConfigTable
            else { continue }
            for (topic, config) in table where types[topic] == nil { types[topic] = config.messageType }
        }
        return types
    }

    func table() -> String {
        var t = TextTable("TOPIC", "CLUSTER", "KIND", "TYPE")
        for e in topics {
            t.add(
                e.topic, e.clusters.isEmpty ? "-" : e.clusters.joined(separator: ","), e.kind.rawValue,
                e.messageType ?? "-")
        }
        return t.render()
    }
}

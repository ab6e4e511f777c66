import ArgumentParser
import MQClient

/// Apache's `topicClusterList -t TOPIC`: the clusters serving a topic, one per line.
struct ClassicTopicClusterList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topicClusterList",
        abstract: "Get cluster info for topic (Apache's classic command and output).",
        discussion: "Lists every cluster with a broker in the topic's route (Apache looks at the first broker only).")

    @Option(name: [.customShort("t"), .customLong("topic")], help: "topic name", completion: .custom(LiveNames.topics))
    var topic: String

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    struct View: Encodable, Sendable {
        var topic: String
        var clusters: [String]
    }

    func validate() throws { try TopicArgs.topic(topic) }

    func run() async throws {
        let view = try await Session.withClient(connection) { client in
            let info = try await client.clusterInfo()
            let route = try await client.route(topic: topic, refresh: true)
            return View(
                topic: topic,
                clusters: Set(route.brokerDatas.compactMap { info.clusterName(ofBroker: $0.brokerName) }).sorted())
        }
        Emit.output(view, format: output.output) { view.clusters.map { $0 + "\n" }.joined() }
    }
}

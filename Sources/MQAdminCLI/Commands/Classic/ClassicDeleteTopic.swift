import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `deleteTopic -t TOPIC -c CLUSTER`: from the cluster's masters, then the name servers.
struct ClassicDeleteTopic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deleteTopic",
        abstract: "Delete topic from broker and NameServer (Apache's classic command and output).",
        discussion: "Like Apache's, it does not ask for confirmation (`mqadmin topic delete` does).")

    @Option(name: [.customShort("t"), .customLong("topic")], help: "topic name", completion: .custom(LiveNames.topics))
    var topic: String

    @Option(name: [.customShort("c"), .customLong("clusterName")], help: "delete topic from which cluster")
    var clusterName: String

    @OptionGroup var ignoredYes: ClassicIgnoredYes

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        try TopicArgs.topic(topic)
        if SystemTopics.isSystem(topic) { throw ValidationError("\(topic) is a system topic; it cannot be deleted") }
    }

    func run() async throws {
        let view = try await Session.withClient(connection) { client in
            let targets = try await client.clusterInfo().masters(cluster: clusterName)
            let report = try await client.deleteTopic(topic, on: targets, cluster: clusterName)
            return TopicDeleteView(
                topic: topic, cluster: clusterName, report: report, nameServerAddresses: client.nameServers)
        }
        Emit.output(view, format: output.output) {
            var out = ""
            if !view.brokers.contains(where: { $0.result == .failed }) {
                out += "delete topic [\(topic)] from cluster [\(clusterName)] success.\n"
            }
            if view.succeeded { out += "delete topic [\(topic)] from NameServer success.\n" }
            return out
        }
        try view.failIfPartial()
    }
}

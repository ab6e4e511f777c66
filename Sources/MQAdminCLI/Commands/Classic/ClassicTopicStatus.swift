import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `topicStatus -t TOPIC [-c CLUSTER]`: min/max offset and last store time per queue.
struct ClassicTopicStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topicStatus",
        abstract: "Examine topic Status info (Apache's classic command and output).",
        discussion: "The put TPS is summed over the brokers with and without -c (Apache sums it only without).")

    @Option(name: [.customShort("t"), .customLong("topic")], help: "topic name", completion: .custom(LiveNames.topics))
    var topic: String

    @Option(
        name: [.customShort("c"), .customLong("cluster")],
        help: "cluster name: ask its masters instead of the topic's route")
    var cluster: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws { try TopicArgs.topic(topic) }

    func run() async throws {
        let view = try await Session.withClient(connection) { client in
            guard let cluster else {
                let (route, masters) = try await client.routeMasters(topic: topic)
                var view = TopicDescribeView(
                    topic: topic, route: route, stats: try await client.topicStats(topic: topic))
                await view.readMessageType(client: client, masters: masters)
                return view
            }
            let masters = try await client.clusterInfo().masters(cluster: cluster)
            let topic = self.topic
            let stats = await client.fanOut(masters) { e in try await client.topicStats(topic: topic, broker: e.address)
            }
            guard stats.contains(where: { ($0.value ?? nil) != nil }) || stats.contains(where: { $0.error != nil })
            else {
                throw ClientError.topicNotFound(topic)
            }
            var view = TopicDescribeView(
                topic: topic, route: nil, stats: stats.filter { ($0.value ?? nil) != nil || $0.error != nil })
            await view.readMessageType(client: client, masters: masters)
            return view
        }
        Emit.output(view, format: output.output) {
            let rows = view.queues.map {
                (
                    MessageQueue(topic: topic, brokerName: $0.broker, queueId: $0.queueId),
                    TopicOffset(
                        minOffset: $0.minOffset, maxOffset: $0.maxOffset,
                        lastUpdateTimestamp: $0.lastStoreTime.value ?? 0)
                )
            }
            return ClassicLayouts.topicStatus(rows, putTps: view.totals.putTps)
        }
        try view.failIfPartial()
    }
}

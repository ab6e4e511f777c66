import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `topicList`: every topic name, or with `-c` one row per cluster, topic and consuming group.
struct ClassicTopicList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topicList",
        abstract: "Fetch all topic list from name server (Apache's classic command and output).",
        discussion: """
            Without -c every topic is listed, retry, dead-letter and system topics included. With -c the \
            consuming groups are merged over all the topic's brokers (Apache asks only the first).
            """)

    @Flag(name: [.customShort("c"), .customLong("clusterModel")], help: "clusterModel")
    var clusterModel = false

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func run() async throws {
        let view = try await Session.withClient(connection) { client in
            try await ClassicTopicListView.load(client: client, withGroups: clusterModel)
        }
        Emit.output(view, format: output.output) { clusterModel ? view.clusterLayout() : view.plain() }
        if let failure = view.failures.first {
            throw CLIError(
                "cannot read consumer groups of \(view.failures.count) topic(s), e.g. \(failure)", exit: .failed)
        }
    }
}

/// The result of classic `topicList --output json` (docs/json/topics.md).
struct ClassicTopicListView: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        var topic: String
        @NullEncoded var cluster: String?
        /// Groups consuming the topic (only with -c; else null).
        @NullEncoded var groups: [String]?
    }

    /// A topic whose groups could not be read (-c), with why (the broker asked, where one answered wrong).
    struct Failure: Encodable, Sendable, CustomStringConvertible {
        var topic: String
        var error: String
        var description: String { "\(topic): \(error)" }
    }

    var topics: [Entry]
    var failures: [Failure]

    static func load(client: MQClientInstance, withGroups: Bool) async throws -> ClassicTopicListView {
        let all = try await client.allTopics()
        guard withGroups else {
            return ClassicTopicListView(topics: all.map { Entry(topic: $0, cluster: nil, groups: nil) }, failures: [])
        }
        let info = try await client.clusterInfo()
        let topics = all.filter { !$0.hasPrefix(SystemTopics.retryPrefix) && !$0.hasPrefix(SystemTopics.dlqPrefix) }
        var entries: [Entry] = []
        var failures: [Failure] = []
        // Two requests per topic: bounded concurrency keeps big clusters fast without a burst.
        for chunk in stride(from: 0, to: topics.count, by: 16).map({ Array(topics[$0..<min($0 + 16, topics.count)]) }) {
            let rows = await withTaskGroup(of: (Entry, Failure?).self) { group in
                for t in chunk { group.addTask { await Self.entry(topic: t, client: client, info: info) } }
                var out: [(Entry, Failure?)] = []
                for await r in group { out.append(r) }
                return out
            }
            entries += rows.map(\.0)
            failures += rows.compactMap(\.1)
        }
        return ClassicTopicListView(
            topics: entries.sorted { $0.topic < $1.topic }, failures: failures.sorted { $0.topic < $1.topic })
    }

    static func entry(topic: String, client: MQClientInstance, info: ClusterInfo) async -> (Entry, Failure?) {
        do {
            let (route, _) = try await client.routeMasters(topic: topic)
            let cluster = route.brokerDatas.first.flatMap { info.clusterName(ofBroker: $0.brokerName) }
            let results = try await client.topicConsumers(topic: topic)
            let groups = Set(results.flatMap { $0.value ?? [] }).sorted()
            let failure = results.first { $0.error != nil }.map {
                Failure(topic: topic, error: "\($0.endpoint): \($0.error!)")
            }
            return (Entry(topic: topic, cluster: cluster, groups: groups), failure)
        } catch {
            return (Entry(topic: topic, cluster: "", groups: []), Failure(topic: topic, error: "\(error)"))
        }
    }

    func plain() -> String { topics.map { $0.topic + "\n" }.joined() }

    func clusterLayout() -> String {
        var out = ClassicLayouts.topicListHeader()
        for e in topics {
            for g in (e.groups ?? []).isEmpty ? [""] : e.groups! {
                out += ClassicLayouts.topicListRow(cluster: e.cluster ?? "", topic: e.topic, group: g)
            }
        }
        return out
    }
}

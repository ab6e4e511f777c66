import Foundation
import Logging
import MQClient
import MQProtocol
import MQTestSupport
import NIOPosix
import Testing

/// A 2-broker cluster (or one broker) with topic `T` on every broker, group `g`, and `perQueue` messages in
/// every queue; a private HOME for the offset journal.
struct GroupFixture {
    let cluster: InProcessCluster
    let client: MQClientInstance
    let home: TempDirectory

    var cli: InProcessRunner { InProcessRunner(nameServer: cluster.nameServerAddress, home: home.path) }
    var journal: String { home.path + "/.mqadmin/journal" }

    static func start(
        brokers: Int = 2, queues: Int32 = 2, perQueue: Int = 5, group: String? = "g"
    ) async throws -> GroupFixture {
        let cluster = try await InProcessCluster.start(brokers: brokers)
        let client = cluster.client()
        try await seed(
            client, brokers: cluster.brokers.map { $0.brokerAddress! }, queues: queues, perQueue: perQueue, group: group
        )
        return GroupFixture(cluster: cluster, client: client, home: try TempDirectory("home"))
    }

    /// Creates `T` and `group` on every broker and sends `perQueue` messages to each queue.
    static func seed(
        _ client: MQClientInstance, brokers: [String], queues: Int32, perQueue: Int, group: String?
    ) async throws {
        for b in brokers {
            try await client.createTopic(
                TopicConfig(topicName: "T", readQueueNums: queues, writeQueueNums: queues), broker: b)
            if let group { try await client.updateGroup(SubscriptionGroupConfig(groupName: group), broker: b) }
        }
        #expect(
            await eventually { (try? await client.route(topic: "T", refresh: true).queueDatas.count) == brokers.count })
        try await produce(client, perQueue: perQueue)
    }

    /// Sends `perQueue` messages to every queue of `T`, keyed `<queue>-<i>`.
    static func produce(_ client: MQClientInstance, perQueue: Int) async throws {
        let producer = Producer(group: "pg", client: client)
        for mq in try await producer.writableQueues(topic: "T", refresh: true) {
            for i in 0..<perQueue {
                _ = try await producer.send(Message(topic: "T", body: "\(mq) \(i)", keys: ["\(mq)-\(i)"]), to: mq)
            }
        }
    }

    func stop() async {
        await client.shutdown()
        await cluster.stop()
        home.remove()
    }
}

/// The embedded default: no -n, MQADMIN_DATA = a data directory seeded by a `broker start` that has exited.
struct EmbeddedFixture {
    let dir: TempDirectory
    var data: String { dir.sub("data") }
    var cli: InProcessRunner { InProcessRunner(dataDirectory: data, home: dir.sub("home")) }

    static func start(perQueue: Int = 5, group: String? = "g") async throws -> EmbeddedFixture {
        let dir = try TempDirectory("embedded")
        let broker = try BrokerProcess(dataDirectory: dir.sub("data"))
        defer { broker.stop() }
        try await broker.waitUntilReady()
        var logger = Logger(label: "fixture")
        logger.logLevel = .error
        let client = MQClientInstance(
            nameServers: [broker.nameServer], group: MultiThreadedEventLoopGroup.singleton, logger: logger)
        try await GroupFixture.seed(client, brokers: [broker.broker], queues: 2, perQueue: perQueue, group: group)
        await client.shutdown()
        return EmbeddedFixture(dir: dir)
    }
}

/// Small readers for the JSON the commands print.
enum J {
    static func object(_ r: (result: CommandResult, value: Any?)) -> [String: Any] {
        #expect(r.result.status == 0, "exit \(r.result.status): \(r.result.stderr)")
        return r.value as? [String: Any] ?? [:]
    }

    /// A classic command with `--output json` (their `-o` means something else).
    static func classic(_ cli: InProcessRunner, _ args: [String]) async throws -> [String: Any] {
        let r = try await cli.run(args + ["--output", "json"])
        return object((r, try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))))
    }

    static func array(_ v: Any?) -> [[String: Any]] { v as? [[String: Any]] ?? [] }
    static func int(_ v: Any?) -> Int64? { (v as? NSNumber)?.int64Value }
}

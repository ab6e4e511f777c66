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

    /// Runs `body` with a fixture of `brokers` brokers, `queues` queues of `T` on each and `perQueue` messages in
    /// every queue. Stops the cluster afterwards (the `onStop` actions first, then the clients it handed out, the
    /// brokers and the name server) and removes HOME, awaited, whether `body` returned or threw.
    static func with<T>(
        isolation: isolated (any Actor)? = #isolation,
        brokers: Int = 2, queues: Int32 = 2, perQueue: Int = 5, group: String? = "g",
        _ body: (GroupFixture) async throws -> T
    ) async throws -> T {
        try await withCluster(brokers: brokers) { cluster in
            let home = try TempDirectory("home")
            return try await withTeardown {
                let f = GroupFixture(cluster: cluster, client: cluster.client(), home: home)
                try await seed(
                    f.client, brokers: cluster.brokers.map { $0.brokerAddress! }, queues: queues, perQueue: perQueue,
                    group: group)
                return try await body(f)
            } teardown: {
                home.remove()
            }
        }
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
        try await waitUntil("the route of T to list \(brokers.count) broker(s)") {
            (try? await client.route(topic: "T", refresh: true).queueDatas.count) == brokers.count
        }
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
}

/// The embedded default: no -n, MQADMIN_DATA = a data directory seeded by a `broker start` that has exited.
struct EmbeddedFixture {
    let dir: TempDirectory
    var data: String { dir.sub("data") }
    var cli: InProcessRunner { InProcessRunner(dataDirectory: data, home: dir.sub("home")) }

    /// Runs `body` with a data directory seeded by a `broker start` that has exited (stopped with SIGTERM and
    /// awaited; a broker that does not exit cleanly fails the call). Removes the directory afterwards, whether
    /// `body` returned or threw.
    static func with<T>(
        isolation: isolated (any Actor)? = #isolation, perQueue: Int = 5, group: String? = "g",
        _ body: (EmbeddedFixture) async throws -> T
    ) async throws -> T {
        let dir = try TempDirectory("embedded")
        return try await withTeardown {
            try await withBrokerProcess(dataDirectory: dir.sub("data")) { broker in
                var logger = Logger(label: "fixture")
                logger.logLevel = .error
                let client = MQClientInstance(
                    nameServers: [broker.nameServer], group: MultiThreadedEventLoopGroup.singleton, logger: logger)
                try await withTeardown {
                    try await GroupFixture.seed(
                        client, brokers: [broker.broker], queues: 2, perQueue: perQueue, group: group)
                } teardown: {
                    await client.shutdown()
                }
            }
            return try await body(EmbeddedFixture(dir: dir))
        } teardown: {
            dir.remove()
        }
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
    /// A field of a nested object (`totals.lag`).
    static func field(_ v: Any?, _ key: String) -> Any? { (v as? [String: Any])?[key] }
}

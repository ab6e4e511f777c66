import Foundation
import Logging
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import NIOPosix
import Testing

/// Helpers the message and backlog end-to-end tests share.
enum MessageFixtures {
    static var quiet: Logger {
        var l = Logger(label: "message-tests")
        l.logLevel = .error
        return l
    }

    /// Creates `topic` on every broker and waits until its route lists them all.
    static func createTopic(
        _ cluster: InProcessCluster, _ topic: String, queues: Int32 = 2, fileID: String = #fileID, line: Int = #line
    ) async throws {
        let client = cluster.client()
        try await withTeardown {
            for b in cluster.brokers {
                try await client.createTopic(
                    TopicConfig(topicName: topic, readQueueNums: queues, writeQueueNums: queues),
                    broker: b.brokerAddress!)
            }
            try await waitUntil("the route of \(topic) to list every broker", fileID: fileID, line: line) {
                (try? await client.route(topic: topic, refresh: true).queueDatas.count) == cluster.brokers.count
            }
        } teardown: {
            await client.shutdown()
        }
    }

    /// Creates a subscription group on every broker.
    static func createGroup(_ cluster: InProcessCluster, _ group: String) async throws {
        let client = cluster.client()
        try await withTeardown {
            for b in cluster.brokers {
                try await client.updateGroup(SubscriptionGroupConfig(groupName: group), broker: b.brokerAddress!)
            }
        } teardown: {
            await client.shutdown()
        }
    }

    /// Runs `body` with a data directory for the embedded default (no -n) with `topics` already created: the
    /// bundled broker is opened in this process once, the way the command would, and closed again (awaited)
    /// before `body` runs. Removes the directory afterwards, whether `body` returned or threw.
    static func withEmbeddedData<T>(
        isolation: isolated (any Actor)? = #isolation, topics: [String], queues: Int32 = 2,
        _ body: (TempDirectory) async throws -> T
    ) async throws -> T {
        let dir = try TempDirectory("embedded-messages")
        return try await withTeardown {
            let (client, invoker) = MQClientInstance.inProcess(
                nameServers: [EmbeddedBroker.nameServerAddress], group: MultiThreadedEventLoopGroup.singleton,
                logger: quiet)
            let broker = EmbeddedBroker(
                dataDirectory: dir.sub("data"), group: MultiThreadedEventLoopGroup.singleton, logger: quiet)
            try await withTeardown {
                try await broker.start(invoker: invoker)
                for t in topics {
                    try await client.createTopic(
                        TopicConfig(topicName: t, readQueueNums: queues, writeQueueNums: queues),
                        broker: EmbeddedBroker.brokerAddress)
                }
                let last = topics.last ?? "TBW102"
                try await waitUntil("the route of \(last) in the embedded name server") {
                    (try? await client.route(topic: last, refresh: true)) != nil
                }
            } teardown: {
                await client.shutdown()
                await broker.stop()
            }
            return try await body(dir)
        } teardown: {
            dir.remove()
        }
    }

    /// stdout parsed as a JSON object (records an issue when it is not one).
    /// `message consume -o json`: JSON Lines, one message object per line as it arrived, then the summary line.
    /// The summary comes back with a `messages` array of the lines before it, so it reads like one report.
    static func consumed(_ r: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any] {
        let lines = r.stdout.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(
            !lines.isEmpty && lines.allSatisfy { $0 != nil },
            "not JSON Lines (exit \(r.status)): \(r.stdout.prefix(500)) \(r.stderr)", sourceLocation: sourceLocation)
        let objects = lines.compactMap { $0 }
        guard var summary = objects.last else { return [:] }
        #expect(summary["commits"] is [Any], "no summary line last: \(r.stdout.suffix(300))", sourceLocation: sourceLocation)
        summary["messages"] = Array(objects.dropLast())
        return summary
    }

    static func object(_ r: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any] {
        let value = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(
            value != nil, "not a JSON object (exit \(r.status)): \(r.stdout.prefix(500)) \(r.stderr)",
            sourceLocation: sourceLocation)
        return value ?? [:]
    }

    /// stdout parsed as a JSON array.
    static func array(_ r: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) -> [[String: Any]] {
        let value = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        #expect(
            value != nil, "not a JSON array (exit \(r.status)): \(r.stdout.prefix(500)) \(r.stderr)",
            sourceLocation: sourceLocation)
        return value ?? []
    }

    /// One line on stderr, starting with "mqadmin: ", and no stack trace.
    static func expectOneErrorLine(
        _ r: CommandResult, contains: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("mqadmin: "), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(contains), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
    }
}

/// Thread-safe message counter for handlers.
actor Counter {
    private(set) var value = 0
    func add(_ n: Int) { value += n }
}

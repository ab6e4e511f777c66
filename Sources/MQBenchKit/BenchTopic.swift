import MQClient
import MQProtocol

/// The topic (and consumer group) a bench creates on every master of a cluster and removes afterwards.
public struct BenchTopic: Sendable {
    public let name: String
    public let queues: Int32
    public let targets: [BrokerEndpoint]

    /// `mqadmin-bench-<random>`: never an existing topic's name by chance.
    public static func randomName(_ prefix: String = "mqadmin-bench") -> String {
        "\(prefix)-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
    }

    /// The masters it would be created on (what the bench says before creating anything).
    public static func plan(client: MQClientInstance, cluster: String?, queues: Int32) async throws -> BenchTopic {
        let targets = try await client.clusterInfo().writeTargets(cluster: cluster, broker: nil)
        return BenchTopic(name: randomName(), queues: queues, targets: targets)
    }

    /// Creates it and waits (up to 10 s) until its route lists every master, so the first send finds it.
    public func create(client: MQClientInstance) async throws {
        let config = TopicConfig(topicName: name, readQueueNums: queues, writeQueueNums: queues)
        let results = try await client.createTopic(config, attributes: [:], on: targets, ifNotExists: false)
        if let failed = results.first(where: { $0.error != nil }), let error = failed.error { throw error }
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            let route = try? await client.route(topic: name, refresh: true)
            if route?.queueDatas.count == targets.count { return }
            if ContinuousClock.now >= deadline { throw ClientError.topicNotFound(name) }
            try await Task.sleep(for: .milliseconds(100))  // the brokers register the topic with their next report
        }
    }

    /// Deletes it from the brokers and the name servers; nil, or what went wrong.
    public func delete(client: MQClientInstance) async -> String? {
        do {
            let report = try await client.deleteTopic(name, on: targets, cluster: nil)
            if let e = report.brokers.first(where: { $0.error != nil })?.error { return "\(e)" }
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// How long the deletion of the group waits after its members stopped. A pull a member left held at the
    /// broker is re-run there when it expires, and that re-run creates the group again (autoCreateSubscriptionGroup,
    /// Apache's default) if it is already deleted. Apache 4.9.8 looks at held pulls only every 5 s (its
    /// PullRequestHoldService with long polling), so a held pull can be re-run up to suspend + 5 s after it was
    /// parked: seen against 4.9.8, whose log showed the group auto-created 3 s after the bench deleted it.
    public static let groupDeletionDelay: Duration = ConsumerSet.pullSuspend + .seconds(5) + .milliseconds(500)

    /// Deletes a consumer group the bench created (and its offsets and retry topic) from `targets`.
    public static func deleteGroup(_ group: String, client: MQClientInstance, targets: [BrokerEndpoint]) async
        -> String?
    {
        try? await Task.sleep(for: groupDeletionDelay)
        // The retry topic a member's heartbeat created (absent is fine), then the group and its offsets.
        _ = try? await client.deleteTopic(SystemTopics.retryTopic(group), on: targets, cluster: nil)
        var problem: String?
        for t in targets {
            do {
                try await client.deleteGroup(group, broker: t.address, cleanOffset: true)
            } catch {
                problem = problem ?? "\(error)"
            }
        }
        return problem
    }
}

import Foundation
import MQBenchKit
import MQClient
import MQProtocol
import UnixSignals

/// What a bench did with its topic and group, for the report.
struct BenchResources: Encodable, Sendable {
    var topic: String
    /// Created by this run (else an existing --topic).
    var topicCreated: Bool
    /// Deleted at the end (false: kept, existing, or the deletion failed and `cleanupError` says why).
    var topicDeleted: Bool
    @NullEncoded var group: String?
    var groupCreated: Bool
    var groupDeleted: Bool
    @NullEncoded var cleanupError: String?
}

/// The parts every bench subcommand shares: the topic's and group's lifecycle, Ctrl-C, the progress line.
enum BenchRun {
    /// Runs `body` on the bench topic: --topic's (checked to exist), or one it creates, says so first, and
    /// deletes afterwards (unless --keep-topic), also when `body` throws. `group` (when given) is a consumer
    /// group created by this run, deleted afterwards too.
    static func withTopic<T: Sendable>(
        _ options: BenchTopicChoice, client: MQClientInstance, group: (name: String, created: Bool)? = nil,
        _ body: (String) async throws -> T
    ) async throws -> (T, BenchResources) {
        var resources = BenchResources(
            topic: options.existing ?? "", topicCreated: false, topicDeleted: false, group: group?.name,
            groupCreated: group?.created ?? false, groupDeleted: false)
        var created: BenchTopic?
        if let existing = options.existing {
            _ = try await client.route(topic: existing, refresh: true)  // topicNotFound: exit 3, nothing done
        } else {
            let plan = try await BenchTopic.plan(client: client, cluster: options.cluster, queues: options.queues)
            let brokers = plan.targets.map(\.brokerName).joined(separator: ", ")
            let fate = options.keep ? "kept afterwards (--keep-topic)" : "deleted afterwards"
            Emit.note("mqadmin: bench creates topic \(plan.name) (\(plan.queues) queues on \(brokers)), \(fate)")
            resources.topic = plan.name
            try await plan.create(client: client)
            resources.topicCreated = true
            created = plan
        }
        if let group, group.created {
            Emit.note("mqadmin: bench consumes as group \(group.name), deleted afterwards")
        }
        let result: Result<T, any Error>
        do {
            result = .success(try await body(resources.topic))
        } catch {
            result = .failure(error)
        }
        // Not cancelled with the command: a Ctrl-C must not leave the topic behind.
        let (keep, cluster) = (options.keep, options.cluster)
        let cleaned = await Task { [resources, created] () -> BenchResources in
            var r = resources
            if let created, !keep {
                let problem = await created.delete(client: client)
                r.topicDeleted = problem == nil
                if let problem { r.cleanupError = "topic \(created.name): \(problem)" }
            }
            if let group, group.created {
                let problem: String?
                do {
                    let targets = try await client.clusterInfo().writeTargets(cluster: cluster, broker: nil)
                    problem = await BenchTopic.deleteGroup(group.name, client: client, targets: targets)
                } catch {
                    problem = "\(error)"
                }
                r.groupDeleted = problem == nil
                if let problem { r.cleanupError = "group \(group.name): \(problem)" }
            }
            return r
        }.value
        if let problem = cleaned.cleanupError { Emit.note("mqadmin: bench could not clean up \(problem)") }
        return (try result.get(), cleaned)
    }

    /// Runs `body` with Ctrl-C / SIGTERM setting `stop` (the run then ends early and reports what it measured)
    /// and, when asked or on a terminal, a progress line on stderr every second.
    static func running<T: Sendable>(
        stop: BenchStop, counters: BenchCounters, progress: Bool, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        let showProgress = progress || isatty(STDERR_FILENO) == 1
        let console = Console.current
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                for await _ in signals {
                    stop.stop()
                    break
                }
                return nil
            }
            if showProgress {
                group.addTask {
                    let start = ContinuousClock.now
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(1))
                        if Task.isCancelled { break }
                        let s = counters.snapshot
                        let secs = (ContinuousClock.now - start).components.seconds
                        console.writeError(
                            "mqadmin: bench \(secs)s: sent \(s.sent), failed \(s.errors), received \(s.received)\n")
                    }
                    return nil
                }
            }
            while let next = try await group.next() {
                if let value = next {
                    group.cancelAll()
                    return value
                }
            }
            throw CancellationError()
        }
    }

    /// A random consumer group name, or the given one (kept).
    static func group(_ given: String?) -> (name: String, created: Bool) {
        given.map { ($0, false) } ?? (BenchTopic.randomName("mqadmin-bench-group"), true)
    }
}

extension Session {
    /// Clients on their own connections to this session's name servers, with its timeout and credentials, for
    /// the consumers after the first (brokers tell a group's members apart by connection); nil for the
    /// in-process bundled broker, which has one transport.
    func memberClients(_ options: ConnectionOptions) throws -> BenchClientFactory? {
        if case .embedded = target { return nil }
        let signer = try options.signer(for: try options.resolveTarget())
        let (servers, timeout) = (client.nameServers, client.timeout)
        return {
            MQClientInstance(
                nameServers: servers, group: Session.group, timeout: timeout, signer: signer, logger: Session.logger)
        }
    }
}

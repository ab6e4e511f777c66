import Foundation
import MQClient

/// The result of `broker drain` / `broker undrain` (docs/schemas/broker.drain.json, broker.undrain.json).
struct BrokerDrainView: Encodable, Sendable {
    struct NameServer: Encodable, Sendable {
        var address: String
        @NullEncoded var topicCount: Int?
        @NullEncoded var error: String?
    }

    /// A group still behind on the broker's queues of a topic: what consumers still read from it.
    struct Pending: Encodable, Sendable {
        var group: String
        var topic: String
        var lag: Int64
    }

    var broker: String
    /// Whether writes were allowed (undrain) or wiped (drain).
    var writable: Bool
    var nameServers: [NameServer]
    var succeeded: Bool
    /// With --wait: whether no name server routes writes to it and its put TPS stayed 0; null without --wait.
    @NullEncoded var safeToStop: Bool?
    @NullEncoded var putTps: Double?
    /// With --wait: the groups still behind on the broker (drained writes, not yet drained reads).
    @NullEncoded var stillConsumed: [Pending]?
    /// The command that reverses this one.
    var undo: String

    private let failures: [ClientError]
    private enum CodingKeys: String, CodingKey {
        case broker, writable, nameServers, succeeded, safeToStop, putTps, stillConsumed, undo
    }

    init(broker: String, writable: Bool, results: [BrokerResult<WritePermissionChange>]) {
        self.broker = broker
        self.writable = writable
        nameServers = results.map {
            NameServer(address: $0.endpoint.address, topicCount: $0.value?.topicCount, error: $0.error?.description)
        }
        succeeded = results.allSatisfy { $0.error == nil }
        failures = results.compactMap(\.error)
        undo = "mqadmin broker \(writable ? "drain" : "undrain") \(broker)"
    }

    func table() -> String {
        var t = TextTable("NAME SERVER", "TOPICS", "RESULT", "ERROR")
        for n in nameServers {
            let result = n.error == nil ? (writable ? "writes allowed" : "writes wiped") : "failed"
            t.add(n.address, n.topicCount.map(String.init) ?? "-", result, n.error ?? "")
        }
        var out = t.render()
        if safeToStop == true {
            out += "\nBroker \(broker) is drained: no name server routes writes to it and its put TPS is 0. "
                + "It is safe to stop.\n"
        }
        if let stillConsumed, !stillConsumed.isEmpty {
            out += "Still being consumed from \(broker):\n"
            for p in stillConsumed { out += "  group \(p.group), topic \(p.topic): \(p.lag) messages behind\n" }
        }
        return out + "Undo: \(undo)\n"
    }

    /// Refuses a broker name the name servers do not know (a typo would otherwise "drain" nothing, with success).
    static func requireKnown(_ broker: String, client: MQClientInstance) async throws {
        let known = try await client.clusterInfo().brokerAddrTable.keys.sorted()
        guard known.contains(broker) else {
            throw CLIError(
                "no broker named \(broker); the name servers know: \(known.joined(separator: ", "))", exit: .notFound)
        }
    }

    /// The groups behind on `broker`'s queues in `sample`, summed per group and topic.
    static func pending(_ sample: BacklogSample, broker: String) -> [Pending] {
        var lag: [BacklogSample.GroupTopic: Int64] = [:]
        for q in sample.queues where q.queue.brokerName == broker {
            let from = q.neverCommitted ? (q.minOffset ?? 0) : q.committedOffset
            let behind = max(0, q.brokerOffset - from)
            if behind > 0 { lag[.init(group: q.group, topic: q.queue.topic), default: 0] += behind }
        }
        return lag.map { Pending(group: $0.key.group, topic: $0.key.topic, lag: $0.value) }
            .sorted { ($0.group, $0.topic) < ($1.group, $1.topic) }
    }

    /// Throws after output when a name server was not changed.
    func failIfPartial() throws {
        guard !succeeded else { return }
        let failed = nameServers.filter { $0.error != nil }.map { "\($0.address): \($0.error!)" }
        throw CLIError(
            "\(writable ? "undraining" : "draining") broker \(broker) failed on \(failed.count) of "
                + "\(nameServers.count) name servers (\(failed.joined(separator: "; ")));"
                + " run it again when they answer",
            exit: failures.allSatisfy(\.isConnectivity) ? .unreachable : .failed)
    }
}

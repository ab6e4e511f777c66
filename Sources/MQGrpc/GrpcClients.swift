import MQProtocol
import NIOCore
import Synchronization

/// The v5 clients the endpoint knows, by client id (`x-mq-client-id`): their latest settings and the peer that
/// stands for them in the broker's tables. Entered by a Telemetry settings command, left by
/// NotifyClientTermination; a client that vanished is dropped after `idleMillis` without a heartbeat.
final class GrpcClients: Sendable {
    struct Client: Sendable {
        var settings: V2Settings
        var peer: GrpcClientPeer
        var call: GrpcCall
        var lastSeen: Int64
        /// Heartbeats received since the settings command (what tests and, later, admin listings look at).
        var heartbeats = 0
        /// Its Telemetry stream ended (the client went away) and no settings came since.
        var vanished = false
    }

    /// Apache's `grpcClientIdleTimeMills`; the broker's own channel expiry (120 s) is the same.
    static let idleMillis: Int64 = 120_000
    private let table = Mutex<[String: Client]>([:])

    /// Stores `settings` for the caller's client id (a new peer the first time) and returns the entry.
    func update(settings: V2Settings, call: GrpcCall, now: Int64, makePeer: () -> GrpcClientPeer) -> Client {
        table.withLock { table in
            table = table.filter { now - $0.value.lastSeen < Self.idleMillis }
            var client = table[call.clientId] ?? Client(settings: settings, peer: makePeer(), call: call, lastSeen: now)
            client.settings = settings
            client.call = call
            client.lastSeen = now
            client.vanished = false
            table[call.clientId] = client
            return client
        }
    }

    /// The client's entry, marked seen now; nil for a client id that sent no settings yet.
    func touch(_ clientId: String, now: Int64) -> Client? {
        table.withLock { table in
            table[clientId]?.lastSeen = now
            table[clientId]?.heartbeats += 1
            return table[clientId]
        }
    }

    func client(_ clientId: String) -> Client? { table.withLock { $0[clientId] } }

    /// Known, its Telemetry stream not ended, and seen (settings or heartbeat) within `idleMillis`.
    func isAlive(_ clientId: String, now: Int64) -> Bool {
        table.withLock { table in
            table[clientId].map { !$0.vanished && now - $0.lastSeen < Self.idleMillis } ?? false
        }
    }

    /// The client's Telemetry stream ended: nothing is renewed for it any more (a receive of it still parked in the
    /// broker may deliver later; the renewal scan gives those handles back).
    func markVanished(_ clientId: String) { table.withLock { $0[clientId]?.vanished = true } }

    func remove(_ clientId: String) -> Client? { table.withLock { $0.removeValue(forKey: clientId) } }

    var all: [String: Client] { table.withLock { $0 } }
}

extension GrpcClients.Client {
    /// The HEART_BEAT body that registers this client with the broker (design §2.1): a producer under each
    /// publishing topic (v5 producers have no group; Apache's proxy uses the topic name), a consumer in its group
    /// with its subscriptions (push: CONSUME_PASSIVELY, simple: CONSUME_ACTIVELY; clustering; from the last offset).
    var heartbeat: HeartbeatData {
        switch settings.pubSub {
        case .publishing(let p):
            let producers = p.topics.map { ProducerData(groupName: $0.name) }
            return HeartbeatData(clientID: call.clientId, producerDataSet: producers)
        case .subscription(let s):
            let subscriptions = s.subscriptions.map { entry -> SubscriptionData in
                let expression = entry.expression.expression
                var data = SubscriptionData(topic: entry.topic.name, subString: expression.isEmpty ? "*" : expression)
                data.expressionType = entry.expression.type == .sql ? "SQL92" : "TAG"
                return data
            }
            let consumer = ConsumerData(
                groupName: s.group.name,
                consumeType: settings.clientType == .pushConsumer ? .consumePassively : .consumeActively,
                messageModel: .clustering, consumeFromWhere: .lastOffset, subscriptionDataSet: subscriptions)
            return HeartbeatData(clientID: call.clientId, consumerDataSet: [consumer])
        case nil:
            return HeartbeatData(clientID: call.clientId)
        }
    }

    /// The UNREGISTER_CLIENT headers that take this client out of the broker's tables again.
    var unregisterHeaders: [UnregisterClientRequestHeader] {
        switch settings.pubSub {
        case .publishing(let p):
            return p.topics.map { UnregisterClientRequestHeader(clientID: call.clientId, producerGroup: $0.name) }
        case .subscription(let s):
            return [UnregisterClientRequestHeader(clientID: call.clientId, consumerGroup: s.group.name)]
        case nil:
            return []
        }
    }
}

import Logging
import MQProtocol
import MQRemoting
import NIOConcurrencyHelpers

/// One connected client of a group.
public struct ClientChannel: Sendable {
    public var clientId: String
    public var language: LanguageCode
    public var version: Int32
    public var peer: any RemotingPeer
    public var lastUpdate: Int64
}

/// A peer standing for a client of another protocol than remoting (the gRPC endpoint's RocketMQ 5 clients): the
/// connection listings report its protocol and raw version (mqadmin extension fields, design pop-grpc.md §4.9).
public protocol ForeignClientPeer: RemotingPeer {
    /// As the client names it (`x-mq-protocol`, e.g. `GRPC_V2`).
    var clientProtocol: String { get }
    /// As the client announced it (`x-mq-client-version`, e.g. `5.1.2`).
    var clientVersion: String { get }
}

extension ClientChannel {
    /// `REMOTING` for a remoting connection, else the foreign client's protocol.
    public var clientProtocol: String {
        guard let foreign = peer as? any ForeignClientPeer else { return "REMOTING" }
        return foreign.clientProtocol.isEmpty ? "GRPC_V2" : foreign.clientProtocol
    }

    /// The raw version of a foreign client; nil for remoting clients (their `version` is exact).
    public var clientVersion: String? {
        guard let foreign = peer as? any ForeignClientPeer, !foreign.clientVersion.isEmpty else { return nil }
        return foreign.clientVersion
    }
}

/// The live members of a consumer group and what they subscribe to (Apache's ConsumerGroupInfo).
public struct ConsumerGroupInfo: Sendable {
    public var groupName: String
    public var consumeType: ConsumeType
    public var messageModel: MessageModel
    public var consumeFromWhere: ConsumeFromWhere
    /// By connection id.
    public var channels: [UInt64: ClientChannel] = [:]
    /// By topic.
    public var subscriptions: [String: SubscriptionData] = [:]
    public var lastUpdate: Int64 = 0

    public var clientIds: [String] { channels.values.map(\.clientId).sorted() }
}

/// Tracks consumers from heartbeats and tells a group when its membership changes.
public final class ConsumerManager: Sendable {
    private let groups = NIOLockedValueBox<[String: ConsumerGroupInfo]>([:])
    private let logger: Logger
    /// Messages each connection sent back, per group.
    let sendBacks = SendBackLedger()

    init(logger: Logger) {
        self.logger = logger
    }

    /// Registers a consumer's heartbeat. Returns (membership changed, subscriptions changed).
    func register(
        _ data: ConsumerData, channel: ClientChannel, subscriptions: [SubscriptionData]
    ) -> (channelsChanged: Bool, subscriptionsChanged: Bool) {
        groups.withLockedValue { all in
            var info =
                all[data.groupName]
                ?? ConsumerGroupInfo(
                    groupName: data.groupName, consumeType: data.consumeType, messageModel: data.messageModel,
                    consumeFromWhere: data.consumeFromWhere)
            info.consumeType = data.consumeType
            info.messageModel = data.messageModel
            info.consumeFromWhere = data.consumeFromWhere
            let channelsChanged = info.channels[channel.peer.id] == nil
            info.channels[channel.peer.id] = channel
            var subscriptionsChanged = false
            var seen = Set<String>()
            for sub in subscriptions {
                seen.insert(sub.topic)
                if let old = info.subscriptions[sub.topic] {
                    // A newer version of a topic's subscription replaces the old one without counting as a change,
                    // as in Apache (ConsumerGroupInfo.updateSubscription): a client that stamps each heartbeat's
                    // subscriptions anew (our PushConsumer does) would otherwise make the broker notify the whole
                    // group on every heartbeat, and a 1.x C++ member notified often can wedge in its rebalance.
                    if old.subVersion < sub.subVersion { info.subscriptions[sub.topic] = sub }
                } else {
                    info.subscriptions[sub.topic] = sub
                    subscriptionsChanged = true
                }
            }
            // Topics no longer subscribed by the group's newest heartbeat are dropped (Apache does the same).
            for topic in info.subscriptions.keys where !seen.contains(topic) {
                info.subscriptions[topic] = nil
                subscriptionsChanged = true
            }
            info.lastUpdate = channel.lastUpdate
            all[data.groupName] = info
            return (channelsChanged, subscriptionsChanged)
        }
    }

    public func group(_ name: String) -> ConsumerGroupInfo? {
        groups.withLockedValue { $0[name] }
    }

    public var all: [String: ConsumerGroupInfo] { groups.withLockedValue { $0 } }

    /// Removes one client from a group; returns the group's remaining channels when it changed.
    func unregister(group: String, peerId: UInt64) -> [ClientChannel]? {
        groups.withLockedValue { all in
            guard var info = all[group], info.channels.removeValue(forKey: peerId) != nil else { return nil }
            if info.channels.isEmpty {
                all[group] = nil
                return []
            }
            all[group] = info
            return Array(info.channels.values)
        }
    }

    /// Removes a closed connection from every group; returns the groups whose members changed.
    func connectionClosed(peerId: UInt64) -> [(group: String, remaining: [ClientChannel])] {
        sendBacks.forget(peerId: peerId)
        return groups.withLockedValue { all in
            var changed: [(String, [ClientChannel])] = []
            for (name, var info) in all where info.channels.removeValue(forKey: peerId) != nil {
                if info.channels.isEmpty {
                    all[name] = nil
                } else {
                    all[name] = info
                }
                changed.append((name, Array(info.channels.values)))
            }
            return changed
        }
    }

    /// Drops channels silent for longer than `timeout`; returns the groups that changed.
    func expire(olderThan deadline: Int64) -> [(group: String, remaining: [ClientChannel])] {
        groups.withLockedValue { all in
            var changed: [(String, [ClientChannel])] = []
            for (name, var info) in all {
                let stale = info.channels.filter { $0.value.lastUpdate < deadline }
                guard !stale.isEmpty else { continue }
                for (id, ch) in stale {
                    info.channels[id] = nil
                    logger.info("consumer \(ch.clientId) of group \(name) expired (no heartbeat)")
                }
                if info.channels.isEmpty { all[name] = nil } else { all[name] = info }
                changed.append((name, Array(info.channels.values)))
            }
            return changed
        }
    }

    /// Groups with a live subscription to `topic`.
    public func groups(subscribing topic: String) -> [String] {
        groups.withLockedValue { all in all.values.filter { $0.subscriptions[topic] != nil }.map(\.groupName) }
    }
}

/// Producer groups and their connections (for connection listings).
public final class ProducerManager: Sendable {
    private let groups = NIOLockedValueBox<[String: [UInt64: ClientChannel]]>([:])

    func register(group: String, channel: ClientChannel) {
        groups.withLockedValue { $0[group, default: [:]][channel.peer.id] = channel }
    }

    func unregister(group: String, peerId: UInt64) {
        groups.withLockedValue { all in
            all[group]?[peerId] = nil
            if all[group]?.isEmpty == true { all[group] = nil }
        }
    }

    func connectionClosed(peerId: UInt64) {
        groups.withLockedValue { all in
            for name in all.keys {
                all[name]?[peerId] = nil
                if all[name]?.isEmpty == true { all[name] = nil }
            }
        }
    }

    func expire(olderThan deadline: Int64) {
        groups.withLockedValue { all in
            for name in all.keys {
                all[name] = all[name]?.filter { $0.value.lastUpdate >= deadline }
                if all[name]?.isEmpty == true { all[name] = nil }
            }
        }
    }

    public func group(_ name: String) -> [ClientChannel] {
        groups.withLockedValue { Array(($0[name] ?? [:]).values) }
    }

    /// Every producer group with its live connections (GET_ALL_PRODUCER_INFO).
    public func all() -> [String: [ClientChannel]] {
        groups.withLockedValue { $0.mapValues { Array($0.values) } }
    }
}

/// Queue locks for orderly consumers (LOCK_BATCH_MQ / UNLOCK_BATCH_MQ).
final class RebalanceLockManager: Sendable {
    struct Lock {
        var clientId: String
        var lastUpdate: Int64
    }

    /// Apache's `rocketmq.broker.rebalance.lockMaxLiveTime` default.
    static let lockMaxLiveMillis: Int64 = 60_000
    private let locks = NIOLockedValueBox<[String: [MessageQueue: Lock]]>([:])

    /// Locks what is free or already ours; returns the queues now held by `clientId`.
    func tryLock(group: String, queues: [MessageQueue], clientId: String, now: Int64) -> [MessageQueue] {
        locks.withLockedValue { all in
            var table = all[group] ?? [:]
            var granted: [MessageQueue] = []
            for mq in queues {
                if let l = table[mq], l.clientId != clientId, now - l.lastUpdate < Self.lockMaxLiveMillis { continue }
                table[mq] = Lock(clientId: clientId, lastUpdate: now)
                granted.append(mq)
            }
            all[group] = table
            return granted
        }
    }

    func unlock(group: String, queues: [MessageQueue], clientId: String) {
        locks.withLockedValue { all in
            for mq in queues where all[group]?[mq]?.clientId == clientId { all[group]?[mq] = nil }
        }
    }
}

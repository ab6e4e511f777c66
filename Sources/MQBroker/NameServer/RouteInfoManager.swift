import Logging
import MQProtocol
import NIOConcurrencyHelpers

/// The name server's view of the cluster: brokers, clusters and which broker serves which topic.
public final class RouteInfoManager: Sendable {
    struct LiveBroker {
        var lastUpdate: Int64
        var dataVersion: DataVersion
        var peerId: UInt64?
    }

    struct State {
        /// topic → brokerName → queue data
        var topicQueueTable: [String: [String: QueueData]] = [:]
        var brokerAddrTable: [String: BrokerData] = [:]
        var clusterAddrTable: [String: Set<String>] = [:]
        /// broker address → liveness
        var brokerLiveTable: [String: LiveBroker] = [:]
    }

    private let state = NIOLockedValueBox(State())
    private let logger: Logger
    /// Apache's `brokerChannelExpiredTime`.
    let brokerExpiryMillis: Int64

    public init(logger: Logger, brokerExpiryMillis: Int64 = 120_000) {
        self.logger = logger
        self.brokerExpiryMillis = brokerExpiryMillis
    }

    /// Registers (or refreshes) a broker and the topics it serves; false (nothing changed) for a one-topic
    /// registration from a broker not registered yet, which Apache refuses ("register broker failed"): that is a
    /// created topic's registration, and the broker's full one must come first. A master's registration adds or
    /// updates the topics it carries; with `dropMissingTopics` (deleteTopicWithBrokerRegistration) it also drops
    /// the broker's topics it does not carry.
    @discardableResult
    func register(
        cluster: String, brokerName: String, brokerAddr: String, brokerId: Int64,
        topics: TopicConfigSerializeWrapper?, peerId: UInt64?, now: Int64, dropMissingTopics: Bool = false
    ) -> Bool {
        let outcome = state.withLockedValue { s -> (registered: Bool, isNew: Bool) in
            var broker =
                s.brokerAddrTable[brokerName] ?? BrokerData(cluster: cluster, brokerName: brokerName, brokerAddrs: [:])
            // A re-registration from a new address under the same id replaces the old one.
            for (id, addr) in broker.brokerAddrs where addr == brokerAddr && Int64(id) != brokerId {
                broker.brokerAddrs[id] = nil
            }
            let registerFirst = broker.brokerAddrs[Int(brokerId)] == nil
            if registerFirst && topics?.topicConfigTable.count == 1 { return (false, false) }
            s.clusterAddrTable[cluster, default: []].insert(brokerName)
            broker.brokerAddrs[Int(brokerId)] = brokerAddr
            broker.cluster = cluster
            s.brokerAddrTable[brokerName] = broker
            let wasLive = s.brokerLiveTable[brokerAddr] != nil
            // As Apache: queue data is rewritten only when the broker's topic table changed (or it registers
            // first), so a wiped write permission survives heartbeats that carry the same data version.
            let topicsChanged = registerFirst || s.brokerLiveTable[brokerAddr]?.dataVersion != topics?.dataVersion
            s.brokerLiveTable[brokerAddr] = LiveBroker(
                lastUpdate: now, dataVersion: topics?.dataVersion ?? DataVersion(), peerId: peerId)
            if brokerId == 0, let topics {
                if dropMissingTopics {
                    for (topic, queues) in s.topicQueueTable
                    where queues[brokerName] != nil && topics.topicConfigTable[topic] == nil {
                        s.topicQueueTable[topic]?[brokerName] = nil
                        if s.topicQueueTable[topic]?.isEmpty == true { s.topicQueueTable[topic] = nil }
                    }
                }
                for (name, tc) in topics.topicConfigTable
                where topicsChanged || s.topicQueueTable[name]?[brokerName] == nil {
                    s.topicQueueTable[name, default: [:]][brokerName] = QueueData(
                        brokerName: brokerName, readQueueNums: tc.readQueueNums, writeQueueNums: tc.writeQueueNums,
                        perm: tc.perm, topicSysFlag: tc.topicSysFlag)
                }
            }
            return (true, !wasLive)
        }
        if outcome.isNew {
            logger.info("broker \(brokerName) (\(brokerAddr), cluster \(cluster), id \(brokerId)) registered")
        } else if !outcome.registered {
            logger.warning("refused a one-topic registration from \(brokerName) (\(brokerAddr)) before its full one")
        }
        return outcome.registered
    }

    func unregister(brokerName: String, brokerAddr: String, cluster: String, brokerId: Int64) {
        state.withLockedValue { s in removeBroker(&s, brokerName: brokerName, brokerAddr: brokerAddr) }
        logger.info("broker \(brokerName) (\(brokerAddr)) unregistered")
    }

    private func removeBroker(_ s: inout State, brokerName: String, brokerAddr: String) {
        s.brokerLiveTable[brokerAddr] = nil
        guard var broker = s.brokerAddrTable[brokerName] else { return }
        let removedIds = broker.brokerAddrs.filter { $0.value == brokerAddr }.map(\.key)
        for id in removedIds { broker.brokerAddrs[id] = nil }
        if broker.brokerAddrs.isEmpty {
            s.brokerAddrTable[brokerName] = nil
            s.clusterAddrTable[broker.cluster]?.remove(brokerName)
            if s.clusterAddrTable[broker.cluster]?.isEmpty == true { s.clusterAddrTable[broker.cluster] = nil }
            for topic in s.topicQueueTable.keys {
                s.topicQueueTable[topic]?[brokerName] = nil
                if s.topicQueueTable[topic]?.isEmpty == true { s.topicQueueTable[topic] = nil }
            }
        } else {
            s.brokerAddrTable[brokerName] = broker
            if removedIds.contains(0) {
                // The master left: its topics stay routable only through a live master.
                for topic in s.topicQueueTable.keys { s.topicQueueTable[topic]?[brokerName] = nil }
                s.topicQueueTable = s.topicQueueTable.filter { !$0.value.isEmpty }
            }
        }
    }

    /// Removes brokers that have not re-registered in time (and those whose connection closed).
    func expire(now: Int64) {
        let expired = state.withLockedValue { s -> [(String, String)] in
            var gone: [(String, String)] = []
            for (addr, live) in s.brokerLiveTable where now - live.lastUpdate > brokerExpiryMillis {
                if let name = s.brokerAddrTable.first(where: { $0.value.brokerAddrs.values.contains(addr) })?.key {
                    gone.append((name, addr))
                }
                s.brokerLiveTable[addr] = nil
            }
            for (name, addr) in gone { removeBroker(&s, brokerName: name, brokerAddr: addr) }
            return gone
        }
        for (name, addr) in expired { logger.warning("broker \(name) (\(addr)) expired: no registration for \(brokerExpiryMillis / 1000) s") }
    }

    func connectionClosed(peerId: UInt64) {
        let gone = state.withLockedValue { s -> [(String, String)] in
            let addrs = s.brokerLiveTable.filter { $0.value.peerId == peerId }.map(\.key)
            var gone: [(String, String)] = []
            for addr in addrs {
                if let name = s.brokerAddrTable.first(where: { $0.value.brokerAddrs.values.contains(addr) })?.key {
                    removeBroker(&s, brokerName: name, brokerAddr: addr)
                    gone.append((name, addr))
                }
            }
            return gone
        }
        for (name, addr) in gone { logger.info("broker \(name) (\(addr)) disconnected") }
    }

    public func route(topic: String) -> TopicRouteData? {
        state.withLockedValue { s in
            guard let queues = s.topicQueueTable[topic], !queues.isEmpty else { return nil }
            let queueDatas = queues.values.sorted { $0.brokerName < $1.brokerName }
            let brokerDatas = queueDatas.compactMap { s.brokerAddrTable[$0.brokerName] }
            guard !brokerDatas.isEmpty else { return nil }
            return TopicRouteData(queueDatas: queueDatas, brokerDatas: brokerDatas)
        }
    }

    public var clusterInfo: ClusterInfo {
        state.withLockedValue { s in
            ClusterInfo(
                brokerAddrTable: s.brokerAddrTable,
                clusterAddrTable: s.clusterAddrTable.mapValues { $0.sorted() })
        }
    }

    public var allTopics: [String] { state.withLockedValue { $0.topicQueueTable.keys.sorted() } }

    public func topics(cluster: String) -> [String] {
        state.withLockedValue { s in
            let brokers = s.clusterAddrTable[cluster] ?? []
            return s.topicQueueTable.filter { !Set($0.value.keys).isDisjoint(with: brokers) }.keys.sorted()
        }
    }

    /// Deletes a topic's route, on every broker or only on those of one cluster.
    func deleteTopic(_ topic: String, cluster: String?) {
        state.withLockedValue { s in
            guard let cluster else {
                s.topicQueueTable[topic] = nil
                return
            }
            for name in s.clusterAddrTable[cluster] ?? [] { s.topicQueueTable[topic]?[name] = nil }
            if s.topicQueueTable[topic]?.isEmpty == true { s.topicQueueTable[topic] = nil }
        }
    }

    func dataVersion(brokerAddr: String) -> DataVersion? {
        state.withLockedValue { $0.brokerLiveTable[brokerAddr]?.dataVersion }
    }

    func touch(brokerAddr: String, now: Int64) {
        state.withLockedValue { $0.brokerLiveTable[brokerAddr]?.lastUpdate = now }
    }

    /// Clears (or restores) write permission of a broker's topics; returns how many topics changed.
    func setWritePermission(brokerName: String, writable: Bool) -> Int {
        state.withLockedValue { s in
            var count = 0
            for topic in s.topicQueueTable.keys {
                guard var q = s.topicQueueTable[topic]?[brokerName] else { continue }
                // As Apache: adding sets exactly read+write (an inherit bit is dropped), wiping clears write.
                q.perm = writable ? PermName.read | PermName.write : q.perm & ~PermName.write
                s.topicQueueTable[topic]?[brokerName] = q
                count += 1
            }
            return count
        }
    }
}

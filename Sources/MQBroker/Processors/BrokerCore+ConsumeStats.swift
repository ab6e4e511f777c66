import MQProtocol
import MQStore

extension BrokerCore {
    /// Apache's consume stats of a group on this broker (wire.md §4.8, admin-trace-acl §8.1).
    ///
    /// Topics: `topics` when given; else every topic the group committed offsets for, minus those its
    /// online members no longer subscribe to. Per read queue: broker max offset, committed offset
    /// (0 when none), pull offset, and the store time of the last consumed message.
    public func consumeStats(group: String, topics requested: [String]?) -> ConsumeStats {
        consumeStats(group: group, topics: requested, times: StoreTimes(store: store))
    }

    /// `times` memoizes store-time lookups across the groups of one request (many sit at the same offsets).
    func consumeStats(group: String, topics requested: [String]?, times: StoreTimes) -> ConsumeStats {
        var topics: [String]
        if let requested {
            topics = requested
        } else {
            topics = Array(offsets.offsets(group: group).keys)
            if let info = consumers.group(group), !info.subscriptions.isEmpty {
                topics = topics.filter { info.subscriptions[$0] != nil }
            }
        }
        // A POP group's offset moves past a message when it is popped (Apache): its consumer offset here is the
        // oldest one still in flight, so the backlog counts what is popped and not acked, and the pull offset
        // says how far it popped (Apache's own counts leave in-flight messages out: apache/rocketmq#9217).
        let inFlight = popState.withLockedValue { $0.oldestInFlight(group: group) }
        var stats = ConsumeStats()
        var tps = 0.0
        for topic in topics.sorted() {
            guard let config = self.topics.topic(topic) else { continue }
            tps += self.stats.getTps(topic: topic, group: group)
            for q in 0..<config.readQueueNums {
                let brokerOffset = max(store.maxOffset(topic: topic, queueId: q), 0)
                let committed = offsets.offset(group: group, topic: topic, queueId: q)
                let popped = inFlight[topic]?[q]
                let consumerOffset = min(max(committed, 0), popped ?? .max)
                let pulled = max(offsets.pulledOffset(group: group, topic: topic, queueId: q) ?? 0, committed)
                var last: Int64 = 0
                if consumerOffset >= 1, let t = times.storeTime(topic: topic, queueId: q, offset: consumerOffset - 1) {
                    last = t
                }
                let mq = MessageQueue(topic: topic, brokerName: self.config.brokerName, queueId: q)
                let wrapper = OffsetWrapper(
                    brokerOffset: brokerOffset, consumerOffset: consumerOffset, pullOffset: max(pulled, consumerOffset),
                    lastTimestamp: last)
                stats.offsetTable.entries.append((mq, wrapper))
            }
        }
        stats.consumeTps = tps
        return stats
    }
}

/// Store times of queue offsets, read once per request: each costs two preads (consume queue, commit log).
final class StoreTimes {
    private struct Key: Hashable {
        var topic: String
        var queueId: Int32
        var offset: Int64
    }

    private let store: MessageStore
    private var known: [Key: Int64?] = [:]

    init(store: MessageStore) {
        self.store = store
    }

    func storeTime(topic: String, queueId: Int32, offset: Int64) -> Int64? {
        let key = Key(topic: topic, queueId: queueId, offset: offset)
        if let hit = known[key] { return hit }
        let time = store.storeTime(topic: topic, queueId: queueId, offset: offset)
        known[key] = time
        return time
    }
}

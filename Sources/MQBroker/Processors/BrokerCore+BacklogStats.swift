import MQProtocol

extension BrokerCore {
    /// GET_BROKER_CONSUME_STATS: consume stats of every group on this broker in one answer, one
    /// ConsumeStats per (group, topic) as Apache sends them, plus the extensions a backlog report
    /// needs (queue min offset, store time of the oldest unconsumed message, online consumers).
    ///
    /// Groups are the subscription groups, the groups with committed offsets and the groups with
    /// online consumers. A group's topics are those it committed offsets for plus, while it is
    /// online, those it subscribes to; topics its online members no longer subscribe to are dropped
    /// (the rule of GET_CONSUME_STATS).
    public func brokerConsumeStats(_ request: GetConsumeStatsInBrokerHeader) -> ConsumeStatsList {
        var topicsByGroup = committedTopicsByGroup()
        var online: [String: Int32] = [:]
        let live = consumers.all
        for (name, info) in live where !info.channels.isEmpty {
            online[name] = Int32(info.channels.count)
            topicsByGroup[name, default: []].formUnion(info.subscriptions.keys)
        }
        for name in groups.all.keys where topicsByGroup[name] == nil { topicsByGroup[name] = [] }
        if let only = request.consumerGroup {
            topicsByGroup = topicsByGroup.filter { $0.key == only }
            // Asked for one group and topic: report the topic even where the group never committed.
            if let topic = request.topic, self.topics.topic(topic) != nil {
                topicsByGroup[only, default: []].insert(topic)
            }
        }

        var list = ConsumeStatsList(brokerAddr: config.advertisedAddress)
        let times = StoreTimes(store: store)
        for (group, candidates) in topicsByGroup.sorted(by: { $0.key < $1.key }) {
            var topics = candidates
            if let subs = live[group]?.subscriptions, !subs.isEmpty { topics = topics.filter { subs[$0] != nil } }
            if let only = request.topic { topics = topics.filter { $0 == only } }
            var perTopic: [ConsumeStats] = []
            for topic in topics.sorted() {
                guard let tc = self.topics.topic(topic), !request.isOrder || tc.order else { continue }
                let stats = backlogStats(group: group, topic: topic, times: times)
                for (_, w) in stats.offsetTable.entries {
                    list.totalDiff += w.brokerOffset - w.consumerOffset
                    list.totalInflightDiff += w.pullOffset - w.consumerOffset
                }
                perTopic.append(stats)
            }
            list.consumeStatsList.append([group: perTopic])
        }
        if request.consumerGroup != nil { online = online.filter { $0.key == request.consumerGroup } }
        list.onlineConsumers = online
        return list
    }

    /// One group's stats for one topic: `consumeStats(group:topics:)` plus min offsets and the store
    /// time of the message at the committed offset where the group is behind.
    func backlogStats(group: String, topic: String, times: StoreTimes) -> ConsumeStats {
        let base = consumeStats(group: group, topics: [topic], times: times)
        var out = ConsumeStats(consumeTps: base.consumeTps)
        out.offsetTable.entries.reserveCapacity(base.offsetTable.entries.count)
        for (mq, w) in base.offsetTable.entries {
            let min = store.minOffset(topic: topic, queueId: mq.queueId)
            let never = offsets.offset(group: group, topic: topic, queueId: mq.queueId) < 0
            let next = never ? Swift.max(min, w.consumerOffset) : w.consumerOffset
            var nextTime: Int64?
            if next < w.brokerOffset { nextTime = times.storeTime(topic: topic, queueId: mq.queueId, offset: next) }
            let wrapper = OffsetWrapper(
                brokerOffset: w.brokerOffset, consumerOffset: w.consumerOffset, pullOffset: w.pullOffset,
                lastTimestamp: w.lastTimestamp, minOffset: min, nextTimestamp: nextTime,
                neverCommitted: never ? true : nil)
            out.offsetTable.entries.append((mq, wrapper))
        }
        return out
    }

    /// Topics each group committed offsets for, from one pass over the offset table.
    func committedTopicsByGroup() -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for key in offsets.snapshot.offsetTable.keys {
            guard let at = key.lastIndex(of: "@") else { continue }
            out[String(key[key.index(after: at)...]), default: []].insert(String(key[..<at]))
        }
        return out
    }

    /// QUERY_CONSUME_TIME_SPAN: per write queue, the store times of the oldest and newest stored
    /// messages, of the last consumed one, and how long the oldest unconsumed one has waited.
    /// nil when the topic does not exist.
    func consumeTimeSpans(topic: String, group: String) -> [QueueTimeSpan]? {
        guard let tc = topics.topic(topic) else { return nil }
        let now = nowMillis()
        return (0..<tc.writeQueueNums).map { q in
            let minTime = store.earliestStoreTime(topic: topic, queueId: q) ?? 0
            let max = store.maxOffset(topic: topic, queueId: q)
            let maxTime = max > 0 ? store.storeTime(topic: topic, queueId: q, offset: max - 1) ?? 0 : 0
            let committed = offsets.offset(group: group, topic: topic, queueId: q)
            var consumeTime = minTime
            if committed > 0 { consumeTime = store.storeTime(topic: topic, queueId: q, offset: committed - 1) ?? 0 }
            var delay: Int64 = 0
            if committed < max, let next = store.storeTime(topic: topic, queueId: q, offset: Swift.max(committed, 0)) {
                delay = now - next
            }
            let mq = MessageQueue(topic: topic, brokerName: config.brokerName, queueId: q)
            return QueueTimeSpan(
                messageQueue: mq, minTimeStamp: minTime, maxTimeStamp: maxTime, consumeTimeStamp: consumeTime,
                delayTime: delay)
        }
    }
}

import MQProtocol

extension MQClientInstance {
    /// A broker reports a group's topic only where the group committed offsets (or subscribes while
    /// online), so a group that consumed a topic on broker-a but never on broker-b would show only half
    /// its backlog. For every (group, topic) this asks the other brokers hosting the topic for that pair:
    /// GET_BROKER_CONSUME_STATS with mqadmin's filter, or GET_CONSUME_STATS on Apache brokers. Their
    /// queues are marked never committed.
    func fillMissingBrokers(_ sample: inout BacklogSample, parts: [BrokerBacklog]) async {
        var present: [BacklogSample.GroupTopic: Set<String>] = [:]
        for q in sample.queues {
            present[BacklogSample.GroupTopic(group: q.group, topic: q.queue.topic), default: []].insert(
                q.queue.brokerName)
        }
        let usable = Dictionary(
            parts.filter { $0.failure == nil }.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        guard usable.count > 1 else { return }
        // Which brokers host which topics: one GET_ALL_TOPIC_CONFIG per broker, not a route per topic.
        let hosted = await withTaskGroup(of: (String, Set<String>).self) { tasks in
            for part in usable.values {
                tasks.addTask {
                    let configs = try? await self.topicConfigs(broker: part.address)
                    let readable = configs?.topicConfigTable.values.filter { PermName.isReadable($0.perm) }.map(
                        \.topicName)
                    return (part.name, Set(readable ?? []))
                }
            }
            var out: [String: Set<String>] = [:]
            for await (name, topics) in tasks { out[name] = topics }
            return out
        }
        var brokersOfTopic: [String: [String]] = [:]
        for (name, topics) in hosted.sorted(by: { $0.key < $1.key }) {
            for t in topics { brokersOfTopic[t, default: []].append(name) }
        }
        var wanted: [(BacklogSample.GroupTopic, BrokerBacklog)] = []
        for (key, have) in present {
            for name in brokersOfTopic[key.topic] ?? [] where !have.contains(name) {
                if let part = usable[name] { wanted.append((key, part)) }
            }
        }
        guard !wanted.isEmpty else { return }
        let filled = await withTaskGroup(of: BrokerBacklog.self) { tasks in
            for (key, part) in wanted {
                tasks.addTask { await self.pairBacklog(key, on: part) }
            }
            var out: [BrokerBacklog] = []
            for await p in tasks { out.append(p) }
            return out
        }
        for p in filled {
            sample.queues += p.queues
            for (key, tps) in p.tps { sample.consumeTps[key, default: 0] += tps }
        }
    }

    /// One (group, topic) on one broker; empty when the broker has nothing for it.
    private func pairBacklog(_ key: BacklogSample.GroupTopic, on part: BrokerBacklog) async -> BrokerBacklog {
        var out = BrokerBacklog(name: part.name, address: part.address)
        out.extended = part.extended
        if part.extended {
            let h = GetConsumeStatsInBrokerHeader(consumerGroup: key.group, topic: key.topic)
            guard let response = try? await invoke(part.address, .request(.getBrokerConsumeStats, header: h)),
                response.code == ResponseCode.success.rawValue,
                let list = try? consumeStatsList(response)
            else { return out }
            for entry in list.consumeStatsList {
                for stats in entry[key.group] ?? [] {
                    add(stats, group: key.group, topic: key.topic, extended: true, to: &out)
                }
            }
        } else {
            let h = GetConsumeStatsRequestHeader(consumerGroup: key.group, topic: key.topic)
            guard let response = try? await invoke(part.address, .request(.getConsumeStats, header: h)),
                response.code == ResponseCode.success.rawValue,
                let stats = try? decode(ConsumeStats.self, response)
            else { return out }
            for (mq, w) in stats.offsetTable.entries where mq.topic == key.topic {
                out.queues.append(
                    BacklogQueueSample(
                        group: key.group, queue: mq, brokerOffset: max(w.brokerOffset, 0),
                        committedOffset: max(w.consumerOffset, 0), neverCommitted: w.consumerOffset <= 0))
            }
            out.tps[key, default: 0] += stats.consumeTps
        }
        return out
    }
}

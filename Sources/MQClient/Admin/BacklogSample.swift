import MQProtocol

/// One queue's consumption numbers for one group, as read from its broker.
public struct BacklogQueueSample: Sendable, Hashable {
    public var group: String
    public var queue: MessageQueue
    /// The queue's max offset (next offset to be written).
    public var brokerOffset: Int64
    /// The group's committed offset (0 when it never committed, as Apache reports it).
    public var committedOffset: Int64
    /// The queue's first stored offset; nil when the broker could not tell.
    public var minOffset: Int64?
    /// Store time of the oldest unconsumed message (at the committed offset, or the queue's first
    /// stored message when the group never committed); nil when caught up or unknown.
    public var nextTimestamp: Int64?
    /// The group never committed an offset for this queue (`committedOffset` is then Apache's 0).
    public var neverCommitted = false
    /// Delivered and not yet committed: pull offset − committed offset (Apache consumerProgress's "#Inflight"); for
    /// a POP group the messages received and not acked past the oldest unacked.
    public var inflight: Int64 = 0

    public init(
        group: String, queue: MessageQueue, brokerOffset: Int64, committedOffset: Int64, minOffset: Int64? = nil,
        nextTimestamp: Int64? = nil, neverCommitted: Bool = false, inflight: Int64 = 0
    ) {
        self.inflight = inflight
        self.group = group
        self.queue = queue
        self.brokerOffset = brokerOffset
        self.committedOffset = committedOffset
        self.minOffset = minOffset
        self.nextTimestamp = nextTimestamp
        self.neverCommitted = neverCommitted
    }
}

/// What the brokers said at one moment: every (group, queue), consume rates, online consumers and
/// each broker's retention. Failures of single brokers are kept, not thrown.
public struct BacklogSample: Sendable {
    public struct GroupTopic: Hashable, Sendable {
        public var group: String
        public var topic: String
        public init(group: String, topic: String) {
            self.group = group
            self.topic = topic
        }
    }

    /// When the sample was taken (ms since the epoch, this machine's clock).
    public var takenAt: Int64
    public var queues: [BacklogQueueSample] = []
    /// Messages per second delivered to the group, summed over brokers.
    public var consumeTps: [GroupTopic: Double] = [:]
    /// Online consumer clients per group (the largest count any broker reports).
    public var onlineConsumers: [String: Int] = [:]
    /// Every group any broker knows (subscription groups, groups with offsets, online groups).
    public var knownGroups: Set<String> = []
    /// `fileReservedTime` in hours per broker name; nil when the broker did not say.
    public var retentionHours: [String: Double?] = [:]
    /// Brokers that could not be read, with why.
    public var failures: [BacklogFailure] = []

    public init(takenAt: Int64) {
        self.takenAt = takenAt
    }
}

/// A broker a backlog sample could not read.
public struct BacklogFailure: Sendable, Hashable, Codable {
    public var broker: String
    public var address: String
    public var error: String
    /// True when the broker could not be reached (exit code 4 rather than 1).
    public var unreachable: Bool
}

extension MQClientInstance {
    /// Reads every master broker of the cluster: one GET_BROKER_CONSUME_STATS and one GET_BROKER_CONFIG
    /// per broker, concurrently. Brokers without mqadmin's extensions (Apache brokers) cost a few more
    /// calls for the lagging queues only. `group`/`topic` narrow the result.
    public func backlogSample(
        group: String? = nil, topic: String? = nil, useExtensions: Bool = true
    ) async throws
        -> BacklogSample
    {
        let info = try await clusterInfo()
        let masters = info.brokerAddrTable.values.compactMap { b in b.masterAddress.map { (b.brokerName, $0) } }
            .sorted { $0.0 < $1.0 }
        var sample = BacklogSample(takenAt: nowMillis())
        let parts = await withTaskGroup(of: BrokerBacklog.self) { tasks in
            for (name, addr) in masters {
                tasks.addTask {
                    await self.brokerBacklog(
                        name: name, address: addr, group: group, topic: topic, useExtensions: useExtensions)
                }
            }
            var out: [BrokerBacklog] = []
            for await part in tasks { out.append(part) }
            return out.sorted { $0.name < $1.name }
        }
        for part in parts {
            sample.retentionHours[part.name] = part.retentionHours
            if let failure = part.failure {
                sample.failures.append(failure)
                continue
            }
            sample.queues += part.queues
            sample.knownGroups.formUnion(part.groups)
            for (key, tps) in part.tps { sample.consumeTps[key, default: 0] += tps }
            for (g, n) in part.online { sample.onlineConsumers[g] = max(sample.onlineConsumers[g] ?? 0, n) }
        }
        await fillMissingBrokers(&sample, parts: parts)
        if parts.contains(where: { $0.failure == nil && !$0.extended }) {
            await completeWithoutExtensions(&sample, parts: parts)
        }
        return sample
    }

    /// A GET_BROKER_CONSUME_STATS body, read without Codable (it can hold tens of thousands of queues).
    func consumeStatsList(_ response: RemotingCommand) throws -> ConsumeStatsList {
        do {
            let value = try response.bodyBytes.withUnsafeBytes { raw throws(JSONError) in try JSONReader.parse(raw) }
            return try ConsumeStatsList.parse(value)
        } catch {
            throw ClientError.malformedResponse("ConsumeStatsList: \(error)")
        }
    }

    /// What one broker contributed to a sample.
    struct BrokerBacklog: Sendable {
        var name: String
        var address: String
        var queues: [BacklogQueueSample] = []
        var groups: Set<String> = []
        var tps: [BacklogSample.GroupTopic: Double] = [:]
        var online: [String: Int] = [:]
        var retentionHours: Double?
        var extended = false
        var failure: BacklogFailure?
    }

    func brokerBacklog(
        name: String, address: String, group: String?, topic: String?, useExtensions: Bool
    ) async
        -> BrokerBacklog
    {
        var part = BrokerBacklog(name: name, address: address)
        async let config = try? brokerConfig(broker: address)
        do {
            let h = GetConsumeStatsInBrokerHeader(consumerGroup: group, topic: topic)
            let response = try await invoke(address, .request(.getBrokerConsumeStats, header: h))
            try response.expect(from: address)
            let list = try consumeStatsList(response)
            part.extended = useExtensions && list.onlineConsumers != nil
            if part.extended { part.online = (list.onlineConsumers ?? [:]).mapValues { Int($0) } }
            for entry in list.consumeStatsList {
                for (g, perTopic) in entry where group == nil || g == group {
                    part.groups.insert(g)
                    for stats in perTopic { add(stats, group: g, topic: topic, extended: part.extended, to: &part) }
                }
            }
        } catch let error as ClientError {
            part.failure = BacklogFailure(
                broker: name, address: address, error: error.description, unreachable: error.isConnectivity)
        } catch {
            part.failure = BacklogFailure(broker: name, address: address, error: "\(error)", unreachable: false)
        }
        part.retentionHours = await config?["fileReservedTime"].flatMap { Double($0) }
        return part
    }

    func add(_ stats: ConsumeStats, group: String, topic: String?, extended: Bool, to part: inout BrokerBacklog)
    {
        var topicsSeen: Set<String> = []
        for (mq, w) in stats.offsetTable.entries where topic == nil || mq.topic == topic {
            topicsSeen.insert(mq.topic)
            part.queues.append(
                BacklogQueueSample(
                    group: group, queue: mq, brokerOffset: max(w.brokerOffset, 0),
                    committedOffset: max(w.consumerOffset, 0), minOffset: extended ? w.minOffset : nil,
                    nextTimestamp: extended ? w.nextTimestamp : nil,
                    neverCommitted: extended ? w.neverCommitted ?? false : false,
                    inflight: max(0, w.pullOffset - max(w.consumerOffset, 0))))
        }
        // Apache sends one ConsumeStats per topic, so its TPS belongs to that topic.
        if let t = topicsSeen.first, topicsSeen.count == 1 {
            part.tps[BacklogSample.GroupTopic(group: group, topic: t), default: 0] += stats.consumeTps
        }
    }

    /// Fills what Apache brokers leave out, for the groups and queues that need it: online consumers
    /// (GET_CONSUMER_CONNECTION_LIST per group), min offsets (GET_MIN_OFFSET per lagging queue) and the
    /// oldest unconsumed message's store time (QUERY_CONSUME_TIME_SPAN per lagging group and topic).
    func completeWithoutExtensions(_ sample: inout BacklogSample, parts: [BrokerBacklog]) async {
        let plain = Set(parts.filter { $0.failure == nil && !$0.extended }.map(\.name))
        let addresses = Dictionary(parts.map { ($0.name, $0.address) }, uniquingKeysWith: { a, _ in a })
        let groups = Set(sample.queues.filter { plain.contains($0.queue.brokerName) }.map(\.group))
        let online = await withTaskGroup(of: (String, Int).self) { tasks in
            for g in groups where sample.onlineConsumers[g] == nil {
                tasks.addTask { (g, (try? await self.consumerConnection(group: g))?.connectionSet.count ?? 0) }
            }
            var out: [String: Int] = [:]
            for await (g, n) in tasks { out[g] = n }
            return out
        }
        for (g, n) in online where n > 0 { sample.onlineConsumers[g] = n }

        let lagging = sample.queues.indices.filter { i in
            let q = sample.queues[i]
            return plain.contains(q.queue.brokerName) && q.committedOffset < q.brokerOffset
        }
        let spans = await withTaskGroup(of: [QueueTimeSpanKey: QueueTimeSpan].self) { tasks in
            let pairs = Set(
                lagging.map { sample.queues[$0] }.map { QueueTimeSpanPair(group: $0.group, queue: $0.queue) })
            for pair in pairs {
                guard let addr = addresses[pair.queue.brokerName] else { continue }
                tasks.addTask { await self.delayTimes(group: pair.group, topic: pair.queue.topic, broker: addr) }
            }
            var out: [QueueTimeSpanKey: QueueTimeSpan] = [:]
            for await part in tasks { out.merge(part) { a, _ in a } }
            return out
        }
        let mins = await withTaskGroup(of: (MessageQueue, Int64?).self) { tasks in
            for mq in Set(lagging.map { sample.queues[$0].queue }) {
                tasks.addTask { (mq, try? await self.minOffset(mq)) }
            }
            var out: [MessageQueue: Int64] = [:]
            for await (mq, v) in tasks { if let v { out[mq] = v } }
            return out
        }
        for i in lagging {
            let q = sample.queues[i]
            sample.queues[i].minOffset = mins[q.queue]
            guard let span = spans[QueueTimeSpanKey(group: q.group, queue: q.queue)] else { continue }
            if q.neverCommitted {
                if span.minTimeStamp > 0 { sample.queues[i].nextTimestamp = span.minTimeStamp }
            } else if span.delayTime > 0, span.delayTime < sample.takenAt {
                // A delay of "now + 1" is Apache's answer when the message's store time is unknown.
                sample.queues[i].nextTimestamp = sample.takenAt - span.delayTime
            }
        }
    }

    private struct QueueTimeSpanPair: Hashable {
        var group: String
        var queue: MessageQueue
        static func == (a: Self, b: Self) -> Bool {
            a.group == b.group && a.queue.topic == b.queue.topic && a.queue.brokerName == b.queue.brokerName
        }
        func hash(into h: inout Hasher) {
            h.combine(group)
            h.combine(queue.topic)
            h.combine(queue.brokerName)
        }
    }

    struct QueueTimeSpanKey: Hashable, Sendable {
        var group: String
        var queue: MessageQueue
    }

    /// QUERY_CONSUME_TIME_SPAN: per queue, how long the oldest unconsumed message has waited.
    func delayTimes(group: String, topic: String, broker address: String) async -> [QueueTimeSpanKey: QueueTimeSpan] {
        let h = QueryConsumeTimeSpanRequestHeader(topic: topic, group: group)
        guard let response = try? await invoke(address, .request(.queryConsumeTimeSpan, header: h)),
            response.code == ResponseCode.success.rawValue,
            let body = try? decode(QueryConsumeTimeSpanBody.self, response)
        else { return [:] }
        var out: [QueueTimeSpanKey: QueueTimeSpan] = [:]
        for span in body.consumeTimeSpanSet { out[QueueTimeSpanKey(group: group, queue: span.messageQueue)] = span }
        return out
    }
}

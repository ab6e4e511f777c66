import MQProtocol

/// What a group's offset looks like on one queue.
public struct QueueOffsetState: Sendable, Hashable {
    public var queue: MessageQueue
    public var minOffset: Int64
    /// The broker's max offset (next offset to be written).
    public var maxOffset: Int64
    /// The committed offset; nil when the group never committed on this queue.
    public var committed: Int64?
    /// Store time of the last consumed message (at committed − 1); nil when unknown.
    public var lastConsumedTimestamp: Int64?

    public init(
        queue: MessageQueue, minOffset: Int64, maxOffset: Int64, committed: Int64?, lastConsumedTimestamp: Int64?
    ) {
        self.queue = queue
        self.minOffset = minOffset
        self.maxOffset = maxOffset
        self.committed = committed
        self.lastConsumedTimestamp = lastConsumedTimestamp
    }

    /// Messages not consumed yet: max − committed (Apache's diff, which counts from 0 when nothing was committed).
    public var lag: Int64 { maxOffset - max(committed ?? 0, 0) }
}

/// Offset calls for admin work: reset, clone, per-queue state, message store times.
extension MQClientInstance {
    /// The group used to peek at messages (Apache's tools use the same one).
    public static let toolsGroup = "TOOLS_CONSUMER"

    /// INVOKE_BROKER_TO_RESET_OFFSET (222) for one queue to an explicit offset (Apache 5.x server-side
    /// reset: online consumers are moved on their next pull). Falls back to UPDATE_CONSUMER_OFFSET when the
    /// broker does not do server-side resets (older brokers answer CONSUMER_NOT_ONLINE or not supported).
    public func resetOffset(group: String, queue: MessageQueue, offset: Int64, broker address: String) async throws {
        let h = ResetOffsetRequestHeader(
            group: group, topic: queue.topic, timestamp: -1, queueId: queue.queueId, offset: offset)
        let response = try await invoke(address, .request(.invokeBrokerToResetOffset, header: h))
        switch ResponseCode(rawValue: response.code) {
        case .consumerNotOnline, .requestCodeNotSupported:
            let u = UpdateConsumerOffsetRequestHeader(
                consumerGroup: group, topic: queue.topic, queueId: queue.queueId, commitOffset: offset)
            try await invoke(address, .request(.updateConsumerOffset, header: u)).expect(from: address)
        default:
            try response.expect(from: address)
        }
    }

    /// INVOKE_BROKER_TO_RESET_OFFSET for every queue of `topic` on one broker by time (−1: to the max
    /// offset). Returns the offsets the broker set.
    public func resetOffsets(
        group: String, topic: String, timestamp: Int64, broker address: String
    ) async throws
        -> [(queue: MessageQueue, offset: Int64)]
    {
        let h = ResetOffsetRequestHeader(group: group, topic: topic, timestamp: timestamp)
        let response = try await invoke(address, .request(.invokeBrokerToResetOffset, header: h))
        try response.expect(from: address)
        return try decode(ResetOffsetBody.self, response).offsetTable.entries.map { ($0.queue, $0.value) }
            .sorted { $0.queue < $1.queue }
    }

    /// CLONE_GROUP_OFFSET (314) on one broker.
    public func cloneGroupOffset(
        from source: String, to destination: String, topic: String?, offline: Bool = false,
        broker address: String
    ) async throws {
        let h = CloneGroupOffsetRequestHeader(srcGroup: source, destGroup: destination, topic: topic, offline: offline)
        try await invoke(address, .request(.cloneGroupOffset, header: h)).expect(from: address)
    }

    /// The committed offset on one queue (nil if none), read back from a given broker.
    public func committedOffset(group: String, queue: MessageQueue, broker address: String) async throws -> Int64? {
        var h = QueryConsumerOffsetRequestHeader(consumerGroup: group, topic: queue.topic, queueId: queue.queueId)
        h.setZeroIfNotFound = false
        let response = try await invoke(address, .request(.queryConsumerOffset, header: h))
        if response.code == ResponseCode.queryNotFound.rawValue { return nil }
        try response.expect(from: address)
        let offset = try response.decodeHeader(OffsetResponseHeader.self).offset
        return offset >= 0 ? offset : nil
    }

    /// Store time of the message at `offset` (nil at the end of the queue or below its min), by pulling it
    /// as the tools group: there is no cheaper request that answers it on every broker version.
    public func storeTime(_ queue: MessageQueue, offset: Int64) async throws -> Int64? {
        guard offset >= 0 else { return nil }
        let r = try await pull(group: Self.toolsGroup, queue: queue, offset: offset, maxNums: 1)
        guard r.status == .found else { return nil }
        return r.messages.first { $0.queueOffset == offset }?.storeTimestamp ?? r.messages.first?.storeTimestamp
    }

    /// The queues of a topic per master broker, from its route (read queues of readable brokers).
    public func topicQueues(_ topic: String) async throws -> [(broker: BrokerRef, queues: [MessageQueue])] {
        let route = try await route(topic: topic, refresh: true)
        var out: [(BrokerRef, [MessageQueue])] = []
        for q in route.queueDatas.sorted(by: { $0.brokerName < $1.brokerName }) {
            guard let addr = route.brokerDatas.first(where: { $0.brokerName == q.brokerName })?.masterAddress else {
                continue
            }
            let queues = (0..<q.readQueueNums).map { MessageQueue(topic: topic, brokerName: q.brokerName, queueId: $0) }
            out.append((BrokerRef(name: q.brokerName, address: addr), queues))
        }
        return out
    }

    /// Per-queue offsets of a group on a topic, over every broker of the topic's route.
    public func offsetStates(group: String, topic: String) async throws -> [QueueOffsetState] {
        var states: [QueueOffsetState] = []
        for (broker, queues) in try await topicQueues(topic) {
            let stats = try await consumeStats(group: group, topic: topic, broker: broker.address)
            let found = try await withThrowingTaskGroup(of: QueueOffsetState.self) { tasks in
                for mq in queues {
                    tasks.addTask {
                        let min = try await self.minOffset(mq)
                        let committed = try await self.committedOffset(group: group, queue: mq, broker: broker.address)
                        let wrapper = stats.offsetTable[mq]
                        var max = wrapper?.brokerOffset ?? 0
                        if wrapper == nil { max = try await self.maxOffset(mq) }
                        let last = wrapper.flatMap { $0.lastTimestamp > 0 ? $0.lastTimestamp : nil }
                        return QueueOffsetState(
                            queue: mq, minOffset: min, maxOffset: max, committed: committed, lastConsumedTimestamp: last
                        )
                    }
                }
                var all: [QueueOffsetState] = []
                for try await s in tasks { all.append(s) }
                return all
            }
            states += found
        }
        return states.sorted { $0.queue < $1.queue }
    }

    /// Topics a group has offsets for (or subscribes to while online), over its brokers.
    public func consumedTopics(group: String) async throws -> [String] {
        let stats = try await consumeStats(group: group)
        return Array(Set(stats.offsetTable.queues.map(\.topic))).sorted()
    }
}

import MQProtocol

/// Where a one-shot consumption starts in each queue.
public enum ConsumeStart: String, Sendable, CaseIterable {
    /// The queue's first stored message.
    case earliest
    /// The queue's end: only messages that arrive while waiting.
    case latest
    /// The group's committed offset (the queue's first stored message where the group never committed).
    case committed
}

/// What a one-shot consumption took and where it left the group.
public struct ConsumedMessages: Sendable {
    /// Messages in the order they were taken (bodies inflated when they were stored compressed).
    public var messages: [MessageExt] = []
    /// Offsets committed for the group afterwards, per queue (queues nothing was taken from are absent).
    public var commits: [(queue: MessageQueue, offset: Int64)] = []
    /// Queues whose commit failed, with why.
    public var commitFailures: [(queue: MessageQueue, error: String)] = []
}

extension MQClientInstance {
    /// Consumes up to `count` messages of `topic` for `group`: pulls its readable queues in turn from
    /// `start` (an even share from each per pass), then commits, per queue, the offset after the last
    /// message taken (unless `commit` is false). Messages that do not match `expression` (tags, applied by the
    /// broker) or `filter` (a SQL92 condition over their properties, applied here) are skipped and count as
    /// consumed, as in a subscription. When the queues run dry before `count`, waits up to `wait` for more.
    ///
    /// It does not join the group's rebalance, so it refuses (ClientError.invalidArgument) while the
    /// group has online consumers: their commits and ours would overwrite each other.
    public func consumeMessages(
        topic: String, group: String, count: Int, expression: String = "*", filter: FilterExpression? = nil,
        from start: ConsumeStart = .committed, wait: Duration = .zero, commit: Bool = true
    ) async throws -> ConsumedMessages {
        let route = try await route(topic: topic)
        if let online = try await consumerConnection(group: group), !online.connectionSet.isEmpty {
            throw ClientError.invalidArgument(
                "group \(group) has \(online.connectionSet.count) online consumer(s); consuming as the group now "
                    + "would race with their offset commits. Stop them first, or use another --group")
        }
        var queues: [MessageQueue] = []
        for q in route.queueDatas where PermName.isReadable(q.perm) {
            for id in 0..<q.readQueueNums {
                queues.append(MessageQueue(topic: topic, brokerName: q.brokerName, queueId: id))
            }
        }
        queues.sort()
        var position: [MessageQueue: Int64] = [:]
        for mq in queues { position[mq] = try await startOffset(mq, group: group, start: start) }
        let begin = position
        var result = ConsumedMessages()
        let deadline = ContinuousClock.now + wait
        var dry = Set<MessageQueue>()
        while result.messages.count < count {
            var progressed = false
            // Each pass takes an even share from every queue that still has messages.
            let share = max(
                1, (count - result.messages.count + queues.count - dry.count - 1) / max(1, queues.count - dry.count))
            for mq in queues where result.messages.count < count && !dry.contains(mq) {
                let remaining = min(count - result.messages.count, share)
                let was = position[mq]!
                let pulled = try await pull(
                    group: group, queue: mq, offset: was, maxNums: Int32(min(remaining, 32)), expression: expression)
                switch pulled.status {
                case .found, .noMatchedMessage:
                    let matching = pulled.messages.filter { m in filter?.matches { m.properties[$0] } ?? true }
                    let taken = Array(matching.prefix(remaining))
                    result.messages += taken
                    if taken.count < matching.count, let last = taken.last {
                        position[mq] = last.queueOffset + 1
                    } else {
                        position[mq] = pulled.nextBeginOffset
                    }
                    progressed = progressed || position[mq] != was || !taken.isEmpty
                case .noNewMessage:
                    dry.insert(mq)
                case .offsetIllegal:
                    // Deleted by retention (or past the end): continue where the broker says.
                    position[mq] = pulled.nextBeginOffset
                    if pulled.nextBeginOffset == was { dry.insert(mq) } else { progressed = true }
                }
            }
            if result.messages.count >= count { break }
            if dry.count == queues.count {
                guard ContinuousClock.now < deadline else { break }
                try await Task.sleep(for: .milliseconds(200))
                dry.removeAll()
            } else if !progressed, ContinuousClock.now >= deadline {
                break
            }
        }
        guard commit else { return result }
        for mq in queues where position[mq] != begin[mq] {
            let offset = position[mq]!
            do {
                try await updateConsumerOffset(group: group, queue: mq, offset: offset)
                result.commits.append((mq, offset))
            } catch {
                result.commitFailures.append((mq, "\(error)"))
            }
        }
        return result
    }

    private func startOffset(_ mq: MessageQueue, group: String, start: ConsumeStart) async throws -> Int64 {
        switch start {
        case .earliest: return try await minOffset(mq)
        case .latest: return try await maxOffset(mq)
        case .committed:
            if let committed = try await queryConsumerOffset(group: group, queue: mq) { return committed }
            return try await minOffset(mq)
        }
    }
}

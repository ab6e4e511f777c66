import MQProtocol

/// Which messages of a topic `message browse` and `message tail` read. They pull as TOOLS_CONSUMER (the group
/// Apache's tools pull with) and never commit, so no group's position moves.
public struct MessageWindow: Sendable {
    public var topic: String
    /// Store time from which messages are taken (inclusive), epoch ms; nil: from each queue's first message.
    public var since: Int64?
    /// Store time before which messages are taken (exclusive), epoch ms; nil: up to each queue's end.
    public var until: Int64?
    /// Only this broker's queues.
    public var broker: String?
    /// Only this queue id (on every broker, or on `broker`).
    public var queueId: Int32?
    /// Tag expression (`*`, `TagA || TagB`), applied by the broker and checked again here.
    public var tags = "*"
    /// Only messages whose KEYS contain this key.
    public var key: String?
    /// Only messages whose properties satisfy this SQL92 condition (evaluated here, as a SQL92 subscriber's
    /// broker would).
    public var filter: FilterExpression?

    public init(topic: String) { self.topic = topic }

    /// Whether a pulled message (already of the right tags) is in the window and passes the filters.
    public func matches(_ m: MessageExt) -> Bool {
        if let since, m.storeTimestamp < since { return false }
        if let until, m.storeTimestamp >= until { return false }
        if let key, !m.keys.contains(key) { return false }
        if let filter, !filter.matches(property: { m.properties[$0] }) { return false }
        return true
    }
}

/// What a browse found: messages in store-time order, and where each queue was read to.
public struct BrowsedMessages: Sendable {
    public var messages: [MessageExt] = []
    /// More matching messages were left out to keep to the limit.
    public var more = false
    /// Every queue read, with its end offset when the read began (`message tail --follow` goes on from there).
    public var ends: [MessageQueue: Int64] = [:]
    /// Brokers that could not be read, with why.
    public var failures: [BacklogFailure] = []

    public init() {}

    /// Store-time order; ties by broker, then the commit-log offset (the order that broker wrote them in, which
    /// a millisecond clock cannot tell apart), so the order is the same on every run.
    public static func inStoreOrder(_ a: MessageExt, _ b: MessageExt, brokerA: String, brokerB: String) -> Bool {
        (a.storeTimestamp, brokerA, a.commitLogOffset) < (b.storeTimestamp, brokerB, b.commitLogOffset)
    }
}

/// One broker's share of a browse.
private struct BrokerPart: Sendable {
    var found: [(broker: String, message: MessageExt)] = []
    var ends: [MessageQueue: Int64] = [:]
    var failures: [BacklogFailure] = []
}

extension MQClientInstance {
    /// The queues a window reads, per master broker of the topic's route. A broker or queue id that the route
    /// does not have throws ClientError.invalidArgument naming what it has.
    public func windowQueues(_ w: MessageWindow) async throws -> [(broker: BrokerRef, queues: [MessageQueue])] {
        var all = try await topicQueues(w.topic)
        if let broker = w.broker {
            all = all.filter { $0.broker.name == broker }
            guard !all.isEmpty else {
                let names = try await topicQueues(w.topic).map(\.broker.name).joined(separator: ", ")
                throw ClientError.invalidArgument(
                    "topic \(w.topic) has no queues on broker \(broker); its brokers: \(names)")
            }
        }
        if let queueId = w.queueId {
            all = all.map { (broker: $0.broker, queues: $0.queues.filter { $0.queueId == queueId }) }
                .filter { !$0.queues.isEmpty }
            guard !all.isEmpty else {
                throw ClientError.invalidArgument("topic \(w.topic) has no queue \(queueId) on the brokers asked")
            }
        }
        return all
    }

    /// The first `limit` messages of the window in store-time order, across every queue it covers; each queue is
    /// read from the offset its `since` maps to (SEARCH_OFFSET_BY_TIMESTAMP) up to its end when the browse began.
    public func browse(_ w: MessageWindow, limit: Int) async throws -> BrowsedMessages {
        try await read(w, keep: limit, newest: false)
    }

    /// The newest `count` messages of the window, looking at the last `count` of each queue, in store-time order.
    public func newestMessages(_ w: MessageWindow, count: Int) async throws -> BrowsedMessages {
        try await read(w, keep: count, newest: true)
    }

    private func read(_ w: MessageWindow, keep: Int, newest: Bool) async throws -> BrowsedMessages {
        let brokers = try await windowQueues(w)
        let parts = await withTaskGroup(of: BrokerPart.self) { tasks in
            for (broker, queues) in brokers {
                tasks.addTask {
                    var part = BrokerPart()
                    do {
                        for mq in queues {
                            let (found, end) = try await self.readQueue(mq, w, keep: keep, newest: newest)
                            part.found += found.map { (broker: broker.name, message: $0) }
                            part.ends[mq] = end
                        }
                    } catch let error as ClientError {
                        part.failures.append(
                            BacklogFailure(
                                broker: broker.name, address: broker.address, error: error.description,
                                unreachable: error.isConnectivity))
                    } catch {
                        part.failures.append(
                            BacklogFailure(
                                broker: broker.name, address: broker.address, error: "\(error)", unreachable: false))
                    }
                    return part
                }
            }
            var all: [BrokerPart] = []
            for await part in tasks { all.append(part) }
            return all
        }
        var result = BrowsedMessages()
        var found: [(broker: String, message: MessageExt)] = []
        for part in parts {
            found += part.found
            result.ends.merge(part.ends) { a, _ in a }
            result.failures += part.failures
        }
        found.sort { BrowsedMessages.inStoreOrder($0.message, $1.message, brokerA: $0.broker, brokerB: $1.broker) }
        result.messages = found.map(\.message)
        if result.messages.count > keep {
            result.more = true
            result.messages = newest ? Array(result.messages.suffix(keep)) : Array(result.messages.prefix(keep))
        }
        result.failures.sort { $0.broker < $1.broker }
        return result
    }

    /// One queue's matching messages (at most `keep + 1`, so the caller knows when there were more), and the
    /// queue's end offset when the read began.
    private func readQueue(_ mq: MessageQueue, _ w: MessageWindow, keep: Int, newest: Bool) async throws
        -> ([MessageExt], Int64)
    {
        let end = try await maxOffset(mq)
        let first = try await minOffset(mq)
        var offset: Int64
        if newest {
            offset = max(first, end - Int64(keep))
            if let since = w.since { offset = max(offset, try await searchOffset(mq, timestamp: since)) }
        } else if let since = w.since {
            offset = max(first, try await searchOffset(mq, timestamp: since))
        } else {
            offset = first
        }
        var found: [MessageExt] = []
        reading: while offset < end {
            let pulled = try await pull(
                group: Self.toolsConsumerGroup, queue: mq, offset: offset, expression: w.tags)
            switch pulled.status {
            case .found, .noMatchedMessage:
                for m in pulled.messages where m.queueOffset < end {
                    if let until = w.until, m.storeTimestamp >= until { break reading }
                    if w.matches(m) { found.append(m) }
                    if !newest && found.count > keep { break reading }
                }
            case .offsetIllegal where pulled.nextBeginOffset > offset:
                break
            case .noNewMessage, .offsetIllegal:
                break reading
            }
            guard pulled.nextBeginOffset > offset else { break }
            offset = pulled.nextBeginOffset
        }
        return (newest ? Array(found.suffix(keep + 1)) : found, end)
    }

    /// Hands each new message of `queues` to `deliver` as it arrives, from the offset given for each queue, until
    /// the calling task is cancelled. Pulls wait at the broker (long polling) so a message is delivered as soon as
    /// it is stored; a queue whose broker fails is retried every second, and `failed` hears of the first failure
    /// of each run of them.
    public func follow(
        _ w: MessageWindow, from queues: [MessageQueue: Int64], wait: Duration = .seconds(15),
        failed: (@Sendable (MessageQueue, any Error) -> Void)? = nil,
        deliver: @escaping @Sendable (MessageExt) -> Void
    ) async {
        let (seconds, attoseconds) = wait.components
        let suspendMillis = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        await withTaskGroup(of: Void.self) { tasks in
            for (mq, start) in queues {
                tasks.addTask {
                    var offset = start
                    var failing = false
                    while !Task.isCancelled {
                        do {
                            let pulled = try await self.pull(
                                group: Self.toolsConsumerGroup, queue: mq, offset: offset, expression: w.tags,
                                suspendMillis: suspendMillis)
                            for m in pulled.messages where w.matches(m) { deliver(m) }
                            offset = pulled.nextBeginOffset
                            failing = false
                        } catch {
                            if Task.isCancelled { return }
                            if !failing { failed?(mq, error) }
                            failing = true
                            try? await Task.sleep(for: .seconds(1))
                        }
                    }
                }
            }
        }
    }
}

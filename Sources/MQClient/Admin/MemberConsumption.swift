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

/// Why a consumption as a member of its group ended.
public enum ConsumeEnd: String, Sendable {
    /// It took the number of messages asked for.
    case count
    /// Its queues were read to their end and nothing came for the idle time.
    case idle
    /// The calling task was cancelled (Ctrl-C): it stopped, committed and left the group.
    case interrupted
}

/// A consumption as a member of a group (mqadmin's `message consume`).
public struct MemberConsumption: Sendable {
    public var topic: String
    public var group: String
    /// The id it is a member as (`mqadmin@host@pid`).
    public var clientId: String
    /// Tags (`*`, `TagA || TagB`), applied by the broker.
    public var expression = "*"
    /// A SQL92 condition over properties, applied here; messages it rejects count as consumed.
    public var filter: FilterExpression?
    /// Where each queue starts the first time this member owns it.
    public var from = ConsumeStart.committed
    /// Stop after this many messages (nil: no limit).
    public var limit: Int?
    /// Stop once its queues are read to their end and nothing came for this long (nil: until cancelled).
    public var idle: Duration?
    public var commit = true
    /// Told the queues of `topic` it owns and the group's member count, whenever a rebalance changes them.
    public var onAssignment: (@Sendable (_ queues: [MessageQueue], _ members: Int) -> Void)?

    public init(topic: String, group: String, clientId: String) {
        self.topic = topic
        self.group = group
        self.clientId = clientId
    }
}

/// What a consumption as a member took and where it left the group.
public struct ConsumeSummary: Sendable {
    public var count: Int
    public var ended: ConsumeEnd
    /// The last offset committed per queue (queues it did not move are absent).
    public var commits: [(queue: MessageQueue, offset: Int64)]
    /// Queues whose last commit failed, with why.
    public var commitFailures: [(queue: MessageQueue, error: String)]
}

extension MQClientInstance {
    /// Consumes `c.topic` as a member of `c.group` (a `PushConsumer`): heartbeats with the subscription, so the
    /// group's other members share the queues with it by rebalance; hands each message to `deliver` as it
    /// arrives, one at a time; stops at `c.limit`, after `c.idle` at the queues' end, or when the calling task
    /// is cancelled; then commits per queue the offset after the last message it took (not past a message
    /// `deliver` never saw) and leaves the group.
    ///
    /// Starting `--from earliest|latest` would commit over the positions of members that are online: refused
    /// then (ClientError.invalidArgument), unless it does not commit.
    public func consumeAsMember(
        _ c: MemberConsumption, deliver: @escaping @Sendable (MessageExt) -> Void
    ) async throws -> ConsumeSummary {
        _ = try await route(topic: c.topic)
        if c.commit, c.from != .committed, let online = try await consumerConnection(group: c.group),
            !online.connectionSet.isEmpty
        {
            throw ClientError.invalidArgument(
                "group \(c.group) has \(online.connectionSet.count) online consumer(s); --from \(c.from.rawValue) "
                    + "would move their committed offsets. Use --from committed to share their queues, --no-commit "
                    + "to only look, or another --group")
        }
        let tally = DeliveryTally(limit: c.limit, filter: c.filter, deliver: deliver)
        var options = PushConsumer.Options(
            clientId: c.clientId, firstStart: c.from, commits: c.commit ? .progressOnly : .never)
        if let tell = c.onAssignment {
            let topic = c.topic
            options.onAssignment = { queues, members in tell(queues.filter { $0.topic == topic }, members) }
        }
        let consumer = PushConsumer(
            group: c.group, client: self, consumeFromWhere: .firstOffset, batchSize: Int32(min(32, c.limit ?? 32)),
            options: options)
        await consumer.subscribe(c.topic, expression: c.expression)
        // Leaving the group must happen even when the caller was cancelled: a task of its own is not.
        let leave = { () async -> Void in await Task { await consumer.shutdown() }.value }
        do {
            try await consumer.start { batch, _ -> ConsumeStatus in
                let taken = await tally.take(batch)
                return taken == batch.count ? .success : .consumedFirst(taken)
            }
        } catch {
            await leave()
            throw error
        }
        let ended = await Self.waitForEnd(of: c, consumer, tally)
        await leave()
        return ConsumeSummary(
            count: await tally.delivered, ended: ended, commits: await consumer.committedOffsets,
            commitFailures: await consumer.commitFailures)
    }

    private static func waitForEnd(
        of c: MemberConsumption, _ consumer: PushConsumer, _ tally: DeliveryTally
    ) async -> ConsumeEnd {
        while true {
            if Task.isCancelled { return .interrupted }
            if await tally.full { return .count }
            if let idle = c.idle, await consumer.caughtUp, ContinuousClock.now - (await tally.lastDelivery) >= idle {
                return .idle
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// Counts and hands over messages one at a time, whichever queue's pull brought them.
actor DeliveryTally {
    let limit: Int?
    let filter: FilterExpression?
    let deliver: @Sendable (MessageExt) -> Void
    private(set) var delivered = 0
    /// The last delivery, or the start.
    private(set) var lastDelivery = ContinuousClock.now

    init(limit: Int?, filter: FilterExpression?, deliver: @escaping @Sendable (MessageExt) -> Void) {
        self.limit = limit
        self.filter = filter
        self.deliver = deliver
    }

    var full: Bool { limit.map { delivered >= $0 } ?? false }

    /// Returns how many of `batch`, from its start, were taken: delivered, or rejected by the filter.
    func take(_ batch: [MessageExt]) -> Int {
        var taken = 0
        for m in batch {
            if full { break }
            taken += 1
            guard filter?.matches(property: { m.properties[$0] }) ?? true else { continue }
            deliver(m)
            delivered += 1
            lastDelivery = .now
        }
        return taken
    }
}

import Logging
import MQProtocol
import NIOConcurrencyHelpers

/// What a message handler decides.
public enum ConsumeStatus: Sendable, Equatable {
    case success
    /// Hand the messages back to the broker for a later retry (`%RETRY%<group>`).
    case reconsumeLater
    /// Only the first n messages were taken: the queue's position moves past them alone, so the others are
    /// neither committed nor skipped (they come again with the next pull, or to the next owner).
    case consumedFirst(Int)
}

/// A clustering (or broadcasting) consumer: joins its group with heartbeats, rebalances the queues
/// among members (average allocation, like Apache's default), long-polls each of its queues and
/// commits offsets every few seconds and at shutdown.
public final class PushConsumer: Sendable {
    public typealias Handler = @Sendable ([MessageExt], MessageQueue) async -> ConsumeStatus

    public let group: String
    public let client: MQClientInstance
    public let messageModel: MessageModel
    public let consumeFromWhere: ConsumeFromWhere
    public let batchSize: Int32
    /// The id it is a member of its group as (heartbeats, rebalance, unregistering).
    public let clientId: String
    public let options: Options
    private let state: ConsumerState
    private let runner = NIOLockedValueBox<Task<Void, Never>?>(nil)
    /// Set when a subscribed topic had no route at the last rebalance (e.g. a retry topic being created).
    private let missingRoutes = NIOLockedValueBox(false)
    private let rebalanceChain = NIOLockedValueBox<Task<Void, Never>?>(nil)
    /// What it answers GET_CONSUMER_RUNNING_INFO with.
    let runningStats = ConsumerRunningStats()

    public init(
        group: String, client: MQClientInstance, messageModel: MessageModel = .clustering,
        consumeFromWhere: ConsumeFromWhere = .lastOffset, batchSize: Int32 = 32, options: Options = Options()
    ) {
        self.group = group
        self.client = client
        self.messageModel = messageModel
        self.consumeFromWhere = consumeFromWhere
        self.batchSize = batchSize
        self.options = options
        self.clientId = options.clientId ?? client.clientId
        self.state = ConsumerState(commits: options.commits)
    }

    /// Which offsets it commits.
    public enum CommitPolicy: Sendable, Equatable {
        /// Every queue's position, also where nothing was consumed (Apache's clients do the same).
        case everyPosition
        /// Only queues it moved past where it started: a member that only looked changes no offset.
        case progressOnly
        /// None: reads without moving the group.
        case never
    }

    /// Settings beyond Apache's consumer's, for a member that is a tool rather than an application (mqadmin's
    /// `message consume`: says it is mqadmin, starts where asked, commits only what it printed).
    public struct Options: Sendable {
        /// The id it is a member as; the client instance's when nil.
        public var clientId: String?
        /// Where a queue starts the first time this instance owns it, whatever the group committed (nil or
        /// `.committed`: the committed offset, else `consumeFromWhere`). A queue that comes back after a
        /// rebalance starts at the committed offset.
        public var firstStart: ConsumeStart?
        public var commits: CommitPolicy
        /// How long a pull at a queue's end waits at the broker for a new message.
        public var pullSuspend: Duration
        /// Told the queues it owns and how many members the group has, after each rebalance that changed them.
        public var onAssignment: (@Sendable (_ queues: [MessageQueue], _ members: Int) -> Void)?

        public init(
            clientId: String? = nil, firstStart: ConsumeStart? = nil, commits: CommitPolicy = .everyPosition,
            pullSuspend: Duration = .seconds(15),
            onAssignment: (@Sendable (_ queues: [MessageQueue], _ members: Int) -> Void)? = nil
        ) {
            self.clientId = clientId
            self.firstStart = firstStart
            self.commits = commits
            self.pullSuspend = pullSuspend
            self.onAssignment = onAssignment
        }
    }

    /// Subscribes before `start`; `expression` is `*` or `TagA || TagB`.
    public func subscribe(_ topic: String, expression: String = "*") async {
        await state.subscribe(topic, selector: .tag(expression))
    }

    /// Subscribes before `start` with tags or a SQL92 property filter (`.sql92("a > 5 AND region = 'eu'")`),
    /// which the broker evaluates; `start` asks the broker to check it first and fails with its remark.
    public func subscribe(_ topic: String, selector: MessageSelector) async {
        await state.subscribe(topic, selector: selector)
    }

    public func start(handler: @escaping Handler) async throws {
        if messageModel == .clustering {
            await state.subscribe(SystemTopics.retryTopic(group), selector: .tag())
        }
        // Fail early on an unknown topic, after a short grace: a topic a producer just auto-created reaches
        // the name server with the broker's next registration.
        for (topic, _) in await state.subscriptions where !topic.hasPrefix(SystemTopics.retryPrefix) {
            let deadline = ContinuousClock.now + .seconds(3)
            while true {
                do {
                    _ = try await client.route(topic: topic, refresh: true)
                    break
                } catch {
                    if ContinuousClock.now >= deadline { throw error }
                    try await Task.sleep(for: .milliseconds(200))
                }
            }
        }
        try await checkFilters()
        client.notifyHandlers.withLockedValue { [weak self] in
            $0[self?.group ?? ""] = { [weak self] in
                guard let self else { return }
                Task { await self.rebalance() }
            }
        }
        client.runningInfoProviders.withLockedValue { [weak self] in
            $0[self?.group ?? ""] = { [weak self] jstack in
                guard let self else { return ConsumerRunningInfo() }
                return self.runningStats.runningInfo(consumer: self, jstack: jstack)
            }
        }
        // The handler must be in place before the first pull returns messages.
        await state.setHandler(handler)
        acceptDirectConsumes(handler: handler)
        await sendHeartbeat()
        await rebalance()
        let task = Task { [weak self] in
            var tick = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                guard let self else { return }
                tick += 1
                if tick % 5 == 0 { await self.commitOffsets() }
                // Every 10 s, or every second while some subscribed topic had no route yet.
                if tick % 10 == 0 || self.missingRoutes.withLockedValue({ $0 }) { await self.rebalance() }
                if tick % 30 == 0 { await self.sendHeartbeat() }
            }
        }
        runner.withLockedValue { $0 = task }
    }

    /// Stops pulling, lets handlers that are running finish, commits offsets and leaves the group.
    public func shutdown() async {
        runner.withLockedValue { $0 }?.cancel()
        client.notifyHandlers.withLockedValue { _ = $0.removeValue(forKey: group) }
        stopDirectConsumes()
        client.runningInfoProviders.withLockedValue { _ = $0.removeValue(forKey: group) }
        await state.stopAll()
        await state.handlersFinished()
        await commitOffsets()
        let request = RemotingCommand.request(
            .unregisterClient, header: UnregisterClientRequestHeader(clientID: clientId, consumerGroup: group))
        for addr in await brokerAddresses() { _ = try? await client.invoke(addr, request) }
    }

    /// Queues this instance currently owns.
    public var assignedQueues: [MessageQueue] { get async { await state.assigned } }

    /// Every queue it owns has been read to its end (the last pull found nothing new); true owning none.
    public var caughtUp: Bool { get async { await state.caughtUp } }

    /// The last offset this instance committed per queue, by queue.
    public var committedOffsets: [(queue: MessageQueue, offset: Int64)] {
        get async { await state.commitLog.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }

    /// Queues whose last commit failed, with why.
    public var commitFailures: [(queue: MessageQueue, error: String)] {
        get async { await state.commitFailures.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }

    /// As Apache's Java client before it starts, every subscription that is not by tags is checked
    /// (CHECK_CLIENT_CONFIG), so a malformed expression fails `start` with the broker's remark. Java asks one broker
    /// of the topic, assuming all are configured alike; this asks every master, so one with property filters off
    /// is found before messages go missing.
    private func checkFilters() async throws {
        for (topic, selector) in await state.subscriptions where !selector.isTag {
            let subscription = Self.subscriptionData(topic, selector, version: nowMillis())
            for broker in try await client.route(topic: topic).brokerDatas.compactMap(\.masterAddress) {
                try await client.checkClientConfig(group: group, subscription: subscription, broker: broker)
            }
        }
    }

    static func subscriptionData(_ topic: String, _ selector: MessageSelector, version: Int64) -> SubscriptionData {
        var data = SubscriptionData(topic: topic, subString: selector.expression, subVersion: version)
        data.expressionType = selector.isTag ? ExpressionType.tag : selector.type
        return data
    }

    func heartbeatData() async -> HeartbeatData {
        let subs = await state.subscriptions.map { topic, selector in
            Self.subscriptionData(topic, selector, version: nowMillis())
        }
        let data = ConsumerData(
            groupName: group, consumeType: .consumePassively, messageModel: messageModel,
            consumeFromWhere: consumeFromWhere, subscriptionDataSet: subs)
        runningStats.subscriptions.withLockedValue { $0 = subs }
        return HeartbeatData(clientID: clientId, consumerDataSet: [data])
    }

    func brokerAddresses() async -> [String] {
        var addrs: Set<String> = []
        for (topic, _) in await state.subscriptions {
            guard let route = try? await client.route(topic: topic) else { continue }
            for b in route.brokerDatas { if let m = b.masterAddress { addrs.insert(m) } }
        }
        return addrs.sorted()
    }

    func sendHeartbeat() async {
        await client.heartbeat(await heartbeatData(), to: await brokerAddresses())
    }

    /// Recomputes which queues this instance owns and starts/stops their pull loops. Calls run one at a
    /// time: a slow rebalance finishing after a newer one would otherwise bring back a stale assignment.
    func rebalance() async {
        let run = rebalanceChain.withLockedValue { last -> Task<Void, Never> in
            let previous = last
            let next = Task { [weak self] in
                await previous?.value
                await self?.rebalanceNow()
            }
            last = next
            return next
        }
        await run.value
    }

    private func rebalanceNow() async {
        var wanted: [MessageQueue] = []
        var members = 0
        var missing = false
        defer { missingRoutes.withLockedValue { $0 = missing } }
        for (topic, _) in await state.subscriptions {
            guard let route = try? await client.route(topic: topic, refresh: true) else {
                missing = true
                continue
            }
            var queues: [MessageQueue] = []
            for q in route.queueDatas where PermName.isReadable(q.perm) {
                for id in 0..<q.readQueueNums { queues.append(MessageQueue(topic: topic, brokerName: q.brokerName, queueId: id)) }
            }
            queues.sort()
            if messageModel == .broadcasting {
                wanted += queues
                continue
            }
            guard let addr = route.brokerDatas.compactMap(\.masterAddress).first,
                let ids = try? await client.consumerIds(group: group, broker: addr), !ids.isEmpty
            else { continue }
            members = max(members, ids.count)
            wanted += QueueAllocationStrategy.averagely(queues, clients: ids.sorted(), me: clientId)
        }
        let (added, removed) = await state.reassign(Set(wanted))
        if !added.isEmpty || !removed.isEmpty, let tell = options.onAssignment { tell(wanted.sorted(), members) }
        for mq in removed {
            await commit(mq)
            // Another member owns it now: a stale position here must never be committed over theirs.
            await state.forget(mq)
            runningStats.dropped(mq)
        }
        for mq in added {
            let task = Task { [weak self] () async -> Void in await self?.pullLoop(mq) }
            await state.setTask(task, for: mq)
        }
    }

    private func startOffset(_ mq: MessageQueue) async throws -> Int64 {
        if await state.firstStart(mq) {
            switch options.firstStart {
            case .earliest: return try await client.minOffset(mq)
            case .latest: return try await client.maxOffset(mq)
            case .committed, nil: break
            }
        }
        // Like Apache's broker, a group without a commit starts at 0 on a queue that still holds its first
        // message; otherwise "last offset" would skip what was sent while this member was being assigned.
        if messageModel == .clustering,
            let committed = try await client.queryConsumerOffset(group: group, queue: mq, setZeroIfNotFound: true)
        {
            return committed
        }
        switch consumeFromWhere {
        case .firstOffset, .minOffset: return try await client.minOffset(mq)
        case .timestamp: return try await client.searchOffset(mq, timestamp: nowMillis() - 30 * 60_000)
        default:
            return mq.topic.hasPrefix(SystemTopics.retryPrefix) ? 0 : try await client.maxOffset(mq)
        }
    }

    private func pullLoop(_ mq: MessageQueue) async {
        var offset: Int64
        do {
            offset = try await startOffset(mq)
        } catch {
            client.logger.warning("consumer \(group): cannot find a start offset for \(mq): \(error)")
            await state.release(mq)
            return
        }
        await state.started(mq, at: offset)
        runningStats.started(mq, at: offset)
        let selector = await state.subscriptions[mq.topic] ?? .tag()
        // A pull right after messages does not wait at the broker, so a queue read to its end is known at once
        // (`caughtUp`); only then do pulls wait there for new messages.
        var atEnd = false
        let (seconds, attoseconds) = options.pullSuspend.components
        let suspendMillis = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        while !Task.isCancelled, await state.owns(mq) {
            do {
                let pullStart = nowMillis()
                runningStats.pulling(mq, now: pullStart)
                let result = try await client.pull(
                    group: group, queue: mq, offset: offset, maxNums: batchSize, expression: selector.expression,
                    expressionType: selector.type, suspendMillis: atEnd ? suspendMillis : 0)
                atEnd = result.status == .noNewMessage
                runningStats.pulled(mq, messages: result.messages, millis: nowMillis() - pullStart)
                await state.setCaughtUp(mq, atEnd)
                switch result.status {
                case .found:
                    // Taken away (rebalance, shutdown) while the pull was under way: the next owner gets them.
                    guard await state.beginHandling(mq) else { return }
                    let next = await handle(result, from: mq, at: offset)
                    await state.endHandling(mq, offset: next)
                    if next < result.nextBeginOffset {
                        // The handler stopped taking messages, usually because its owner is stopping.
                        try? await Task.sleep(for: .milliseconds(200))
                    }
                    offset = next
                    runningStats.committed(mq, offset: offset)
                case .noNewMessage, .noMatchedMessage:
                    offset = result.nextBeginOffset
                    await state.consumed(mq, offset: offset)
                case .offsetIllegal:
                    // Moved by the broker (an admin reset, or retention): commit the new position even if it
                    // equals what this instance committed before the reset.
                    offset = result.nextBeginOffset
                    await state.forgetCommitted(mq)
                    await state.consumed(mq, offset: offset)
                }
            } catch {
                if Task.isCancelled { break }
                atEnd = false
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Hands a batch to the handler; returns the queue's next offset: past the messages it took.
    private func handle(_ result: PullResult, from mq: MessageQueue, at offset: Int64) async -> Int64 {
        guard !result.messages.isEmpty, let handler = await state.handler else { return result.nextBeginOffset }
        let started = nowMillis()
        let status = await handler(result.messages, mq)
        let failed = status == .reconsumeLater ? result.messages.count : 0
        runningStats.consumed(mq, count: result.messages.count, ok: failed == 0, millis: nowMillis() - started)
        switch status {
        case .success:
            return result.nextBeginOffset
        case .reconsumeLater:
            for m in result.messages { try? await client.sendBack(group: group, message: m) }
            return result.nextBeginOffset
        case .consumedFirst(let n):
            guard n < result.messages.count else { return result.nextBeginOffset }
            return n <= 0 ? offset : result.messages[n - 1].queueOffset + 1
        }
    }

    func commit(_ mq: MessageQueue) async {
        guard messageModel == .clustering, let offset = await state.offsetToCommit(mq) else { return }
        do {
            try await client.updateConsumerOffset(group: group, queue: mq, offset: offset)
            await state.committed(mq, offset: offset)
        } catch {
            client.logger.warning("consumer \(group): cannot commit \(mq) at \(offset): \(error)")
            await state.commitFailed(mq, "\(error)")
        }
    }

    func commitOffsets() async {
        for mq in await state.offsetsToCommit() { await commit(mq) }
    }
}

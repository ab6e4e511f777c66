import MQProtocol

/// Mutable consumer state, kept in one actor so pull loops, rebalances and commits agree.
actor ConsumerState {
    var subscriptions: [String: MessageSelector] = [:]
    var handler: PushConsumer.Handler?
    let commits: PushConsumer.CommitPolicy
    private var tasks: [MessageQueue: Task<Void, Never>] = [:]
    private var consumedOffsets: [MessageQueue: Int64] = [:]
    private var committedOffsets: [MessageQueue: Int64] = [:]
    /// Where each queue's pull loop started (for `.progressOnly`: a queue not moved past it is not committed).
    private var startOffsets: [MessageQueue: Int64] = [:]
    private var owned: Set<MessageQueue> = []
    /// Queues whose last pull found nothing new.
    private var caughtUpQueues: Set<MessageQueue> = []
    /// Queues owned at some point (a first start may differ from a later one: `Options.firstStart`).
    private var everStarted: Set<MessageQueue> = []
    /// What was owned when the consumer stopped: handlers still running there may record their progress.
    private var ownedAtStop: Set<MessageQueue> = []
    private var handling = 0
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    private var stopped = false
    /// Every offset this instance committed, and commits that failed (cleared by a later success).
    private(set) var commitLog: [MessageQueue: Int64] = [:]
    private(set) var commitFailures: [MessageQueue: String] = [:]

    init(commits: PushConsumer.CommitPolicy) { self.commits = commits }

    func subscribe(_ topic: String, selector: MessageSelector) { subscriptions[topic] = selector }
    func setHandler(_ h: @escaping PushConsumer.Handler) { handler = h }
    var assigned: [MessageQueue] { owned.sorted() }
    func owns(_ mq: MessageQueue) -> Bool { owned.contains(mq) }

    /// Every owned queue's last pull found nothing new (true with no queue at all).
    var caughtUp: Bool { owned.isSubset(of: caughtUpQueues) }

    func reassign(_ wanted: Set<MessageQueue>) -> (added: [MessageQueue], removed: [MessageQueue]) {
        // A rebalance that was under way when the consumer shut down must not bring its pull loops back.
        guard !stopped else { return ([], []) }
        let added = wanted.subtracting(owned).sorted()
        let removed = owned.subtracting(wanted).sorted()
        for mq in removed {
            tasks.removeValue(forKey: mq)?.cancel()
            caughtUpQueues.remove(mq)
        }
        owned = wanted
        return (added, removed)
    }

    func setTask(_ t: Task<Void, Never>, for mq: MessageQueue) {
        if owned.contains(mq) { tasks[mq] = t } else { t.cancel() }
    }

    /// Returns true the first time this instance starts pulling `mq`.
    func firstStart(_ mq: MessageQueue) -> Bool { everStarted.insert(mq).inserted }

    func started(_ mq: MessageQueue, at offset: Int64) {
        if owned.contains(mq) { startOffsets[mq] = offset }
    }

    func release(_ mq: MessageQueue) {
        owned.remove(mq)
        tasks[mq] = nil
    }

    func setCaughtUp(_ mq: MessageQueue, _ caughtUp: Bool) {
        guard owned.contains(mq) else { return }
        if caughtUp { caughtUpQueues.insert(mq) } else { caughtUpQueues.remove(mq) }
    }

    /// Records progress on a queue this instance still owns (a pull finishing after a rebalance took the
    /// queue away must not leave a position behind).
    func consumed(_ mq: MessageQueue, offset: Int64) {
        if owned.contains(mq) { consumedOffsets[mq] = offset }
    }

    /// Before messages go to the handler: false when the queue is no longer this instance's (rebalanced away
    /// or stopped while the pull was under way), then the messages are left to whoever owns it next.
    func beginHandling(_ mq: MessageQueue) -> Bool {
        guard owned.contains(mq) else { return false }
        handling += 1
        return true
    }

    /// After the handler: its progress counts even when the consumer stopped meanwhile, so the commit at
    /// shutdown covers what the handler took.
    func endHandling(_ mq: MessageQueue, offset: Int64) {
        handling -= 1
        if owned.contains(mq) || ownedAtStop.contains(mq) { consumedOffsets[mq] = offset }
        if handling == 0 {
            for w in idleWaiters { w.resume() }
            idleWaiters = []
        }
    }

    /// Returns once no handler runs.
    func handlersFinished() async {
        while handling > 0 { await withCheckedContinuation { idleWaiters.append($0) } }
    }

    func forget(_ mq: MessageQueue) {
        guard !owned.contains(mq) else { return }
        consumedOffsets[mq] = nil
        committedOffsets[mq] = nil
        startOffsets[mq] = nil
    }

    func offsetToCommit(_ mq: MessageQueue) -> Int64? {
        guard commits != .never, let o = consumedOffsets[mq], committedOffsets[mq] != o else { return nil }
        if commits == .progressOnly, committedOffsets[mq] == nil, startOffsets[mq] == o { return nil }
        return o
    }

    func committed(_ mq: MessageQueue, offset: Int64) {
        committedOffsets[mq] = offset
        commitLog[mq] = offset
        commitFailures[mq] = nil
    }

    func commitFailed(_ mq: MessageQueue, _ why: String) { commitFailures[mq] = why }
    func forgetCommitted(_ mq: MessageQueue) { committedOffsets[mq] = nil }

    func offsetsToCommit() -> [MessageQueue] {
        consumedOffsets.keys.filter { offsetToCommit($0) != nil }.sorted()
    }

    func stopAll() {
        stopped = true
        for t in tasks.values { t.cancel() }
        tasks = [:]
        ownedAtStop = owned
        owned = []
    }
}

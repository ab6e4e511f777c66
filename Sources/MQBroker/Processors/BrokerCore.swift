import Logging
import MQProtocol
import MQRemoting
import MQStore
import NIOConcurrencyHelpers
import NIOCore

/// The broker's request handling: every code a producer, consumer or admin tool sends to a broker.
///
/// It does not know its transport: a request and the peer it came from in, a response out.
/// Handlers run synchronously on the calling event loop, except sends (on their own thread, see
/// `SendThread`); sends and long polls answer later.
public final class BrokerCore: RequestProcessor {
    public let config: BrokerConfig
    public let store: MessageStore
    public let topics: TopicConfigManager
    public let groups: SubscriptionGroupManager
    public let offsets: ConsumerOffsetManager
    public let consumers: ConsumerManager
    /// Compiled SQL92 subscriptions by topic and group.
    let filters = ConsumerFilterManager()
    public let producers = ProducerManager()
    let locks = RebalanceLockManager()
    let holds: PullRequestHoldService
    /// The store's delay levels (one parsed value for both: recovery recomputes delivery times with it).
    let delayLevels: DelayLevels
    let logger: Logger
    public let stats = BrokerStats()
    /// Admin resets not yet seen by the queue's consumer (Apache's server-side reset).
    let pendingResets = PendingOffsetResets()
    let storeHost: HostAddress
    let bootTimestamp = nowMillis()
    let sendThread = WorkerThread(name: "mqbroker-send")
    /// Sync-flush sends waiting for group commit, answered FLUSH_DISK_TIMEOUT by the 200 ms sweep when overdue.
    let flushWaits = FlushWaits()
    /// Admin handlers that write metadata files run here, one at a time, never on an event loop.
    let adminThread = WorkerThread(name: "mqbroker-admin")
    /// POP handlers and revive chunks run here, one at a time: the in-flight table has one writer.
    let popThread = WorkerThread(name: "mqbroker-pop")
    /// Messages popped and not yet acked or revived (written on the pop thread; read anywhere under its lock).
    let popState = NIOLockedValueBox(PopState())
    /// Wakes the revive thread (set by the controller) when a pop or a change may have made a deadline earlier.
    let popReviveWaker = NIOLockedValueBox<(@Sendable () -> Void)?>(nil)
    /// When the revive thread's next pass is planned (epoch ms).
    let popReviveNext = NIOLockedValueBox<Int64>(0)
    /// The pop checkpoint waiting for the commit log to be flushed past `flushedNeeded`.
    let popCheckpointCandidate = NIOLockedValueBox<(checkpoint: PopCheckpoint, flushedNeeded: Int64)?>(nil)
    /// POP_MESSAGE and NOTIFICATION requests waiting for a message.
    let popHolds = PopHoldService()
    /// Users, ACLs and the check every request passes when authentication is on.
    public let auth: BrokerAuth
    /// Timer messages waiting in rmq_sys_wheel_timer, delivered when due.
    let timers: TimerMessageService
    /// Half messages, their resolution and the state the check service walks.
    let transactions: TransactionalMessageService
    /// The (topic, group) → PULL/POP table QUERY_ASSIGNMENT answers from (BrokerCore+RequestMode.swift).
    public let requestModes: MessageRequestModeManager
    /// The settings UPDATE_BROKER_CONFIG changes while the broker runs; read these, not `config`, for them.
    public let live: NIOLockedValueBox<BrokerLiveSettings>
    /// Where those changes are kept across restarts.
    let overrides: BrokerOverrides
    /// How many UPDATE_BROKER_CONFIG changes were applied since start and when the last was (GET_BROKER_CONFIG's
    /// `version`, as Apache's configuration data version counts them); nil before the first.
    let configVersion = NIOLockedValueBox<(counter: Int64, timestamp: Int64)?>(nil)
    /// Returns once a registration with every name server that started after the call has ended (set by the
    /// controller; nil when there is none). Topic creation and a brokerPermission change answer after it.
    let registration = NIOLockedValueBox<(@Sendable () async -> Void)?>(nil)

    init(
        config: BrokerConfig, store: MessageStore, topics: TopicConfigManager, groups: SubscriptionGroupManager,
        offsets: ConsumerOffsetManager, requestModes: MessageRequestModeManager, auth: BrokerAuth,
        overrides: BrokerOverrides, logger: Logger
    ) throws {
        guard let host = HostAddress(config.advertisedAddress) else {
            throw BrokerError.invalidConfiguration(
                "invalid broker address \"\(config.advertisedAddress)\"; use IP:PORT, e.g. 127.0.0.1:10911")
        }
        self.config = config
        self.store = store
        self.topics = topics
        self.groups = groups
        self.offsets = offsets
        self.requestModes = requestModes
        self.auth = auth
        self.live = NIOLockedValueBox(BrokerLiveSettings(config))
        self.overrides = overrides
        self.logger = logger
        self.consumers = ConsumerManager(logger: logger)
        self.holds = PullRequestHoldService(logger: logger)
        self.delayLevels = config.store.delayLevels
        self.storeHost = host
        self.timers = try TimerMessageService(settings: config.timer, store: store, stats: stats, logger: logger)
        self.transactions = TransactionalMessageService(
            config: config, store: store, topics: topics, offsets: offsets, storeHost: host, logger: logger)
    }

    /// Dispatches through the registry (`BrokerRequests`): authorization by the row's rule, then the
    /// row's handler on the row's thread. Codes without a served row answer REQUEST_CODE_NOT_SUPPORTED.
    public func process(_ request: RemotingCommand, from peer: any RemotingPeer) -> ProcessResult {
        let route = BrokerRequests.table.route(request.code)
        if let refusal = auth.refusal(for: request, access: route?.access, from: peer.remoteAddress) {
            return .response(refusal)
        }
        return dispatch(request, route: route, from: peer)
    }

    /// The registry's handler for `request` on the row's thread, without the ACL check: for a front-end that
    /// authenticated and authorized the caller by its own rules (the gRPC endpoint, MQGrpc) and speaks to the
    /// broker through the same handlers the remoting transport uses.
    public func processAuthorized(_ request: RemotingCommand, from peer: any RemotingPeer) -> ProcessResult {
        dispatch(request, route: BrokerRequests.table.route(request.code), from: peer)
    }

    private func dispatch(
        _ request: RemotingCommand, route: RequestRoute<BrokerCore>?, from peer: any RemotingPeer
    ) -> ProcessResult {
        guard let route, route.isServed else { return .response(RequestTable<BrokerCore>.notSupported(request)) }
        switch route.thread {
        case .eventLoop:
            return RequestTable.run(route, self, request, peer)
        case .sendThread:
            return sendThread.run(on: peer.eventLoop) { [self] in RequestTable.run(route, self, request, peer) }
        case .adminThread:
            return adminThread.run(on: peer.eventLoop) { [self] in RequestTable.run(route, self, request, peer) }
        case .popThread:
            return popThread.run(on: peer.eventLoop) { [self] in RequestTable.run(route, self, request, peer) }
        }
    }

    /// The live settings now (a copy: read once per decision).
    var liveSettings: BrokerLiveSettings { live.withLockedValue { $0 } }

    /// Finishes the work already handed to the send and admin threads, then stops them.
    func stopWorkers() async {
        await sendThread.shutdown()
        await adminThread.shutdown()
        await popThread.shutdown()
    }

    public func peerDidDisconnect(_ peer: any RemotingPeer) {
        for (group, remaining) in consumers.connectionClosed(peerId: peer.id) {
            logger.info("consumer connection \(peer.remoteAddress) of group \(group) closed")
            if remaining.isEmpty { filters.unregister(group: group) }
            notifyIdsChanged(group: group, channels: remaining)
        }
        producers.connectionClosed(peerId: peer.id)
    }

    /// Tells every member of a group that its membership changed, so they rebalance now.
    func notifyIdsChanged(group: String, channels: [ClientChannel]) {
        guard groups.group(group)?.notifyConsumerIdsChangedEnable ?? true else { return }
        for ch in channels where ch.peer.isActive {
            let notify = RemotingCommand.request(
                .notifyConsumerIdsChanged, header: ConsumerGroupHeader(consumerGroup: group), oneway: true)
            ch.peer.sendOneway(notify)
        }
    }

    /// Periodic housekeeping: expire silent clients, persist offsets.
    func housekeeping() {
        rollDailyCounters()
        let deadline = nowMillis() - config.channelExpiredTimeoutMillis
        for (group, remaining) in consumers.expire(olderThan: deadline) {
            if remaining.isEmpty { filters.unregister(group: group) }
            notifyIdsChanged(group: group, channels: remaining)
        }
        producers.expire(olderThan: deadline)
    }
}

/// Counters and per-minute rates for runtime info, topic stats and consume stats.
public final class BrokerStats: Sendable {
    private struct Counters {
        var putMessages: Int64 = 0
        var putBytes: Int64 = 0
        var putFailures: Int64 = 0
        var getMessages: Int64 = 0
        var getBytes: Int64 = 0
        var putByTopic: [String: Int64] = [:]
        /// Keyed by topic.
        var putRates = RateWindow()
        /// Keyed by `topic@group`: messages delivered to the group (Apache's GROUP_GET_NUMS).
        var getRates = RateWindow()
        var totalPutRate = RateWindow()
        var totalGetRate = RateWindow()
        /// Pull lookups that found messages and that found none (Apache's getFoundTps / getMissTps).
        var pullOutcomes = RateWindow()
        var putTimeMax: Int64 = 0
        var getTimeMax: Int64 = 0
        var putTimes = PutTimeDistribution()
        /// Apache's named statistics for VIEW_BROKER_STATS_DATA (statsAll).
        var named = NamedStats()
    }
    private let counters = NIOLockedValueBox(Counters())

    static func nowSeconds() -> Int64 { nowMillis() / 1000 }

    func recordPut(topic: String, messages: Int, bytes: Int) {
        let now = Self.nowSeconds()
        counters.withLockedValue {
            $0.putMessages += Int64(messages)
            $0.putBytes += Int64(bytes)
            $0.putByTopic[topic, default: 0] += Int64(messages)
            $0.putRates.add(topic, count: Int64(messages), now: now)
            $0.totalPutRate.add("", count: Int64(messages), now: now)
            $0.named.add(BrokerStatsName.topicPutNums, key: topic, value: Int64(messages), now: now)
            $0.named.add(BrokerStatsName.topicPutSize, key: topic, value: Int64(bytes), now: now)
        }
    }

    func recordPutFailure() { counters.withLockedValue { $0.putFailures += 1 } }

    func recordGet(topic: String, group: String, messages: Int, bytes: Int) {
        let now = Self.nowSeconds()
        counters.withLockedValue {
            $0.getMessages += Int64(messages)
            $0.getBytes += Int64(bytes)
            $0.getRates.add(topic + "@" + group, count: Int64(messages), now: now)
            $0.totalGetRate.add("", count: Int64(messages), now: now)
            let key = BrokerStatsName.groupKey(topic: topic, group: group)
            $0.named.add(BrokerStatsName.groupGetNums, key: key, value: Int64(messages), now: now)
            $0.named.add(BrokerStatsName.groupGetSize, key: key, value: Int64(bytes), now: now)
        }
    }

    /// Counts one pull lookup as found (it returned messages) or missed.
    func recordPullOutcome(found: Bool) {
        let now = Self.nowSeconds()
        counters.withLockedValue { $0.pullOutcomes.add(found ? "found" : "miss", count: 1, now: now) }
    }

    /// Records how long one store append (or batch) took.
    func recordPutTime(since start: ContinuousClock.Instant) {
        let d = ContinuousClock.now - start
        let micros = d.components.seconds * 1_000_000 + d.components.attoseconds / 1_000_000_000_000
        counters.withLockedValue {
            $0.putTimeMax = max($0.putTimeMax, micros / 1000)
            $0.putTimes.add(micros: micros)
        }
    }

    /// Records how long one store read for a pull took, in milliseconds.
    func recordGetTime(millis: Int64) {
        counters.withLockedValue { $0.getTimeMax = max($0.getTimeMax, millis) }
    }

    /// Pull lookups per second that found messages and that found none, over `window` seconds.
    public func pullTps(window: Int) -> (found: Double, miss: Double) {
        let now = Self.nowSeconds()
        return counters.withLockedValue {
            ($0.pullOutcomes.tps("found", now: now, window: window), $0.pullOutcomes.tps("miss", now: now, window: window))
        }
    }

    /// The longest store append and store read since start, in milliseconds.
    public var entireTimeMax: (put: Int64, get: Int64) { counters.withLockedValue { ($0.putTimeMax, $0.getTimeMax) } }

    /// Store appends since start by how long they took, in Apache's buckets.
    public var putTimeDistribution: PutTimeDistribution { counters.withLockedValue { $0.putTimes } }

    /// One named statistic (TOPIC_PUT_NUMS, GROUP_GET_NUMS …) of one key; nil when never recorded.
    public func statsData(name: String, key: String) -> BrokerStatsData? {
        let now = Self.nowSeconds()
        return counters.withLockedValue { $0.named.data(name, key: key, now: now) }
    }

    public var putMessages: Int64 { counters.withLockedValue { $0.putMessages } }
    public var getMessages: Int64 { counters.withLockedValue { $0.getMessages } }
    public var putFailures: Int64 { counters.withLockedValue { $0.putFailures } }
    public var putBytes: Int64 { counters.withLockedValue { $0.putBytes } }
    public func puts(topic: String) -> Int64 { counters.withLockedValue { $0.putByTopic[topic] ?? 0 } }

    /// Messages stored per second into `topic` over the last minute.
    public func putTps(topic: String) -> Double {
        let now = Self.nowSeconds()
        return counters.withLockedValue { $0.putRates.tps(topic, now: now) }
    }

    /// Messages delivered per second to `group` from `topic` over the last minute.
    public func getTps(topic: String, group: String) -> Double {
        let now = Self.nowSeconds()
        return counters.withLockedValue { $0.getRates.tps(topic + "@" + group, now: now) }
    }

    /// Broker-wide put and get TPS over 10 s, 60 s (Apache prints three windows; we keep one minute).
    public func totalTps(window: Int) -> (put: Double, get: Double) {
        let now = Self.nowSeconds()
        return counters.withLockedValue {
            ($0.totalPutRate.tps("", now: now, window: window), $0.totalGetRate.tps("", now: now, window: window))
        }
    }
}

/// Store appends since start counted by duration: in the buckets Apache's runtime info prints as
/// `putMessageDistributeTime` (`[<=0ms]:n [0~10ms]:n … [10s~]:n `), and at 10 µs resolution up to 100 ms for
/// the `putLatency99` / `putLatency999` percentiles.
public struct PutTimeDistribution: Sendable, Equatable {
    /// Upper bounds (inclusive) of each bucket in ms; the last bucket has none.
    static let bounds: [Int64] = [0, 10, 50, 100, 200, 500, 1000, 2000, 3000, 4000, 5000, 10_000]
    static let labels = [
        "<=0ms", "0~10ms", "10~50ms", "50~100ms", "100~200ms", "200~500ms", "500ms~1s", "1~2s", "2~3s", "3~4s",
        "4~5s", "5~10s", "10s~",
    ]
    static let fineStepMicros: Int64 = 10
    static let fineSlots = 10_000
    public private(set) var counts = [Int64](repeating: 0, count: labels.count)
    /// Slot i counts appends of [i, i+1) × 10 µs; the last slot everything from 100 ms on.
    private var fine = [Int64](repeating: 0, count: fineSlots + 1)
    private var total: Int64 = 0

    mutating func add(micros: Int64) {
        let millis = micros / 1000
        counts[Self.bounds.firstIndex { millis <= $0 } ?? Self.bounds.count] += 1
        fine[Int(min(micros / Self.fineStepMicros, Int64(Self.fineSlots)))] += 1
        total += 1
    }

    /// Apache's text form, trailing space included.
    public var text: String {
        zip(Self.labels, counts).map { "[\($0)]:\($1) " }.joined()
    }

    /// The append time in ms that `fraction` of appends did not exceed (upper edge of its 10 µs slot).
    public func percentileMillis(_ fraction: Double) -> Double {
        guard total > 0 else { return 0 }
        let rank = Int64((Double(total) * fraction).rounded(.up))
        var seen: Int64 = 0
        for (slot, count) in fine.enumerated() {
            seen += count
            if seen >= rank { return Double(Int64(slot + 1) * Self.fineStepMicros) / 1000 }
        }
        return Double(Int64(Self.fineSlots) * Self.fineStepMicros) / 1000
    }
}

/// Whole milliseconds since `start`, for the runtime-info timings.
func elapsedMillis(since start: ContinuousClock.Instant) -> Int64 {
    let d = ContinuousClock.now - start
    return d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
}

/// Decodes one stored record as read from the store (body kept compressed, as stored).
func decodeRecord(_ record: ByteBuffer) throws -> MessageExt {
    var copy = record
    return try MessageDecoder.decode(&copy, readBody: true)
}

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
    let sendThread = SendThread()

    init(
        config: BrokerConfig, store: MessageStore, topics: TopicConfigManager, groups: SubscriptionGroupManager,
        offsets: ConsumerOffsetManager, logger: Logger
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
        self.logger = logger
        self.consumers = ConsumerManager(logger: logger)
        self.holds = PullRequestHoldService(logger: logger)
        self.delayLevels = config.store.delayLevels
        self.storeHost = host
    }

    public func process(_ request: RemotingCommand, from peer: any RemotingPeer) -> ProcessResult {
        switch request.requestCode {
        case .sendMessage, .sendMessageV2, .sendBatchMessage:
            return sendThread.run(on: peer.eventLoop) { [self] in handleSend(request, peer: peer) }
        case .pullMessage, .litePullMessage:
            return handlePull(request, peer: peer, allowSuspend: true)
        default:
            break
        }
        do {
            let response = try handleOther(request, peer: peer)
            if request.requestCode == .updateConsumerOffset { return afterOffsetCommit(request, response, peer: peer) }
            return .response(response)
        } catch let error as ProtocolError {
            return .response(request.response(.systemError, remark: error.description))
        } catch let error as BrokerError {
            return .response(request.response(.systemError, remark: error.description))
        } catch {
            return .response(request.response(.systemError, remark: "\(error)"))
        }
    }

    func handleOther(_ request: RemotingCommand, peer: any RemotingPeer) throws -> RemotingCommand {
        switch request.requestCode {
        case .heartBeat: return try handleHeartbeat(request, peer: peer)
        case .unregisterClient: return try handleUnregister(request, peer: peer)
        case .getConsumerListByGroup: return try handleConsumerList(request)
        case .queryConsumerOffset: return try handleQueryConsumerOffset(request)
        case .updateConsumerOffset: return try handleUpdateConsumerOffset(request)
        case .consumerSendMsgBack: return try handleSendBack(request, peer: peer)
        case .getMaxOffset, .getMinOffset, .getEarliestMsgStoreTime, .searchOffsetByTimestamp:
            return try handleOffsetQuery(request)
        case .queryMessage: return try handleQueryMessage(request)
        case .viewMessageById: return try handleViewMessage(request)
        case .lockBatchMQ, .unlockBatchMQ: return try handleLock(request)
        case .endTransaction, .checkClientConfig: return request.response()
        default: return try handleAdmin(request, peer: peer)
        }
    }

    public func peerDidDisconnect(_ peer: any RemotingPeer) {
        for (group, remaining) in consumers.connectionClosed(peerId: peer.id) {
            logger.info("consumer connection \(peer.remoteAddress) of group \(group) closed")
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
        }
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

/// Decodes one stored record as read from the store (body kept compressed, as stored).
func decodeRecord(_ record: ByteBuffer) throws -> MessageExt {
    var copy = record
    return try MessageDecoder.decode(&copy, readBody: true)
}

import MQProtocol
import NIOCore

/// Half messages still waiting for their producer, read from each broker through the codes every RocketMQ broker
/// serves (so it works against Apache's brokers too): GET_BROKER_CONFIG for the transaction settings,
/// QUERY_CONSUMER_OFFSET for how far the check service got (group `CID_RMQ_SYS_TRANS`), and pulls of the half and
/// op queues as TOOLS_CONSUMER. Pending = half messages from the check service's offset on, minus those an op
/// record resolves (Apache's own rule).
public struct PendingTransactions: Sendable {
    /// One broker's transaction settings and check position.
    public struct Broker: Sendable {
        public var name: String
        public var address: String
        public var transactionTimeoutMillis: Int64
        public var checkIntervalMillis: Int64
        public var checkMax: Int
        /// The check service's position in the half queue (everything before it is done).
        public var checkedUpTo: Int64
    }

    /// One pending half message.
    public struct Entry: Sendable {
        public var broker: String
        public var transaction: PendingTransaction
        /// When the check service may next ask its producer: nil when its next round moves it to
        /// TRANS_CHECK_MAX_TIME_TOPIC instead (checked `checkMax` times).
        public var nextCheckTimestamp: Int64?
    }

    public var brokers: [Broker] = []
    public var entries: [Entry] = []
    /// Brokers that could not be read, with why (the shape every per-broker admin read reports).
    public var failures: [BacklogFailure] = []

    /// Apache's defaults, for a broker whose configuration does not say.
    static let defaultTimeout: Int64 = 6000
    static let defaultInterval: Int64 = 30_000
    static let defaultCheckMax = 15

    /// When each entry of one broker's half queue (in queue order) is next checked. The check service walks the
    /// queue in order and stops at the first half message not yet due for its first check, so one is not checked
    /// before every unchecked one ahead of it is due.
    static func nextChecks(_ pending: [PendingTransaction], broker: Broker) -> [Int64?] {
        var blockedUntil = Int64.min
        return pending.map { p in
            let firstDue = p.bornTimestamp + p.checkDelay(transactionTimeoutMillis: broker.transactionTimeoutMillis)
            defer { blockedUntil = max(blockedUntil, firstDue) }
            guard p.checkTimes < broker.checkMax else { return nil }
            let due = p.dueTimestamp(
                transactionTimeoutMillis: broker.transactionTimeoutMillis,
                checkIntervalMillis: broker.checkIntervalMillis)
            return max(due, blockedUntil)
        }
    }
}

extension MQClientInstance {
    /// Pending half messages of every master broker of the cluster (or all clusters), in each broker's queue order;
    /// `topic` and `producerGroup` filter them.
    public func pendingTransactions(cluster: String? = nil, topic: String? = nil, producerGroup: String? = nil)
        async throws -> PendingTransactions
    {
        let info = try await clusterInfo()
        let names = try cluster.map { Array(info.clusterAddrTable[try info.resolveCluster($0)] ?? []) }
            ?? Array(info.brokerAddrTable.keys)
        var report = PendingTransactions()
        for name in names.sorted() {
            guard let address = info.brokerAddrTable[name]?.masterAddress else { continue }
            do {
                let (broker, pending) = try await pendingTransactions(broker: name, address: address)
                report.brokers.append(broker)
                let due = PendingTransactions.nextChecks(pending, broker: broker)
                for (p, next) in zip(pending, due) {
                    if let topic, p.topic != topic { continue }
                    if let producerGroup, p.producerGroup != producerGroup { continue }
                    report.entries.append(.init(broker: name, transaction: p, nextCheckTimestamp: next))
                }
            } catch let error as ClientError {
                report.failures.append(
                    BacklogFailure(
                        broker: name, address: address, error: error.description, unreachable: error.isConnectivity))
            } catch {
                report.failures.append(
                    BacklogFailure(broker: name, address: address, error: "\(error)", unreachable: false))
            }
        }
        return report
    }

    private func pendingTransactions(broker name: String, address: String) async throws
        -> (PendingTransactions.Broker, [PendingTransaction])
    {
        let config = try await brokerConfig(broker: address)
        let half = MessageQueue(topic: SystemTopics.transactionHalf, brokerName: name, queueId: 0)
        let op = MessageQueue(topic: SystemTopics.transactionOp, brokerName: name, queueId: 0)
        let halfStart = try await checkPosition(half)
        let opStart = try await checkPosition(op)
        var resolved = Set<Int64>()
        for m in try await pullAll(op, from: opStart) where m.tags == TransactionOpRecord.removeTag {
            resolved.formUnion(TransactionOpRecord.offsets(in: String(buffer: m.body)))
        }
        let pending = try await pullAll(half, from: halfStart).compactMap { m -> PendingTransaction? in
            resolved.contains(m.queueOffset) ? nil : PendingTransaction(halfMessage: m)
        }
        let broker = PendingTransactions.Broker(
            name: name, address: address,
            transactionTimeoutMillis: config["transactionTimeOut"].flatMap { Int64($0) }
                ?? PendingTransactions.defaultTimeout,
            checkIntervalMillis: config["transactionCheckInterval"].flatMap { Int64($0) }
                ?? PendingTransactions.defaultInterval,
            checkMax: config["transactionCheckMax"].flatMap { Int($0) } ?? PendingTransactions.defaultCheckMax,
            checkedUpTo: halfStart)
        return (broker, pending)
    }

    /// The check service's committed offset on a queue, or the queue's first offset when it has none.
    private func checkPosition(_ queue: MessageQueue) async throws -> Int64 {
        let first = (try? await minOffset(queue)) ?? 0
        let committed = try? await queryConsumerOffset(group: SystemTopics.transactionCheckGroup, queue: queue)
        return max(first, committed ?? first)
    }

    /// Every message of a queue from `offset` on (none when the broker has no such topic yet).
    private func pullAll(_ queue: MessageQueue, from offset: Int64) async throws -> [MessageExt] {
        var all: [MessageExt] = []
        var next = offset
        while true {
            let pulled: PullResult
            do {
                pulled = try await pull(group: Self.toolsConsumerGroup, queue: queue, offset: next)
            } catch ClientError.brokerError(let code, _, _) where code == ResponseCode.topicNotExist.rawValue {
                return all
            }
            switch pulled.status {
            case .found:
                all += pulled.messages
            case .offsetIllegal where pulled.nextBeginOffset > next:
                break
            default:
                return all
            }
            guard pulled.nextBeginOffset > next else { return all }
            next = pulled.nextBeginOffset
        }
    }
}

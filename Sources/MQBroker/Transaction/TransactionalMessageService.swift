import Logging
import MQProtocol
import MQStore
import NIOCore

/// Transactional messages as Apache's broker keeps them (`TransactionalMessageBridge`,
/// `TransactionalMessageServiceImpl`): a prepared send waits as a half message in `RMQ_SYS_TRANS_HALF_TOPIC`
/// (queue 0, its real topic and queue in properties), invisible to the real topic's consumers and key queries;
/// END_TRANSACTION commits it into the real topic or rolls it back, and an op record in
/// `RMQ_SYS_TRANS_OP_HALF_TOPIC` makes the outcome durable; the check round asks producers about old ones.
///
/// Everything here that appends runs on the broker's send thread (see ``TransactionLedger``).
final class TransactionalMessageService: Sendable {
    let ledger: TransactionLedger
    private let config: BrokerConfig
    private let store: MessageStore
    private let topics: TopicConfigManager
    private let storeHost: HostAddress
    private let logger: Logger

    init(
        config: BrokerConfig, store: MessageStore, topics: TopicConfigManager, offsets: ConsumerOffsetManager,
        storeHost: HostAddress, logger: Logger
    ) {
        self.config = config
        self.store = store
        self.topics = topics
        self.storeHost = storeHost
        self.logger = logger
        ledger = TransactionLedger(store: store, offsets: offsets, logger: logger)
    }

    /// A prepared send rewritten as its half message (Apache's `parseHalfMessageInner`): real topic and queue
    /// saved in properties, the transaction id recorded, transaction type cleared, queue 0 of the half topic.
    func halfMessage(of message: MessageToStore) -> MessageToStore {
        var half = message
        if let id = message.properties.uniqueKey, !id.isEmpty {
            half.properties[MessageConst.transactionId] = id
        }
        half.properties[MessageConst.realTopic] = message.topic
        half.properties[MessageConst.realQueueId] = String(message.queueId)
        half.sysFlag = MessageSysFlag.resetTransactionValue(message.sysFlag, type: MessageSysFlag.transactionNotType)
        half.topic = SystemTopics.transactionHalf
        half.queueId = 0
        ensureTopic(SystemTopics.transactionHalf)
        return half
    }

    /// The committed message built from its half message (Apache's `EndTransactionProcessor#endMessageTransaction`):
    /// the real topic and queue, body, flag, born time and host, properties and UNIQ_KEY kept, the half-message
    /// properties (`REAL_TOPIC`, `REAL_QID`, `TRAN_MSG`) cleared, transaction type COMMIT.
    func committedProperties(of half: MessageExt) -> MessageProperties {
        var properties = half.properties
        for name in [MessageConst.realTopic, MessageConst.realQueueId, MessageConst.transactionPrepared] {
            _ = properties.removeValue(forName: name)
        }
        _ = properties.removeValue(forName: MessageConst.crc32)
        return properties
    }

    /// Writes the op record resolving `halfOffsets`. False when the store refused it.
    func writeOp(resolving halfOffsets: [Int64]) -> Bool {
        ensureTopic(SystemTopics.transactionOp)
        var body = ByteBuffer()
        body.writeString(TransactionOpRecord.body(resolving: halfOffsets))
        var properties = MessageProperties()
        properties[MessageConst.tags] = TransactionOpRecord.removeTag
        properties[MessageConst.uniqueKey] = UniqueKeyGenerator.shared.next()
        let op = MessageToStore(
            topic: SystemTopics.transactionOp, queueId: 0, body: body, properties: properties,
            bornTimestamp: nowMillis(), bornHost: storeHost)
        let result = store.put(op)
        guard case .ok = result.status else {
            logger.error("cannot write the op record for half offsets \(halfOffsets): \(result.status)")
            return false
        }
        ledger.resolve(halfOffsets)
        return true
    }

    /// Stores a checked half message again at the end of the half queue with its check count raised (Apache's
    /// `putBackHalfMsgQueue`); returns the new copy, nil when the store refused it.
    func storeAgain(_ half: MessageExt, checkTimes: Int) -> MessageExt? {
        var properties = half.properties
        _ = properties.removeValue(forName: MessageConst.crc32)
        properties[MessageConst.transactionCheckTimes] = String(checkTimes)
        let copy = MessageToStore(
            topic: SystemTopics.transactionHalf, queueId: 0, flag: half.flag, body: half.body, properties: properties,
            sysFlag: half.sysFlag, bornTimestamp: half.bornTimestamp, bornHost: half.bornHost)
        let result = store.put(copy)
        guard case .ok = result.status else {
            logger.error("cannot store half message \(half.msgId) again for its check: \(result.status)")
            return nil
        }
        var stored = half
        stored.properties = properties
        stored.queueOffset = result.queueOffset
        stored.commitLogOffset = result.physicalOffset
        stored.storeTimestamp = result.storeTimestamp
        return stored
    }

    /// Moves a half message checked too often to TRANS_CHECK_MAX_TIME_TOPIC (Apache's
    /// `DefaultTransactionalMessageCheckListener#resolveDiscardMsg`). False when the store refused it.
    func discard(_ half: MessageExt) -> Bool {
        ensureTopic(SystemTopics.transactionCheckMaxTime)
        var properties = half.properties
        _ = properties.removeValue(forName: MessageConst.crc32)
        let moved = MessageToStore(
            topic: SystemTopics.transactionCheckMaxTime, queueId: 0, flag: half.flag, body: half.body,
            properties: properties, sysFlag: half.sysFlag, bornTimestamp: half.bornTimestamp, bornHost: half.bornHost,
            reconsumeTimes: half.reconsumeTimes)
        let result = store.put(moved)
        guard case .ok = result.status else {
            logger.error("cannot move half message \(half.msgId) to \(SystemTopics.transactionCheckMaxTime): \(result.status)")
            return false
        }
        logger.warning(
            "half message \(half.msgId) of topic \(half.properties[MessageConst.realTopic] ?? "?") was checked \(config.transactionCheckMax) times without an answer; moved to \(SystemTopics.transactionCheckMaxTime)")
        return true
    }

    /// The stored half message at a commit-log offset, nil when there is none.
    func halfMessage(atCommitLogOffset offset: Int64) -> MessageExt? {
        guard let record = store.message(atCommitLogOffset: offset), let m = try? decodeRecord(record),
            m.topic == SystemTopics.transactionHalf
        else { return nil }
        return m
    }

    /// The system topics of transactions have one queue; the broker creates them on first use, as Apache 4.9 did.
    private func ensureTopic(_ name: String) {
        guard topics.topic(name) == nil else { return }
        _ = try? topics.createSystemGroupTopic(name, queueNums: 1, durable: true)
    }
}

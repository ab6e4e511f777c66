import Logging
import MQProtocol
import MQStore
import NIOConcurrencyHelpers
import NIOCore

/// Apache's `TransactionalMessageCheckService` and the check loop of `TransactionalMessageServiceImpl#check`:
/// every `transactionCheckInterval` the half queue is walked from the check group's offset, in order. A resolved
/// half message is stepped over; one checked `transactionCheckMax` times (or older than the store keeps files) is
/// moved to TRANS_CHECK_MAX_TIME_TOPIC; the walk stops at the first one younger than the transaction timeout (or
/// stored during this round); any other is stored again with its check count raised and its producer group is
/// asked, oneway, with CHECK_TRANSACTION_STATE on one live connection. The producer answers with END_TRANSACTION.
///
/// The round's timing and the requests to producers run on the service's own thread; its store reads and
/// appends run on the send thread in chunks, so they never race a producer's END_TRANSACTION, and sends
/// interleave with long rounds.
final class TransactionCheckService: Sendable {
    private let transactions: TransactionalMessageService
    private let config: BrokerConfig
    private let sendThread: WorkerThread
    private let producers: ProducerManager
    private let logger: Logger
    private let nextChannel = NIOLockedValueBox(0)
    /// Half messages handled per trip to the send thread.
    static let chunk = 128

    init(core: BrokerCore) {
        transactions = core.transactions
        config = core.config
        sendThread = core.sendThread
        producers = core.producers
        logger = core.logger
    }

    /// A check to send once the half message is stored again.
    struct Check: Sendable {
        var producerGroup: String
        var half: MessageExt
    }

    struct Step: Sendable {
        var checks: [Check] = []
        var more = false
    }

    /// One round; runs on the check thread.
    func round() {
        let roundStart = nowMillis()
        while true {
            guard let step = sendThread.runAndWait({ [self] in self.step(roundStart: roundStart) }) else { return }
            for check in step.checks { send(check) }
            if !step.more { return }
        }
    }

    /// Up to ``chunk`` half messages of the round, on the send thread.
    func step(roundStart: Int64) -> Step {
        let ledger = transactions.ledger
        ledger.refresh()
        var step = Step()
        var offset = ledger.halfOffset
        let end = ledger.halfReadUpTo
        var handled = 0
        while offset < end {
            guard case .pending(let pending) = ledger.slot(at: offset) else {
                offset += 1
                continue
            }
            if handled == Self.chunk {
                step.more = true
                break
            }
            handled += 1
            let decision = decide(pending, roundStart: roundStart, now: nowMillis())
            if decision == .wait { break }
            guard let half = transactions.halfMessage(atCommitLogOffset: pending.commitLogOffset) else {
                logger.error("half message at offset \(offset) cannot be read; skipped")
                ledger.pass(offset)
                offset += 1
                continue
            }
            if decision == .discard {
                guard transactions.discard(half) else { break }
            } else {
                guard let copy = transactions.storeAgain(half, checkTimes: pending.checkTimes + 1) else { break }
                step.checks.append(Check(producerGroup: pending.producerGroup, half: copy))
            }
            ledger.pass(offset)
            offset += 1
        }
        ledger.advance(to: offset)
        return step
    }

    enum Decision: Equatable { case wait, discard, check }

    /// Apache's order: discard first (`needDiscard`, `needSkip`), then stop at what this round stored or what is
    /// not old enough yet (a born time in the future is checked at once, as Apache does).
    func decide(_ p: PendingTransaction, roundStart: Int64, now: Int64) -> Decision {
        let retentionMillis = Int64(config.store.retentionHours * 3_600_000)
        if p.checkTimes > 0 && p.checkTimes >= config.transactionCheckMax { return .discard }
        if retentionMillis > 0 && now - p.bornTimestamp > retentionMillis { return .discard }
        if p.storeTimestamp >= roundStart { return .wait }
        let age = now - p.bornTimestamp
        if age >= 0 && age < p.checkDelay(transactionTimeoutMillis: config.transactionTimeOutMillis) { return .wait }
        return .check
    }

    /// CHECK_TRANSACTION_STATE to one live producer of the group (Apache's `ProducerManager#getAvailableChannel`:
    /// round-robin over the group's connections, preferring an active one). None live: the next round asks again.
    func send(_ check: Check) {
        let channels = producers.group(check.producerGroup).filter { $0.peer.isActive }
        guard !channels.isEmpty else {
            logger.warning("no live producer of group \(check.producerGroup) to check transaction \(check.half.msgId)")
            return
        }
        let n = nextChannel.withLockedValue { n -> Int in
            n &+= 1
            return n
        }
        let channel = channels.sorted { $0.peer.id < $1.peer.id }[abs(n) % channels.count]
        let half = check.half
        let header = CheckTransactionStateRequestHeader(
            topic: SystemTopics.transactionHalf, tranStateTableOffset: half.queueOffset,
            commitLogOffset: half.commitLogOffset, msgId: half.properties.uniqueKey,
            transactionId: half.properties.uniqueKey, offsetMsgId: half.offsetMsgId, brokerName: config.brokerName)
        do {
            channel.peer.sendOneway(.request(.checkTransactionState, header: header, body: try Self.checkBody(half)))
        } catch {
            logger.error("cannot encode half message \(half.msgId) for its check: \(error)")
        }
    }

    /// The half message as the producer's check callback sees it: a record with its real topic and queue, and the
    /// offsets of the copy it is to answer for (Apache's `MessageDecoder.encode(msgExt, false)`).
    static func checkBody(_ half: MessageExt) throws -> ByteBuffer {
        var properties = half.properties
        _ = properties.removeValue(forName: MessageConst.crc32)
        let record = MessageRecord(
            topic: half.properties[MessageConst.realTopic] ?? half.topic,
            queueId: half.properties[MessageConst.realQueueId].flatMap { Int32($0) } ?? half.queueId, flag: half.flag,
            queueOffset: half.queueOffset, physicalOffset: half.commitLogOffset, sysFlag: half.sysFlag,
            bornTimestamp: half.bornTimestamp, bornHost: half.bornHost, storeTimestamp: half.storeTimestamp,
            storeHost: half.storeHost, reconsumeTimes: half.reconsumeTimes, body: half.body, properties: properties)
        var body = ByteBuffer()
        try record.encode(into: &body, appendCRCSlot: false)
        return body
    }
}

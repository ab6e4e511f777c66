import MQProtocol
import MQRemoting
import MQStore
import NIOCore

extension BrokerCore {
    /// END_TRANSACTION (37), on the send thread: a producer's commit or rollback of one half message, or its
    /// answer to a check (Apache's `EndTransactionProcessor`). Commit stores the message in its real topic, then
    /// an op record resolves the half message; rollback writes the op record only. "Unknown" (and any other
    /// value) leaves it to the check service and is not answered, as Apache does.
    func handleEndTransaction(_ request: RemotingCommand, peer: any RemotingPeer) throws -> ProcessResult {
        let header = try request.decodeHeader(EndTransactionRequestHeader.self)
        let commit = header.commitOrRollback == MessageSysFlag.transactionCommitType
        guard commit || header.commitOrRollback == MessageSysFlag.transactionRollbackType else {
            logger.debug(
                "producer \(peer.remoteAddress) left transaction \(header.msgId) unknown (from check: \(header.fromTransactionCheck))")
            return .noResponse
        }
        func fail(_ code: ResponseCode, _ remark: String) -> ProcessResult {
            .response(request.response(code, remark: remark))
        }
        transactions.ledger.refresh()
        guard let half = transactions.halfMessage(atCommitLogOffset: header.commitLogOffset),
            let pendingHalf = PendingTransaction(halfMessage: half)
        else { return fail(.systemError, "Find prepared transaction message failed") }
        if !header.fromTransactionCheck, let seconds = pendingHalf.checkImmunitySeconds, seconds > 0,
            nowMillis() - half.bornTimestamp > pendingHalf.checkDelay(transactionTimeoutMillis: config.transactionTimeOutMillis)
        {
            // Apache's rule: past a producer-chosen first-check time, only the answer to a check counts.
            return fail(.illegalOperation, "the transaction outlived its check immunity time; wait for its check")
        }
        guard half.properties[MessageConst.producerGroup] == header.producerGroup else {
            return fail(.systemError, "The producer group wrong")
        }
        guard half.queueOffset == header.tranStateTableOffset else {
            return fail(.systemError, "The transaction state table offset wrong")
        }
        // Every pending copy of this transaction is resolved at once. None pending: it was resolved already (a
        // check's answer crossing the producer's own) or discarded after its last check; applying it again would
        // deliver the message twice.
        let pending = transactions.ledger.pending(transactionId: pendingHalf.transactionId)
        guard !pending.isEmpty else {
            return fail(
                .systemError,
                "transaction \(pendingHalf.transactionId) is no longer pending: it was committed or rolled back already, or moved to \(SystemTopics.transactionCheckMaxTime)")
        }
        if commit, let refusal = commitHalf(half, pending: pendingHalf, request: request) { return .response(refusal) }
        _ = transactions.writeOp(resolving: pending.map(\.halfOffset))
        return .response(request.response(.success))
    }

    /// Stores the committed message in its real topic; the refusal to answer when the store would not.
    private func commitHalf(_ half: MessageExt, pending: PendingTransaction, request: RemotingCommand)
        -> RemotingCommand?
    {
        var message = prepareMessage(
            topic: pending.topic, queueId: pending.queueId, flag: half.flag, body: half.body,
            properties: transactions.committedProperties(of: half),
            sysFlag: MessageSysFlag.resetTransactionValue(half.sysFlag, type: MessageSysFlag.transactionCommitType),
            bornTimestamp: half.bornTimestamp, bornHost: half.bornHost, reconsumeTimes: half.reconsumeTimes,
            topicConfig: topics.topic(pending.topic))
        message.preparedTransactionOffset = half.commitLogOffset
        let started = ContinuousClock.now
        let result = store.put(message)
        stats.recordPutTime(since: started)
        switch result.status {
        case .ok:
            stats.recordPut(topic: message.topic, messages: 1, bytes: message.body.readableBytes)
            return nil
        case .messageIllegal(let why):
            stats.recordPutFailure()
            return request.response(.messageIllegal, remark: why)
        case .serviceUnavailable(let why):
            stats.recordPutFailure()
            return request.response(.serviceNotAvailable, remark: why)
        }
    }
}

extension BrokerCore {
    /// The transaction settings under Apache's property names (GET_BROKER_CONFIG).
    func transactionProperties() -> [String: String] {
        [
            "transactionTimeOut": String(config.transactionTimeOutMillis),
            "transactionCheckInterval": String(config.transactionCheckIntervalMillis),
            "transactionCheckMax": String(config.transactionCheckMax),
        ]
    }
}

extension BrokerCore {
    /// The half messages the check service knows to be pending, in half-queue order (as of its last look).
    public var pendingTransactions: [PendingTransaction] { transactions.ledger.allPending }
}

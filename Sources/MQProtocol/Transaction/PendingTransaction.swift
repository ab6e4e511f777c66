/// One half message still waiting for its producer's commit or rollback, as the check service and
/// `mqadmin transaction list` see it. Built from the stored half message alone, so a broker rebuilds it after a
/// restart and an admin tool reads it from any broker (Apache's included).
public struct PendingTransaction: Sendable, Equatable {
    /// Its offset in the half queue (`RMQ_SYS_TRANS_HALF_TOPIC`, queue 0): what END_TRANSACTION names.
    public var halfOffset: Int64
    public var commitLogOffset: Int64
    /// The transaction id: the message's UNIQ_KEY (a re-stored copy keeps it).
    public var transactionId: String
    public var topic: String
    public var queueId: Int32
    public var producerGroup: String
    public var keys: [String]
    public var tags: String?
    public var bornTimestamp: Int64
    public var storeTimestamp: Int64
    /// Checks sent so far (`TRANSACTION_CHECK_TIMES`; a checked half message is stored again with it raised).
    public var checkTimes: Int
    /// The producer's first-check delay (`CHECK_IMMUNITY_TIME_IN_SECONDS`), if it set one.
    public var checkImmunitySeconds: Int64?

    /// Reads a stored half message; nil when it lacks its real topic (not a half message).
    public init?(halfMessage m: MessageExt) {
        guard let topic = m.properties[MessageConst.realTopic], !topic.isEmpty else { return nil }
        halfOffset = m.queueOffset
        commitLogOffset = m.commitLogOffset
        transactionId = m.properties.uniqueKey ?? m.offsetMsgId
        self.topic = topic
        queueId = m.properties[MessageConst.realQueueId].flatMap { Int32($0) } ?? 0
        producerGroup = m.properties[MessageConst.producerGroup] ?? ""
        keys = m.properties.keys
        tags = m.properties.tags
        bornTimestamp = m.bornTimestamp
        storeTimestamp = m.storeTimestamp
        checkTimes = m.properties[MessageConst.transactionCheckTimes].flatMap { Int($0) } ?? 0
        checkImmunitySeconds = m.properties[MessageConst.checkImmunityTimeInSeconds].flatMap { Int64($0) }
    }

    /// How long after its birth a half message becomes due for its first check: the transaction timeout, or the
    /// producer's longer immunity time (Apache's `TransactionalMessageUtil.getImmunityTime`).
    public func checkDelay(transactionTimeoutMillis: Int64) -> Int64 {
        guard let seconds = checkImmunitySeconds, seconds > 0 else { return transactionTimeoutMillis }
        return max(seconds * 1000, transactionTimeoutMillis)
    }

    /// The earliest time the check service may check it: once it is older than its check delay, and — for a copy
    /// the service stored again after a check — not in the round that stored it (the next round comes a check
    /// interval later).
    public func dueTimestamp(transactionTimeoutMillis: Int64, checkIntervalMillis: Int64) -> Int64 {
        let firstDue = bornTimestamp + checkDelay(transactionTimeoutMillis: transactionTimeoutMillis)
        return checkTimes == 0 ? firstDue : max(firstDue, storeTimestamp + checkIntervalMillis)
    }
}

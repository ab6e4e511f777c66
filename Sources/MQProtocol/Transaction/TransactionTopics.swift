/// The system topics and group of transactional messages (Apache's `TopicValidator`, `MixAll`,
/// `TransactionalMessageUtil`).
extension SystemTopics {
    /// Half (prepared) messages wait here, queue 0, with their real topic and queue in properties.
    public static let transactionHalf = "RMQ_SYS_TRANS_HALF_TOPIC"
    /// Op records: which half messages are resolved (committed or rolled back).
    public static let transactionOp = "RMQ_SYS_TRANS_OP_HALF_TOPIC"
    /// Half messages checked the maximum number of times without an answer end up here.
    public static let transactionCheckMaxTime = "TRANS_CHECK_MAX_TIME_TOPIC"
    /// The system group whose consume offsets on the half and op queues say how far the check service got.
    public static let transactionCheckGroup = "CID_RMQ_SYS_TRANS"
}

/// An op record's body and tag (Apache's `TransactionalMessageUtil`): the half-queue offsets it resolves,
/// each followed by a comma, UTF-8, tagged `d`.
public enum TransactionOpRecord {
    /// The tag of a "this half message is resolved" record.
    public static let removeTag = "d"

    /// The body resolving `offsets`.
    public static func body(resolving offsets: [Int64]) -> String {
        offsets.map { "\($0)," }.joined()
    }

    /// The half-queue offsets a body resolves; tokens that are not numbers are skipped, as Apache logs
    /// and skips them.
    public static func offsets(in body: String) -> [Int64] {
        body.split(separator: ",").compactMap { Int64(String($0).trimmingASCIISpaces()) }
    }
}

/// Whether a send is a transaction's prepared ("half") message: property `TRAN_MSG` read as Java's
/// `Boolean.parseBoolean`, except a retried message that carries a delay level (clients before 4.6.1 kept the
/// property on retries), as Apache's `SendMessageProcessor` decides.
public func isTransactionPrepared(_ properties: MessageProperties, reconsumeTimes: Int32) -> Bool {
    guard properties[MessageConst.transactionPrepared]?.lowercased() == "true" else { return false }
    let delayed = (properties[MessageConst.delayTimeLevel].flatMap { Int($0) } ?? 0) > 0
    return !(reconsumeTimes > 0 && delayed)
}

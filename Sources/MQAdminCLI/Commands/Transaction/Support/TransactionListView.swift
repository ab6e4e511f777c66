import MQClient
import MQProtocol

/// The result of `transaction list`: each broker's transaction settings, then its pending half messages in
/// half-queue order.
struct TransactionListView: Encodable, Sendable {
    struct Broker: Encodable, Sendable {
        var broker: String
        var address: String
        var transactionTimeoutMs: Int64
        var checkIntervalMs: Int64
        var checkMax: Int
        /// The check service's position in the half queue.
        var checkedUpTo: Int64
    }

    struct Transaction: Encodable, Sendable {
        var broker: String
        var topic: String
        var queueId: Int32
        var keys: [String]
        @NullEncoded var tags: String?
        var producerGroup: String
        var transactionId: String
        var halfOffset: Int64
        var commitLogOffset: Int64
        var bornTimestamp: Int64
        var bornTime: String
        var ageMs: Int64
        var checkCount: Int
        /// When the broker may next ask the producer group; null when its next round gives up on it instead.
        @NullEncoded var nextCheckTimestamp: Int64?
        @NullEncoded var nextCheckTime: String?
        /// Why nextCheckTimestamp is null.
        @NullEncoded var nextCheckReason: String?
    }

    struct Failure: Encodable, Sendable {
        var broker: String
        var address: String
        var error: String
    }

    var brokers: [Broker]
    var transactions: [Transaction]
    var failures: [Failure]
    /// When the ages were computed.
    var now: Int64

    init(_ report: PendingTransactions, now: Int64) {
        self.now = now
        brokers = report.brokers.map {
            Broker(
                broker: $0.name, address: $0.address, transactionTimeoutMs: $0.transactionTimeoutMillis,
                checkIntervalMs: $0.checkIntervalMillis, checkMax: $0.checkMax, checkedUpTo: $0.checkedUpTo)
        }
        transactions = report.entries.map { e in
            let t = e.transaction
            return Transaction(
                broker: e.broker, topic: t.topic, queueId: t.queueId, keys: t.keys, tags: t.tags,
                producerGroup: t.producerGroup, transactionId: t.transactionId, halfOffset: t.halfOffset,
                commitLogOffset: t.commitLogOffset, bornTimestamp: t.bornTimestamp,
                bornTime: TimeFormat.iso(t.bornTimestamp), ageMs: max(0, now - t.bornTimestamp),
                checkCount: t.checkTimes,
                nextCheckTimestamp: e.nextCheckTimestamp, nextCheckTime: e.nextCheckTimestamp.map(TimeFormat.iso),
                nextCheckReason: e.nextCheckTimestamp == nil ? Self.givingUp : nil)
        }
        failures = report.failures.map { Failure(broker: $0.broker, address: $0.address, error: $0.error) }
    }

    static let givingUp = "checked the maximum number of times: the next round moves it to TRANS_CHECK_MAX_TIME_TOPIC"

    func table() -> String {
        var t = TextTable([
            .init("BROKER"), .init("TOPIC"), .init("KEYS"), .init("PRODUCER GROUP"), .init("AGE", .right),
            .init("CHECKS", .right), .init("NEXT CHECK"), .init("TRANSACTION ID"),
        ])
        for x in transactions {
            let next: String
            if let due = x.nextCheckTimestamp {
                next = due <= now ? "due" : "in " + TimeFormat.duration(millis: due - now)
            } else {
                next = "give up"
            }
            t.add(
                x.broker, x.topic, x.keys.isEmpty ? "-" : x.keys.joined(separator: " "), x.producerGroup,
                TimeFormat.duration(millis: x.ageMs), String(x.checkCount), next, x.transactionId)
        }
        return t.render()
    }
}

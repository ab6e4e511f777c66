import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// `mqadmin transaction list [-t TOPIC] [-g PRODUCER_GROUP]`: half messages still waiting for their producer.
struct TransactionListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List pending transactional (half) messages: topic, keys, producer group, age, checks, next check.",
        discussion: """
            Reads each master broker's half queue (RMQ_SYS_TRANS_HALF_TOPIC) from where its check service got, \
            minus the half messages an op record resolves, with the codes every RocketMQ broker serves, so it \
            works against Apache's brokers too. CHECKS is how often the broker asked the producer group \
            (TRANSACTION_CHECK_TIMES); NEXT CHECK is when it may ask again, from the broker's transactionTimeOut \
            and transactionCheckInterval ("give up" when the next round moves it to TRANS_CHECK_MAX_TIME_TOPIC). \
            Exits 1 (4 when unreachable) after printing what it could when a broker cannot be read.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Option(name: [.customShort("t"), .long], help: "Only half messages of this topic.",
        completion: .custom(LiveNames.topics))
    var topic: String?
    @Option(name: [.customShort("g"), .customLong("group")], help: "Only half messages of this producer group.")
    var producerGroup: String?
    @Option(name: [.customShort("c"), .customLong("cluster")], help: "Only the masters of this cluster.")
    var cluster: String?

    func validate() throws {
        if let topic, let why = SystemTopics.validate(topic: topic) { throw ValidationError(why) }
        if let producerGroup, let why = SystemTopics.validate(group: producerGroup) { throw ValidationError(why) }
    }

    func run() async throws {
        let report = try await Session.withClient(connection) {
            try await $0.pendingTransactions(cluster: cluster, topic: topic, producerGroup: producerGroup)
        }
        let view = TransactionListView(report, now: Int64(Date().timeIntervalSince1970 * 1000))
        Emit.output(view, format: output.output) { view.table() }
        try LookupFailures.finish(report.failures, what: "transaction list")
    }
}

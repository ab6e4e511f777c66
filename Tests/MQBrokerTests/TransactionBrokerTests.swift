import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import NIOConcurrencyHelpers
import NIOCore
import Testing

/// Transactional messages against the in-process broker, through the Swift `TransactionProducer`: half messages
/// stay invisible to the real topic, END_TRANSACTION commits (once) or rolls back, and the check service asks the
/// producer about old ones and gives up after the maximum.
@Suite(.serialized) struct TransactionBrokerTests {
    /// Quick checks: a half message is due 300 ms after birth, rounds run every 100 ms, three checks at most.
    static func quickChecks(_ config: inout BrokerConfig) {
        config.transactionTimeOutMillis = 300
        config.transactionCheckIntervalMillis = 100
        config.transactionCheckMax = 3
    }

    static func withTopic<T>(
        _ topic: String, configure: @escaping @Sendable (inout BrokerConfig) -> Void = quickChecks,
        _ body: (InProcessCluster, MQClientInstance) async throws -> T
    ) async throws -> T {
        try await withCluster(configure: configure) { cluster in
            let client = cluster.client()
            let broker = try #require(cluster.brokers[0].brokerAddress)
            try await client.createTopic(
                TopicConfig(topicName: topic, readQueueNums: 2, writeQueueNums: 2), broker: broker)
            // Until the name server routes the topic, a producer would use the default route (4 queues).
            try await waitUntil("topic \(topic) routed with 2 write queues") {
                (try? await client.route(topic: topic, refresh: true).queueDatas.first?.writeQueueNums) == 2
            }
            return try await body(cluster, client)
        }
    }

    /// Every message of the topic's queues, pulled from the start.
    static func delivered(_ client: MQClientInstance, topic: String, queues: Int32 = 2) async throws -> [MessageExt] {
        try await client.pullEverything(topic: topic, queues: queues, group: "txn-reader")
    }

    static func producer(_ client: MQClientInstance, group: String, answer: LocalTransactionState = .commit)
        -> TransactionProducer
    {
        TransactionProducer(group: group, client: client) { _ in answer }
    }

    @Test func committedMessageIsDeliveredOnceAndFoundByKey() async throws {
        try await Self.withTopic("TxnCommit") { _, client in
            let producer = Self.producer(client, group: "pg-commit")
            await producer.start()
            let message = Message(topic: "TxnCommit", body: "order 1", tags: "t", keys: ["order-1"])
            let sent = try await producer.send(message) { _, _ in
                // While the local transaction runs, the message is a half message: invisible.
                let seen = try await Self.delivered(client, topic: "TxnCommit")
                let found = try await client.queryMessages(topic: "TxnCommit", key: "order-1")
                return seen.isEmpty && found.isEmpty ? .commit : .rollback
            }
            #expect(sent.state == .commit)
            try await waitUntil("the committed message to be delivered") {
                try await !Self.delivered(client, topic: "TxnCommit").isEmpty
            }
            let delivered = try await Self.delivered(client, topic: "TxnCommit")
            #expect(delivered.count == 1)
            let m = try #require(delivered.first)
            #expect(m.msgId == sent.send.msgId)
            #expect(m.keys == ["order-1"])
            #expect(String(buffer: m.body) == "order 1")
            #expect(m.properties[MessageConst.transactionPrepared] == nil)
            #expect(m.properties[MessageConst.realTopic] == nil)
            #expect(m.properties[MessageConst.producerGroup] == "pg-commit")
            #expect(MessageSysFlag.transactionValue(m.sysFlag) == MessageSysFlag.transactionCommitType)
            let found = try await client.queryMessages(topic: "TxnCommit", key: "order-1")
            #expect(found.map(\.msgId) == [sent.send.msgId])
            await producer.shutdown()
        }
    }

    @Test func rolledBackMessageIsNeverDeliveredNorFound() async throws {
        try await Self.withTopic("TxnRollback") { cluster, client in
            let producer = Self.producer(client, group: "pg-rollback", answer: .commit)
            await producer.start()
            let message = Message(topic: "TxnRollback", body: "order 2", keys: ["order-2"])
            let sent = try await producer.send(message) { _, _ in .rollback }
            #expect(sent.state == .rollback)
            let core = try #require(cluster.brokers[0].controller?.core)
            // The check service has walked past the resolved half message (it would have checked it, and the
            // checker would have committed, had the rollback not been recorded).
            try await waitUntil("the check service to pass the rolled-back half message") {
                core.offsets.offset(
                    group: SystemTopics.transactionCheckGroup, topic: SystemTopics.transactionHalf, queueId: 0) == 1
            }
            #expect(try await Self.delivered(client, topic: "TxnRollback").isEmpty)
            #expect(try await client.queryMessages(topic: "TxnRollback", key: "order-2").isEmpty)
            await producer.shutdown()
        }
    }

    @Test func unknownThenCheckAnsweredCommitIsDelivered() async throws {
        try await Self.withTopic("TxnCheck") { _, client in
            let checks = NIOLockedValueBox(0)
            let producer = TransactionProducer(group: "pg-check", client: client) { _ in
                checks.withLockedValue { $0 += 1 }
                return .commit
            }
            await producer.start()
            let sent = try await producer.send(Message(topic: "TxnCheck", body: "later", keys: ["k-check"])) { _, _ in
                .unknown
            }
            #expect(sent.state == .unknown)
            try await waitUntil("the check-back to commit the message", timeout: .seconds(15)) {
                try await !Self.delivered(client, topic: "TxnCheck").isEmpty
            }
            let delivered = try await Self.delivered(client, topic: "TxnCheck")
            #expect(delivered.map(\.msgId) == [sent.send.msgId])
            #expect(delivered.first?.properties[MessageConst.transactionCheckTimes] == "1")
            #expect(checks.withLockedValue { $0 } >= 1)
            await producer.shutdown()
        }
    }

    @Test func alwaysUnknownEndsInCheckMaxTimeTopic() async throws {
        try await Self.withTopic("TxnGiveUp") { cluster, client in
            let checks = NIOLockedValueBox(0)
            let producer = TransactionProducer(group: "pg-giveup", client: client) { _ in
                checks.withLockedValue { $0 += 1 }
                return .unknown
            }
            await producer.start()
            let sent = try await producer.send(Message(topic: "TxnGiveUp", body: "never", keys: ["k-never"])) { _, _ in
                .unknown
            }
            let core = try #require(cluster.brokers[0].controller?.core)
            let maxTime = MessageQueue(topic: SystemTopics.transactionCheckMaxTime, brokerName: "broker-a", queueId: 0)
            try await waitUntil("the half message to be moved after 3 checks", timeout: .seconds(20)) {
                core.store.maxOffset(topic: SystemTopics.transactionCheckMaxTime, queueId: 0) > 0
            }
            let moved = try await client.pull(group: "txn-reader", queue: maxTime, offset: 0).messages
            #expect(moved.map(\.properties.uniqueKey) == [sent.send.msgId])
            #expect(moved.first?.properties[MessageConst.transactionCheckTimes] == "3")
            #expect(moved.first?.properties[MessageConst.realTopic] == "TxnGiveUp")
            try await waitUntil("the producer to have answered 3 checks") { checks.withLockedValue { $0 } == 3 }
            #expect(core.pendingTransactions.isEmpty)
            #expect(try await Self.delivered(client, topic: "TxnGiveUp").isEmpty)
            await producer.shutdown()
        }
    }

    @Test func endTransactionAnswersAndRefusesASecondResolution() async throws {
        try await Self.withTopic("TxnTwice", configure: { $0.transactionTimeOutMillis = 60_000 }) { cluster, client in
            let producer = Self.producer(client, group: "pg-twice")
            let sent = try await producer.producer.send(
                {
                    var m = Message(topic: "TxnTwice", body: "twice", keys: ["k-twice"])
                    m.properties[MessageConst.transactionPrepared] = "true"
                    m.properties[MessageConst.producerGroup] = "pg-twice"
                    return m
                }())
            let broker = try #require(cluster.brokers[0].brokerAddress)
            func end(_ type: Int32, group: String = "pg-twice", queueOffset: Int64? = nil) async throws -> RemotingCommand {
                let header = EndTransactionRequestHeader(
                    producerGroup: group, tranStateTableOffset: queueOffset ?? sent.queueOffset,
                    commitLogOffset: try MessageId.decode(sent.offsetMsgId).offset, commitOrRollback: type,
                    msgId: sent.msgId)
                return try await client.invoke(broker, .request(.endTransaction, header: header))
            }
            #expect(try await end(MessageSysFlag.transactionCommitType, group: "other").remark == "The producer group wrong")
            #expect(
                try await end(MessageSysFlag.transactionCommitType, queueOffset: 99).remark
                    == "The transaction state table offset wrong")
            #expect(try await end(MessageSysFlag.transactionCommitType).code == ResponseCode.success.rawValue)
            let again = try await end(MessageSysFlag.transactionCommitType)
            #expect(again.code == ResponseCode.systemError.rawValue)
            #expect(again.remark?.contains("no longer pending") == true)
            #expect(try await Self.delivered(client, topic: "TxnTwice").count == 1)
        }
    }
}

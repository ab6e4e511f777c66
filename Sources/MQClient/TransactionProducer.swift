import Logging
import MQProtocol
import NIOConcurrencyHelpers
import NIOCore

/// What a producer's local transaction came to (Apache's `LocalTransactionState`; `UNKNOW` is Java's spelling,
/// which trace records carry).
public enum LocalTransactionState: String, Sendable, Codable, CaseIterable {
    case commit = "COMMIT_MESSAGE"
    case rollback = "ROLLBACK_MESSAGE"
    case unknown = "UNKNOW"

    /// The END_TRANSACTION `commitOrRollback` value.
    var endTransactionType: Int32 {
        switch self {
        case .commit: MessageSysFlag.transactionCommitType
        case .rollback: MessageSysFlag.transactionRollbackType
        case .unknown: MessageSysFlag.transactionNotType
        }
    }
}

/// What ``TransactionProducer/send(_:timeout:execute:)`` returns.
public struct TransactionSendResult: Sendable {
    /// The prepared (half) message's send.
    public var send: SendResult
    /// What the local transaction said, and so what END_TRANSACTION told the broker.
    public var state: LocalTransactionState
}

/// Apache's `TransactionMQProducer`: sends a message prepared (`TRAN_MSG`), runs the local transaction, and tells
/// the broker to commit or roll back (END_TRANSACTION, oneway). The broker keeps the message invisible until
/// then, and asks (CHECK_TRANSACTION_STATE) any live producer of the group when no answer came: `checker` answers
/// those. Heartbeats every 30 s keep this producer known to the brokers so checks can reach it.
public final class TransactionProducer: Sendable {
    public let producer: Producer
    public var group: String { producer.group }
    public var client: MQClientInstance { producer.client }
    private let checker: @Sendable (MessageExt) async -> LocalTransactionState
    private let tracer: TraceDispatcher?
    private let heartbeats = NIOLockedValueBox<Task<Void, Never>?>(nil)
    static let heartbeatInterval: Duration = .seconds(30)

    /// - Parameters:
    ///   - tracer: writes Pub and EndTransaction trace records (Apache's `EndTransactionTraceHookImpl`).
    ///   - checker: answers the broker's checks for this group's transactions.
    public init(
        group: String, client: MQClientInstance, tracer: TraceDispatcher? = nil,
        checker: @escaping @Sendable (MessageExt) async -> LocalTransactionState
    ) {
        producer = Producer(group: group, client: client)
        self.checker = checker
        self.tracer = tracer
    }

    /// Registers for checks and starts heartbeating to every master broker.
    public func start() async {
        client.transactionCheckers.withLockedValue { [self] in
            $0[group] = { header, message, broker in self.answerCheck(header, message, broker: broker) }
        }
        await heartbeat()
        let task = Task { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.heartbeatInterval)
                if Task.isCancelled { break }
                await heartbeat()
            }
        }
        heartbeats.withLockedValue { $0 = task }
    }

    /// Stops heartbeating and answering checks (brokers forget this producer when its connections close).
    public func shutdown() async {
        let task = heartbeats.withLockedValue { t -> Task<Void, Never>? in
            defer { t = nil }
            return t
        }
        task?.cancel()
        await task?.value
        _ = client.transactionCheckers.withLockedValue { $0.removeValue(forKey: group) }
    }

    private func heartbeat() async {
        let data = HeartbeatData(clientID: client.clientId, producerDataSet: [ProducerData(groupName: group)])
        let addresses = (try? await client.masterAddresses()) ?? []
        await client.heartbeat(data, to: addresses)
    }

    /// Sends `message` prepared, runs `execute` (the local transaction) and ends the transaction with its answer.
    /// A send that was stored but not flushed as asked is rolled back, as Apache's producer does; `execute`
    /// throwing leaves the transaction unknown (the broker will check).
    public func send(
        _ message: Message, timeout: Duration? = nil,
        execute: @Sendable (Message, SendResult) async throws -> LocalTransactionState
    ) async throws -> TransactionSendResult {
        var prepared = message
        prepared.properties[MessageConst.transactionPrepared] = "true"
        prepared.properties[MessageConst.producerGroup] = group
        _ = prepared.properties.removeValue(forName: MessageConst.delayTimeLevel)
        let result: SendResult
        if let tracer {
            result = try await producer.send(prepared, timeout: timeout, tracer: tracer)
        } else {
            result = try await producer.send(prepared, timeout: timeout)
        }
        var state = LocalTransactionState.unknown
        if result.status == .sendOK {
            if let id = result.msgId.split(separator: ",").first { prepared.properties[MessageConst.transactionId] = String(id) }
            state = (try? await execute(prepared, result)) ?? .unknown
        } else {
            state = .rollback
        }
        let broker = try await client.masterAddress(brokerName: result.queue.brokerName)
        let commitLogOffset = try MessageId.decode(result.offsetMsgId).offset
        try await endTransaction(
            broker: broker, brokerName: result.queue.brokerName, message: prepared, msgId: result.msgId,
            commitLogOffset: commitLogOffset, tranStateTableOffset: result.queueOffset, state: state, fromCheck: false)
        return TransactionSendResult(send: result, state: state)
    }

    /// END_TRANSACTION, oneway, as Apache's producer sends it; then its trace record.
    func endTransaction(
        broker: String, brokerName: String?, message: Message, msgId: String, commitLogOffset: Int64,
        tranStateTableOffset: Int64, state: LocalTransactionState, fromCheck: Bool
    ) async throws {
        var header = EndTransactionRequestHeader(
            producerGroup: group, tranStateTableOffset: tranStateTableOffset, commitLogOffset: commitLogOffset,
            commitOrRollback: state.endTransactionType, fromTransactionCheck: fromCheck, msgId: msgId,
            transactionId: msgId, topic: message.topic)
        header.brokerName = brokerName
        try await client.invokeOneway(broker, .request(.endTransaction, header: header))
        guard let tracer, !message.topic.hasPrefix(tracer.traceTopic) else { return }
        let record = EndTransactionTrace(
            timestamp: nowMillis(), regionId: message.properties[MessageConst.msgRegion] ?? "DefaultRegion",
            group: group, topic: message.topic, msgId: msgId, tags: message.tags,
            keys: message.properties[MessageConst.keys], storeHost: broker,
            msgType: TraceMessageType.transactionCommit.rawValue, transactionId: msgId,
            transactionState: state.rawValue, fromTransactionCheck: fromCheck)
        await tracer.append([.endTransaction(record)], topic: message.topic)
    }

    /// Answers one CHECK_TRANSACTION_STATE from `broker` (called on a connection's event loop: the work runs in
    /// a task).
    func answerCheck(_ header: CheckTransactionStateRequestHeader, _ message: MessageExt, broker: String) {
        Task { [self] in
            let state = await checker(message)
            var m = Message(topic: message.topic, body: message.body)
            m.properties = message.properties
            let msgId = header.msgId ?? message.msgId
            do {
                try await endTransaction(
                    broker: broker, brokerName: header.brokerName, message: m, msgId: msgId,
                    commitLogOffset: header.commitLogOffset, tranStateTableOffset: header.tranStateTableOffset,
                    state: state, fromCheck: true)
            } catch {
                client.logger.warning("cannot answer the check of transaction \(msgId) to \(broker): \(error)")
            }
        }
    }
}

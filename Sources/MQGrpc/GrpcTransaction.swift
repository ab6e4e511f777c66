import MQBroker
import MQProtocol
import NIOCore

/// The `transaction_id` a v5 producer gets for a half message and echoes in EndTransaction (design pop-grpc.md
/// §4.6): what END_TRANSACTION needs to find the half message — its offset message id (store host + commit-log
/// offset) and its queue offset in the half topic — so the endpoint keeps no table of open transactions.
struct GrpcTransactionId: Equatable {
    var offsetMsgId: String
    var queueOffset: Int64

    var encoded: String { "\(offsetMsgId)-\(queueOffset)" }

    init(offsetMsgId: String, queueOffset: Int64) {
        self.offsetMsgId = offsetMsgId
        self.queueOffset = queueOffset
    }

    /// nil for anything this endpoint did not hand out.
    init?(decoding text: String) {
        guard let dash = text.lastIndex(of: "-"), let offset = Int64(text[text.index(after: dash)...]), offset >= 0
        else { return nil }
        offsetMsgId = String(text[..<dash])
        queueOffset = offset
        guard (try? MessageId.decode(offsetMsgId)) != nil else { return nil }
    }

    var commitLogOffset: Int64? { try? MessageId.decode(offsetMsgId).offset }
}

/// EndTransaction (design §1.1, §2.3): the producer's commit or rollback, or its checker's answer to a
/// RecoverOrphanedTransactionCommand (source SERVER_CHECK), through the broker's END_TRANSACTION handler.
struct GrpcEndTransaction {
    let state: GrpcEndpointState
    let core: BrokerCore
    let call: GrpcCall

    func answer(
        _ request: Apache_Rocketmq_V2_EndTransactionRequest
    ) async -> Apache_Rocketmq_V2_EndTransactionResponse {
        var response = Apache_Rocketmq_V2_EndTransactionResponse()
        guard let id = GrpcTransactionId(decoding: request.transactionID), let offset = id.commitLogOffset else {
            response.status = V2Status(.invalidTransactionID, "transaction id \(request.transactionID) is not valid")
            return response
        }
        let type: Int32
        switch request.resolution {
        case .commit: type = MessageSysFlag.transactionCommitType
        case .rollback: type = MessageSysFlag.transactionRollbackType
        default:
            // Apache maps it to UNKNOWN: the half message stays for the next check.
            response.status = .ok
            return response
        }
        let topic = request.topic.name
        let header = EndTransactionRequestHeader(
            producerGroup: topic, tranStateTableOffset: id.queueOffset, commitLogOffset: offset,
            commitOrRollback: type, fromTransactionCheck: request.source == .sourceServerCheck,
            msgId: request.messageID, transactionId: request.messageID, topic: topic)
        do {
            let remoting = call.remotingRequest(.endTransaction, header: header)
            let reply = try await state.call(remoting, core: core, from: call)
            response.status = reply.code == ResponseCode.success.rawValue ? .ok : GrpcRemotingStatus.status(of: reply)
        } catch {
            response.status = V2Status(.internalError, "ending the transaction failed: \(error)")
        }
        return response
    }
}

/// The Telemetry command that asks a v5 producer about an orphaned transaction: the broker's
/// CHECK_TRANSACTION_STATE (header + the half message record) as Apache's proxy writes it
/// (`GrpcClientChannel.processCheckTransaction`).
enum GrpcRecoverCommand {
    static func make(from command: RemotingCommand) -> V2Telemetry? {
        guard command.code == RequestCode.checkTransactionState.rawValue,
            let header = try? command.decodeHeader(CheckTransactionStateRequestHeader.self),
            let offsetMsgId = header.offsetMsgId, let body = command.body,
            let half = try? MessageDecoder.decodeAll(body, decompress: true).first
        else { return nil }
        var recover = Apache_Rocketmq_V2_RecoverOrphanedTransactionCommand()
        recover.transactionID = GrpcTransactionId(offsetMsgId: offsetMsgId, queueOffset: header.tranStateTableOffset)
            .encoded
        recover.message = GrpcMessageView.message(of: half, type: .transaction)
        var telemetry = V2Telemetry()
        telemetry.recoverOrphanedTransactionCommand = recover
        return telemetry
    }
}

import Foundation
import GRPCCore
import MQBroker
import MQProtocol
import MQTestSupport
import Testing

@testable import MQGrpc

/// Transactional sends over gRPC (design pop-grpc.md §4.6, §2.3): the half message through the broker's
/// transaction path, EndTransaction from the client, and the broker's check reaching the producer's Telemetry
/// stream as a RecoverOrphanedTransactionCommand answered with EndTransaction(SERVER_CHECK).
@Suite struct GrpcTransactionTests {
    func end(
        _ broker: GrpcBroker, topic: String, messageId: String, transactionId: String,
        _ resolution: Apache_Rocketmq_V2_TransactionResolution,
        source: Apache_Rocketmq_V2_TransactionSource = .sourceClient
    ) async throws -> V2Code {
        var request = Apache_Rocketmq_V2_EndTransactionRequest()
        request.topic = topicResource(topic)
        request.messageID = messageId
        request.transactionID = transactionId
        request.resolution = resolution
        request.source = source
        let sent = request
        return try await broker.withClient { try await $0.endTransaction(sent, metadata: clientMetadata()) }
            .status.code
    }

    func sendHalf(_ broker: GrpcBroker, _ topic: String, id: String) async throws -> String {
        let m = GrpcSendTests.message(topic, body: "tx-\(id)", id: id, type: .transaction)
        let response = try await broker.withClient {
            try await $0.sendMessage(GrpcSendTests.request(m), metadata: clientMetadata())
        }
        #expect(response.status.code == .ok)
        let transactionId = try #require(response.entries.first?.transactionID)
        #expect(!transactionId.isEmpty)
        return transactionId
    }

    @Test func commitIsDeliveredRollbackNever() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("S_TX", type: .transaction)
            let committed = try await sendHalf(broker, "S_TX", id: "01AA0000000000000000000000000C01")
            let rolledBack = try await sendHalf(broker, "S_TX", id: "01AA0000000000000000000000000R01")
            // Half messages: nothing in the topic yet.
            #expect(try broker.stored("S_TX").isEmpty)
            #expect(
                try await end(broker, topic: "S_TX", messageId: "01AA0000000000000000000000000C01",
                    transactionId: committed, .commit) == .ok)
            #expect(
                try await end(broker, topic: "S_TX", messageId: "01AA0000000000000000000000000R01",
                    transactionId: rolledBack, .rollback) == .ok)
            let stored = try broker.stored("S_TX")
            #expect(stored.map(\.properties.uniqueKey) == ["01AA0000000000000000000000000C01"])
            #expect(stored.first.map { String(buffer: $0.body) } == "tx-01AA0000000000000000000000000C01")
            // Resolved once: a second commit is refused, and the rolled-back one can no longer be committed.
            #expect(
                try await end(broker, topic: "S_TX", messageId: "01AA0000000000000000000000000R01",
                    transactionId: rolledBack, .commit) == .internalError)
            #expect(try broker.stored("S_TX").count == 1)
        }
    }

    @Test func unknownResolutionLeavesItPendingAndBadIdsAreRefused() async throws {
        try await GrpcBroker.with { broker in
            try broker.createTopic("S_TX2", type: .transaction)
            let id = try await sendHalf(broker, "S_TX2", id: "01AA0000000000000000000000000U01")
            let messageId = "01AA0000000000000000000000000U01"
            #expect(try await end(broker, topic: "S_TX2", messageId: messageId, transactionId: id, .unspecified) == .ok)
            #expect(try broker.stored("S_TX2").isEmpty)
            // Still pending: a later commit delivers it.
            #expect(try await end(broker, topic: "S_TX2", messageId: messageId, transactionId: id, .commit) == .ok)
            #expect(try broker.stored("S_TX2").map(\.properties.uniqueKey) == [messageId])
            for bad in ["", "garbage", "00-1", "0A0B0C0D00002A9F0000000000000000"] {
                #expect(
                    try await end(broker, topic: "S_TX2", messageId: "x", transactionId: bad, .commit)
                        == .invalidTransactionID)
            }
        }
    }
}

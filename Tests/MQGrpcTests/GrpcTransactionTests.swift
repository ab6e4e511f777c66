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
        // Born now: the check service discards half messages older than the store's retention.
        let m = GrpcSendTests.message(
            topic, body: "tx-\(id)", id: id, type: .transaction, bornSeconds: nowMillis() / 1000)
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

    // The stream waits for the command: a broker that never sends it fails the test after the limit.
    @Test(.timeLimit(.minutes(1))) func orphanedTransactionIsAskedOnTelemetryAndCommittedByTheAnswer() async throws {
        try await GrpcBroker.with(configure: { config in
            // A half message is due for its check 300 ms after birth; rounds run every 100 ms.
            config.transactionTimeOutMillis = 300
            config.transactionCheckIntervalMillis = 100
        }) { broker in
            try broker.createTopic("S_ORPHAN", type: .transaction)
            let messageId = "01AA00000000000000000000000000F1"
            let (done, finish) = AsyncStream.makeStream(of: Void.self)
            var settings = Apache_Rocketmq_V2_TelemetryCommand()
            settings.settings = clientSettings(producerOf: ["S_ORPHAN"])
            let command = settings
            let recovered = try await broker.withClient { client in
                try await client.telemetry(
                    metadata: clientMetadata(),
                    requestProducer: { writer in
                        try await writer.write(command)
                        for await _ in done { break }
                    },
                    onResponse: { response in
                        defer { finish.finish() }
                        var recover: Apache_Rocketmq_V2_RecoverOrphanedTransactionCommand?
                        for try await reply in response.messages {
                            if case .settings = reply.command {
                                // Registered as the producer of the topic: now leave a transaction open.
                                #expect(reply.status.code == .ok)
                                _ = try await sendHalf(broker, "S_ORPHAN", id: messageId)
                            } else if case .recoverOrphanedTransactionCommand(let r) = reply.command {
                                recover = r
                                break
                            }
                        }
                        return recover
                    })
            }
            let recover = try #require(recovered)
            #expect(recover.message.topic.name == "S_ORPHAN")
            #expect(recover.message.systemProperties.messageID == messageId)
            #expect(recover.message.systemProperties.messageType == .transaction)
            #expect(recover.message.systemProperties.bodyEncoding == .identity)
            #expect(recover.message.body == Data("tx-\(messageId)".utf8))
            #expect(recover.message.systemProperties.bodyDigest.checksum.count == 8)
            #expect(
                try await end(broker, topic: "S_ORPHAN", messageId: messageId, transactionId: recover.transactionID,
                    .commit, source: .sourceServerCheck) == .ok)
            #expect(try broker.stored("S_ORPHAN").map(\.properties.uniqueKey) == [messageId])
        }
    }
}

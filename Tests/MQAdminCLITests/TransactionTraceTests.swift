import Foundation
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import NIOConcurrencyHelpers
import Testing

/// A traced `TransactionProducer` writes Apache's records (a Pub of the half message, then an EndTransaction per
/// commit, rollback or unknown, and one per answered check with fromTransactionCheck), and `trace show` shows them.
@Suite(.serialized) struct TransactionTraceTests {
    @Test func endTransactionRecordsOfCommitRollbackUnknownAndCheckAreShown() async throws {
        try await withCluster(configure: {
            $0.transactionTimeOutMillis = 300
            $0.transactionCheckIntervalMillis = 100
        }) { cluster in
            let client = cluster.client()
            let broker = try #require(cluster.brokers[0].brokerAddress)
            try await client.createTopic(
                TopicConfig(topicName: "TxnTraced", readQueueNums: 1, writeQueueNums: 1), broker: broker)
            try await waitUntil("topic TxnTraced to get a route") {
                (try? await client.route(topic: "TxnTraced", refresh: true)) != nil
            }
            let tracer = TraceDispatcher(client: client, hostGroup: "pg-traced", role: .produce)
            let checks = NIOLockedValueBox(0)
            let producer = TransactionProducer(group: "pg-traced", client: client, tracer: tracer) { _ in
                checks.withLockedValue { $0 += 1 }
                return .commit
            }
            await producer.start()
            var ids: [LocalTransactionState: String] = [:]
            for state in [LocalTransactionState.commit, .rollback, .unknown] {
                let message = Message(topic: "TxnTraced", body: "traced", tags: "TagTx", keys: ["tx-\(state)"])
                ids[state] = try await producer.send(message) { _, _ in state }.send.msgId
            }
            try await waitUntil("the broker's check of the unknown one to be answered", timeout: .seconds(15)) {
                checks.withLockedValue { $0 } >= 1
            }
            // The check's END_TRANSACTION and its trace record follow the checker's answer.
            try await waitUntil("the checked message to be committed") {
                (try? await client.queryMessages(topic: "TxnTraced", key: "tx-unknown"))?.isEmpty == false
            }
            await producer.shutdown()
            let report = await tracer.shutdown()
            #expect(report.recordsDropped == 0)

            let cli = InProcessRunner(nameServer: cluster.nameServerAddress)
            func ends(_ msgId: String) async throws -> [[String: Any]] {
                let shown = try await cli.json(["trace", "show", msgId])
                #expect(shown.result.status == 0, "\(shown.result.stderr)")
                let trace = TraceFixtures.trace(shown.value as? [String: Any] ?? [:])
                let records = trace["records"] as? [[String: Any]] ?? []
                // Java's MessageType ordinals: 1 Trans_Msg_Half for the prepared send.
                #expect(records.first { $0["type"] as? String == "Pub" }?["msgType"] as? Int == 1)
                return records.filter { $0["type"] as? String == "EndTransaction" }
            }
            for (state, expected) in [
                (LocalTransactionState.commit, [("COMMIT_MESSAGE", false)]),
                (.rollback, [("ROLLBACK_MESSAGE", false)]),
                (.unknown, [("UNKNOW", false), ("COMMIT_MESSAGE", true)]),
            ] {
                let msgId = try #require(ids[state])
                let records = try await ends(msgId)
                #expect(
                    records.map {
                        "\($0["transactionState"] as? String ?? "")/\($0["fromTransactionCheck"] as? Bool ?? false)"
                    }
                        == expected.map { "\($0.0)/\($0.1)" }, "\(state): \(records)")
                for r in records {
                    #expect(r["group"] as? String == "pg-traced" && r["topic"] as? String == "TxnTraced")
                    #expect(r["transactionId"] as? String == msgId && r["msgId"] as? String == msgId)
                    #expect(r["keys"] as? String == "tx-\(state)" && r["tags"] as? String == "TagTx")
                    #expect(r["storeHost"] as? String == broker && r["msgType"] as? Int == 2)
                }
            }
            let table = try await cli.run(["trace", "show", try #require(ids[.unknown])])
            #expect(table.stdout.contains("UNKNOW by pg-traced"))
            #expect(table.stdout.contains("COMMIT_MESSAGE by pg-traced"))
            #expect(table.stdout.contains("(answering a broker check)"))
            await client.shutdown()
        }
    }
}

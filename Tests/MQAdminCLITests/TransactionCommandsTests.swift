import Foundation
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import Testing

@testable import MQAdminCLI

/// `transaction list`, run in-process against a broker whose half messages wait (first check an hour away).
@Suite(.serialized) struct TransactionCommandsTests {
    /// Sends prepared messages whose local transactions answer UNKNOWN, so they stay pending, and runs `body`.
    static func withPending(
        _ body: (InProcessRunner, MQClientInstance, [SendResult]) async throws -> Void
    ) async throws {
        try await withCluster(configure: { $0.transactionTimeOutMillis = 3_600_000 }) { cluster in
            let client = cluster.client()
            let broker = try #require(cluster.brokers[0].brokerAddress)
            for topic in ["TxnList", "TxnOther"] {
                try await client.createTopic(
                    TopicConfig(topicName: topic, readQueueNums: 2, writeQueueNums: 2), broker: broker)
                // Sent before the topic's route exists, a message would follow the default topic's route.
                try await waitUntil("topic \(topic) to get a route") {
                    (try? await client.route(topic: topic, refresh: true)) != nil
                }
            }
            var sent: [SendResult] = []
            for (group, topic, keys) in [
                ("pg-list", "TxnList", ["order-1"]), ("pg-list", "TxnList", ["order-2", "order-3"]),
                ("pg-other", "TxnOther", ["other-1"]),
            ] {
                let producer = TransactionProducer(group: group, client: client) { _ in .unknown }
                await producer.start()
                let message = Message(topic: topic, body: "pending", tags: "t", keys: keys)
                sent.append(try await producer.send(message) { _, _ in .unknown }.send)
                await producer.shutdown()
            }
            try await body(InProcessRunner(nameServer: cluster.nameServerAddress), client, sent)
        }
    }

    @Test func jsonListsEachPendingHalfMessageWithAgeChecksAndNextCheck() async throws {
        try await Self.withPending { cli, _, sent in
            let (r, value) = try await cli.json(["transaction", "list"])
            #expect(r.status == 0, "\(r.stderr)")
            let json = JSONObject(value)
            #expect(json.keys == ["brokers", "failures", "now", "target", "transactions"])
            #expect(json["failures"].array?.isEmpty == true)
            let broker = json["brokers"][0]
            #expect(broker["broker"].string == "broker-a" && broker["transactionTimeoutMs"].int == 3_600_000)
            #expect(broker["checkIntervalMs"].int == 30_000 && broker["checkMax"].int == 15)
            let rows = json["transactions"].array ?? []
            #expect(rows.map { $0["transactionId"].string ?? "" } == sent.map(\.msgId))
            #expect(rows.map { $0["topic"].string ?? "" } == ["TxnList", "TxnList", "TxnOther"])
            #expect(rows.map { $0["producerGroup"].string ?? "" } == ["pg-list", "pg-list", "pg-other"])
            #expect(rows[1]["keys"].array?.compactMap(\.string) == ["order-2", "order-3"])
            #expect(
                rows[0].keys == [
                    "ageMs", "bornTime", "bornTimestamp", "broker", "checkCount", "commitLogOffset", "halfOffset",
                    "keys", "nextCheckReason", "nextCheckTime", "nextCheckTimestamp", "producerGroup", "queueId",
                    "tags", "topic", "transactionId",
                ])
            let now = try #require(json["now"].int)
            for row in rows {
                let born = try #require(row["bornTimestamp"].int)
                #expect(row["ageMs"].int == now - born)
                #expect(row["checkCount"].int == 0 && row["tags"].string == "t")
                #expect(row["nextCheckTimestamp"].int == born + 3_600_000 && row["nextCheckReason"].isNull)
            }
            #expect(rows.map { $0["halfOffset"].int ?? -1 } == [0, 1, 2])

            let topic = try await cli.json(["transaction", "list", "-t", "TxnList"])
            #expect(JSONObject(topic.value)["transactions"].array?.count == 2)
            let group = try await cli.json(["transaction", "list", "-g", "pg-other"])
            #expect(JSONObject(group.value)["transactions"].array?.map { $0["topic"].string ?? "" } == ["TxnOther"])
        }
    }

    @Test func tableShowsOneRowPerPendingHalfMessage() async throws {
        try await Self.withPending { cli, client, sent in
            let r = try await cli.run(["transaction", "list", "-g", "pg-list"])
            #expect(r.status == 0, "\(r.stderr)")
            let lines = r.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 4)
            #expect(lines.last?.hasPrefix("Target: name server ") == true, "\(r.stdout)")
            #expect(lines[0].hasPrefix("BROKER    TOPIC    KEYS             PRODUCER GROUP"))
            #expect(lines[0].hasSuffix("CHECKS  NEXT CHECK  TRANSACTION ID"))

            // The rendering itself, at a fixed time: 90 s after the second one was born.
            let report = try await client.pendingTransactions(producerGroup: "pg-list")
            let born = report.entries[1].transaction.bornTimestamp
            let table = TransactionListView(report, now: born + 90_000).table()
            let row = table.split(separator: "\n").map(String.init)[2]
            let cells = row.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            #expect(Array(cells.prefix(4)) == ["broker-a", "TxnList", "order-2", "order-3"])
            #expect(cells.contains("pg-list") && cells.contains("1m") && cells.contains("30s"))
            #expect(row.contains("  0  in 58m 30s  ") && row.hasSuffix(sent[1].msgId))
        }
    }
}

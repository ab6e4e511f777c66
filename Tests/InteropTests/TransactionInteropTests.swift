import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// Acceptance of transactional messages with Apache's own producer (TransactionMQProducer of the Python binding
/// over the C++ client 2.1.0) against `mqadmin broker start`: commit, rollback, check-back, giving up after the
/// maximum, and half messages that outlive a kill -9 of the broker.
@Suite(.serialized) struct TransactionInteropTests {
    /// Quick checks for the tests: first check 1 s after birth, rounds every 300 ms, at most 3 checks.
    static let quickChecks = [
        "--transaction-timeout", "1s", "--transaction-check-interval", "300ms", "--transaction-check-max", "3",
    ]

    /// Every message of the topic's queues on broker-a, pulled from the start.
    static func delivered(_ client: MQClientInstance, topic: String, queues: Int32 = 4) async throws -> [MessageExt] {
        try await client.pullEverything(topic: topic, queues: queues, group: "txn-interop-reader")
    }

    /// Runs `body` with a started peer, then stops it (awaited) whether `body` returned or threw.
    static func withPeer<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ broker: BrokerProcess, topic: String, group: String, plans: [TransactionPeer.Plan], dir: TempDirectory,
        name: String, _ body: (TransactionPeer) async throws -> T
    ) async throws -> T {
        let peer = try await TransactionPeer(
            nameServer: broker.nameServer, topic: topic, group: group, plans: plans, directory: dir.path, name: name)
        return try await withTeardown {
            try await body(peer)
        } teardown: {
            try await peer.stop()
        }
    }

    /// The rows of `mqadmin transaction list -t TopicTxnCrash -o json`, run as a user would.
    static func listed(_ broker: BrokerProcess, dir: TempDirectory) throws -> [[String: Any]] {
        let cli = MQAdminRunner(nameServer: broker.nameServer, home: dir.sub("home"))
        let r = try cli.json(["transaction", "list", "-t", "TopicTxnCrash"])
        #expect(r.result.status == 0, "\(r.result.stderr)")
        return ((r.value as? [String: Any])?["transactions"] as? [[String: Any]]) ?? []
    }

    static func number(_ value: Any?) -> Int64? { (value as? NSNumber)?.int64Value }

    @Test func commitRollbackCheckBackAndGiveUpWithApachesProducer() async throws {
        let dir = try TempDirectory("interop-txn")
        defer { dir.remove() }
        try await Interop.withBrokerWithTopic(data: dir.sub("data"), topic: "TopicTxn", arguments: Self.quickChecks) {
            broker, admin in
            let plans: [TransactionPeer.Plan] = [
                .init("k-commit", local: "commit", check: "commit"),
                .init("k-rollback", local: "rollback", check: "commit"),
                .init("k-later", local: "unknown", check: "commit"),
                .init("k-never", local: "unknown", check: "unknown"),
            ]
            try await Self.withPeer(broker, topic: "TopicTxn", group: "PG_TXN", plans: plans, dir: dir, name: "peer") {
                peer in
                let sent = Dictionary(uniqueKeysWithValues: peer.sent.map { ($0.sent, $0) })
                #expect(sent.count == 4 && sent.values.allSatisfy { $0.status == 0 }, "\(peer.sent)")

                // The unanswered one is checked three times, then moved to TRANS_CHECK_MAX_TIME_TOPIC; the check
                // service has then walked past every earlier half message too.
                try await waitUntil("k-never to be moved to TRANS_CHECK_MAX_TIME_TOPIC", timeout: .seconds(60)) {
                    // The topic (and its route) appears with the first message moved there.
                    let moved = try? await admin.queryMessages(
                        topic: SystemTopics.transactionCheckMaxTime, key: "k-never")
                    return moved?.isEmpty == false
                }
                let moved = try await admin.queryMessages(topic: SystemTopics.transactionCheckMaxTime, key: "k-never")
                #expect(moved.map(\.properties.uniqueKey) == [sent["k-never"]?.msg_id])
                #expect(moved.first?.properties[MessageConst.realTopic] == "TopicTxn")
                #expect(moved.first?.properties[MessageConst.transactionCheckTimes] == "3")
                try await waitUntil("the peer to log its third check of k-never") {
                    peer.checks.filter { $0.check == "k-never" }.count == 3
                }
                #expect(peer.checks.filter { $0.check == "k-never" }.map(\.times) == ["1", "2", "3"])

                // Checked once, answered commit: delivered with its check count.
                try await waitUntil("k-later to be committed by its check-back", timeout: .seconds(30)) {
                    try await Self.delivered(admin, topic: "TopicTxn").contains { $0.keys == ["k-later"] }
                }
                // Once, unless a round re-checks it before the commit arrives (refused then as no longer pending).
                #expect(peer.checks.filter { $0.check == "k-later" }.first?.times == "1")

                let delivered = try await Self.delivered(admin, topic: "TopicTxn")
                #expect(delivered.map(\.keys).sorted { $0.joined() < $1.joined() } == [["k-commit"], ["k-later"]])
                for key in ["k-commit", "k-later"] {
                    let m = try #require(delivered.first { $0.keys == [key] })
                    #expect(m.msgId == sent[key]?.msg_id)
                    #expect(m.properties[MessageConst.transactionPrepared] == nil)
                    #expect(m.properties[MessageConst.producerGroup] == "PG_TXN")
                    #expect(MessageSysFlag.transactionValue(m.sysFlag) == MessageSysFlag.transactionCommitType)
                    let found = try await admin.queryMessages(topic: "TopicTxn", key: key)
                    #expect(found.map(\.msgId) == [m.msgId], "\(key) found by key exactly once")
                }
                #expect(peer.checks.filter { $0.check == "k-commit" || $0.check == "k-rollback" }.isEmpty)
                #expect(try await admin.queryMessages(topic: "TopicTxn", key: "k-rollback").isEmpty)
                #expect(try await admin.queryMessages(topic: "TopicTxn", key: "k-never").isEmpty)
                #expect(try await admin.pendingTransactions(topic: "TopicTxn").entries.isEmpty)
            }
        }
    }

    @Test func halfMessagesPendingAcrossKillDashNineAreCheckedThenResolved() async throws {
        let dir = try TempDirectory("interop-txn-crash")
        defer { dir.remove() }
        let data = dir.sub("data")
        // First run: no check comes before the crash (first check an hour after birth).
        let slow = ["--transaction-timeout", "1h", "--flush", "sync"]
        let (nameServer, brokerAddress, sent) = try await Interop.withBrokerWithTopic(
            data: data, topic: "TopicTxnCrash", arguments: slow
        ) { broker, admin in
            let plans: [TransactionPeer.Plan] = [
                .init("k-crash-1", local: "unknown", check: "commit"),
                .init("k-crash-2", local: "unknown", check: "commit"),
            ]
            let sent = try await Self.withPeer(
                broker, topic: "TopicTxnCrash", group: "PG_CRASH", plans: plans, dir: dir, name: "before"
            ) { peer in peer.sent }
            let pending = try await admin.pendingTransactions(topic: "TopicTxnCrash")
            #expect(pending.entries.map(\.transaction.keys) == [["k-crash-1"], ["k-crash-2"]])
            #expect(pending.entries.allSatisfy { $0.transaction.checkTimes == 0 })
            // What `transaction list` shows of them: age, no check yet, the first check an hour after birth.
            let listed = try Self.listed(broker, dir: dir)
            #expect(listed.map { $0["transactionId"] as? String } == sent.map(\.msg_id))
            for row in listed {
                let born = try #require(Self.number(row["bornTimestamp"]))
                #expect(Self.number(row["ageMs"]).map { $0 >= 0 } == true, "\(row)")
                #expect(Self.number(row["checkCount"]) == 0 && row["producerGroup"] as? String == "PG_CRASH")
                #expect(Self.number(row["nextCheckTimestamp"]) == born + 3_600_000)
            }
            broker.crash()
            return (broker.nameServer, broker.broker, sent)
        }
        #expect(sent.count == 2)

        // Second run on the same data and addresses (the producer finds it again), with quick checks but no
        // producer of the group yet: the half messages are still there and checked, with nobody to answer.
        let restart = ["--listen", nameServer, "--broker-listen", brokerAddress, "--transaction-timeout", "1s",
            "--transaction-check-interval", "300ms", "--transaction-check-max", "1000"]
        try await withBrokerProcess(dataDirectory: data, arguments: restart) { broker in
            let admin = Interop.client(broker.nameServer)
            try await withTeardown {
                let pending = try await admin.pendingTransactions(topic: "TopicTxnCrash")
                #expect(Set(pending.entries.map(\.transaction.transactionId)) == Set(sent.map(\.msg_id)))
                try await waitUntil("the restarted broker to check the half messages", timeout: .seconds(30)) {
                    try await admin.pendingTransactions(topic: "TopicTxnCrash").entries
                        .allSatisfy { $0.transaction.checkTimes > 0 }
                }
                #expect(try await Self.delivered(admin, topic: "TopicTxnCrash").isEmpty)
                let listed = try Self.listed(broker, dir: dir)
                #expect(Set(listed.compactMap { $0["transactionId"] as? String }) == Set(sent.map(\.msg_id)))
                #expect(listed.allSatisfy { (Self.number($0["checkCount"]) ?? 0) >= 1 }, "\(listed)")
                #expect(listed.allSatisfy { (Self.number($0["ageMs"]) ?? 0) > 0 }, "\(listed)")

                // A producer of the group answers the next checks: both are committed, once each.
                let plans: [TransactionPeer.Plan] = [
                    .init("k-crash-1", local: "-", check: "commit"), .init("k-crash-2", local: "-", check: "commit"),
                ]
                try await Self.withPeer(
                    broker, topic: "TopicTxnCrash", group: "PG_CRASH", plans: plans, dir: dir, name: "after"
                ) { peer in
                    try await waitUntil("the checks after the restart to commit both", timeout: .seconds(60)) {
                        try await Self.delivered(admin, topic: "TopicTxnCrash").count == 2
                    }
                    #expect(Set(peer.checks.map(\.check)) == ["k-crash-1", "k-crash-2"])
                    #expect(peer.checks.allSatisfy { $0.answer == "commit" })
                }
                let delivered = try await Self.delivered(admin, topic: "TopicTxnCrash")
                #expect(Set(delivered.map(\.msgId)) == Set(sent.map(\.msg_id)))
                #expect(delivered.count == 2)
                try await waitUntil("no half message to be pending") {
                    try await admin.pendingTransactions(topic: "TopicTxnCrash").entries.isEmpty
                }
            } teardown: {
                await admin.shutdown()
            }
        }
    }
}

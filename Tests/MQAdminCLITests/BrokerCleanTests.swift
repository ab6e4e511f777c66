import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// `broker clean` (plan, then --execute) and Apache's classic deleteExpiredCommitLog / cleanExpiredCQ /
/// cleanUnusedTopic against an in-process broker, with the store's files checked on disk.
@Suite(.serialized) struct BrokerCleanTests {
    /// A topic with messages in the store that the broker's topic table no longer has (as after a lost or
    /// hand-edited topics.json): what CLEAN_UNUSED_TOPIC exists for. Returns its consume-queue directory.
    static func orphanTopic(_ cluster: InProcessCluster, _ topic: String) async throws -> String {
        try await MessageFixtures.createTopic(cluster, topic)
        let producer = Producer(group: "pg-clean", client: cluster.client())
        for i in 0..<4 { _ = try await producer.send(Message(topic: topic, body: "m\(i)")) }
        let core = try #require(cluster.brokers[0].controller).core
        let directory = core.store.config.directory + "/consumequeue/" + topic
        try await waitUntil("the consume queues of \(topic) on disk") {
            core.store.flush()
            return FileManager.default.fileExists(atPath: directory)
        }
        #expect(try core.topics.delete(topic))
        return directory
    }

    @Test func unusedTopicsArePlannedThenRemovedFromDisk() async throws {
        try await TopicTestTarget.withCluster(brokers: 1) { t in
            let cluster = try #require(t.cluster)
            let directory = try await Self.orphanTopic(cluster, "OrphanT")
            let address = t.brokerAddresses[0]

            let (planRun, plan) = try await t.json(["broker", "clean", "unused-topics"])
            #expect(planRun.status == 0, "\(planRun.stderr)")
            #expect(plan["executed"].bool == false && plan["what"].string == "unused-topics")
            #expect(plan["brokers"].array?.count == 1 && plan["brokers"][0]["address"].string == address)
            #expect(plan["brokers"][0]["removed"].isNull)
            #expect(FileManager.default.fileExists(atPath: directory), "a plan removes nothing")
            let table = try await t.run(["broker", "clean", "unused-topics", "broker-a"])
            #expect(table.stdout.hasPrefix("Plan: ask 1 broker(s) to delete the consume queues of topics"))

            // Off a terminal, --execute needs --yes.
            let unconfirmed = try await t.run(["broker", "clean", "unused-topics", "--execute"])
            #expect(unconfirmed.status == 2 && unconfirmed.errorLine.contains("pass --yes"), "\(unconfirmed.stderr)")

            let (runRun, ran) = try await t.json(["broker", "clean", "unused-topics", "--execute", "--yes"])
            #expect(runRun.status == 0, "\(runRun.stderr)")
            #expect(ran["executed"].bool == true && ran["succeeded"].bool == true)
            #expect(ran["brokers"][0]["removed"]["topics"].strings == ["OrphanT"])
            #expect((ran["brokers"][0]["removed"]["files"].int ?? 0) >= 1)
            #expect((ran["brokers"][0]["removed"]["bytes"].int ?? 0) > 0)
            #expect(!FileManager.default.fileExists(atPath: directory))
            let core = try #require(cluster.brokers[0].controller).core
            #expect(!core.store.topics.contains("OrphanT"))

            // Nothing left: the next run removes nothing, and topics still in the table were never touched.
            let rerun = ["broker", "clean", "unused-topics", "-c", "DefaultCluster", "-y", "--execute"]
            let (_, again) = try await t.json(rerun)
            #expect(again["brokers"][0]["removed"]["topics"].strings == [])
        }
    }

    @Test func classicCleanUpsPrintApachesOneWord() async throws {
        try await TopicTestTarget.withCluster(brokers: 1) { t in
            let cluster = try #require(t.cluster)
            let directory = try await Self.orphanTopic(cluster, "OrphanC")
            let address = t.brokerAddresses[0]

            let unused = try await t.run(["cleanUnusedTopic", "-b", address])
            #expect(unused.status == 0, "\(unused.stderr)")
            #expect(unused.stdout == "success")
            #expect(!FileManager.default.fileExists(atPath: directory))

            for command in ["cleanExpiredCQ", "deleteExpiredCommitLog"] {
                let r = try await t.run([command, "-c", "DefaultCluster"])
                #expect(r.status == 0 && r.stdout == "success", "\(command): \(r.stderr)")
                let (_, json) = try await t.json([command, "--brokerAddr", address], classic: true)
                // Nothing is older than the retention time, so nothing goes; the broker says so.
                #expect(json["brokers"][0]["removed"]["files"].int == 0, "\(command)")
            }

            let dead = try await t.run(["cleanUnusedTopic", "-b", "127.0.0.1:1"])
            #expect(dead.status == 4 && dead.stdout == "false", "\(dead.stderr)")
            #expect(dead.stderr.split(separator: "\n").count == 1)
            #expect(dead.errorLine.contains("cleaning unused-topics failed on 1 of 1 brokers (127.0.0.1:1"))
        }
    }
}

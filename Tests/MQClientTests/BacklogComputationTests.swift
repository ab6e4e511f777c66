import Foundation
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import Testing

/// BacklogReport's evaluation from hand-made samples; the backlog sample taken with and without mqadmin's
/// broker extensions; and the fill-in of brokers where a group never committed, against a real 2-broker cluster.
@Suite(.serialized) struct BacklogComputationTests {
    static let now: Int64 = 1_700_000_000_000

    func queue(
        _ group: String, broker: String = "broker-a", id: Int32 = 0, max: Int64, committed: Int64, min: Int64 = 0,
        next: Int64? = nil, never: Bool = false
    ) -> BacklogQueueSample {
        BacklogQueueSample(
            group: group, queue: MessageQueue(topic: "T", brokerName: broker, queueId: id), brokerOffset: max,
            committedOffset: committed, minOffset: min, nextTimestamp: next, neverCommitted: never)
    }

    func sample(_ queues: [BacklogQueueSample], online: [String: Int], at: Int64 = now) -> BacklogSample {
        var s = BacklogSample(takenAt: at)
        s.queues = queues
        s.onlineConsumers = online
        s.retentionHours = ["broker-a": 72, "broker-b": 72]
        return s
    }

    func status(_ r: BacklogReport, _ group: String) -> BacklogStatus? { r.rows.first { $0.group == group }?.status }

    @Test func statusesFollowTheDocumentedRules() {
        let minute: Int64 = 60_000
        let before = sample(
            [
                queue("ok", max: 10, committed: 10), queue("slow", max: 50, committed: 5, next: Self.now - minute),
                queue("hung", max: 50, committed: 5, next: Self.now - minute),
                queue("gone", max: 50, committed: 5, next: Self.now - minute),
            ], online: ["ok": 1, "slow": 2, "hung": 1], at: Self.now - 5000)
        let after = sample(
            [
                queue("ok", max: 12, committed: 12), queue("slow", max: 60, committed: 9, next: Self.now - minute),
                queue("hung", max: 60, committed: 5, next: Self.now - 2 * minute),
                queue("gone", max: 60, committed: 5, next: Self.now - 3 * minute),
                // Retention deleted offsets 0..19; the group is at 5: 15 lost.
                queue("lost", max: 60, committed: 5, min: 20),
                // Next in line for deletion.
                queue("edge", max: 60, committed: 20, min: 20, next: Self.now - minute),
                // 60 h old of a 72 h retention: within the default 20% margin.
                queue("old", max: 60, committed: 30, next: Self.now - 60 * 3_600_000),
                // Never committed where retention already deleted: counts what is stored, no risk.
                queue("new", max: 60, committed: 0, min: 20, next: Self.now - 70 * 3_600_000, never: true),
            ], online: ["ok": 1, "slow": 2, "hung": 1, "lost": 1, "edge": 1, "old": 1, "new": 1])
        let r = BacklogReport.build(latest: after, previous: before)
        #expect(r.windowMillis == 5000)
        #expect(status(r, "ok") == .ok)
        #expect(status(r, "slow") == .lagging)
        #expect(status(r, "hung") == .stalled)
        #expect(status(r, "gone") == .noConsumers)
        #expect(status(r, "lost") == .atRisk)
        #expect(status(r, "edge") == .atRisk)
        #expect(status(r, "old") == .atRisk)
        #expect(status(r, "new") == .lagging)
        let lost = r.rows.first { $0.group == "lost" }!
        #expect(lost.lostMessages == 15 && lost.lagMillis == nil && lost.lagUnknownReason != nil)
        let new = r.rows.first { $0.group == "new" }!
        #expect(new.lag == 40 && new.lostMessages == 0)
        #expect(r.rows.first { $0.group == "hung" }!.lagMillis == 2 * minute)
        // Largest lag first.
        #expect(r.rows.map(\.lag) == r.rows.map(\.lag).sorted(by: >))
        // A tighter margin clears the age risk.
        let tight = BacklogReport.build(latest: after, previous: before, riskMarginMillis: 3_600_000)
        #expect(status(tight, "old") == .lagging)
        // One sample: behind and online is LAGGING, never STALLED.
        #expect(status(BacklogReport.build(latest: after, previous: nil), "hung") == .lagging)
        #expect(BacklogReport.needsSecondSample(after))
        #expect(!BacklogReport.needsSecondSample(sample([queue("ok", max: 1, committed: 1)], online: ["ok": 1])))
    }

    @Test func rowStatusIsStalledOnlyWhenNoQueueMoved() {
        let before = sample(
            [
                queue("g", id: 0, max: 10, committed: 1), queue("g", id: 1, max: 10, committed: 1),
            ], online: ["g": 1], at: Self.now - 5000)
        let after = sample(
            [
                queue("g", id: 0, max: 10, committed: 4), queue("g", id: 1, max: 10, committed: 1),
            ], online: ["g": 1])
        let r = BacklogReport.build(latest: after, previous: before)
        #expect(r.rows.count == 1 && r.rows[0].status == .lagging)
        #expect(r.rows[0].queues.map(\.status) == [.lagging, .stalled])
    }

    @Test func brokersWhereTheGroupNeverCommittedAreReported() async throws {
        try await withCluster(brokers: 2) { cluster in
            let client = cluster.client()
            for b in cluster.brokers {
                try await client.createTopic(
                    TopicConfig(topicName: "Half", readQueueNums: 1, writeQueueNums: 1), broker: b.brokerAddress!)
                try await client.updateGroup(SubscriptionGroupConfig(groupName: "half"), broker: b.brokerAddress!)
            }
            #expect(await eventually { (try? await client.route(topic: "Half", refresh: true).queueDatas.count) == 2 })
            let producer = Producer(group: "pg", client: client)
            for b in ["broker-a", "broker-b"] {
                for i in 0..<5 {
                    _ = try await producer.send(
                        Message(topic: "Half", body: "\(i)"), to: MessageQueue(topic: "Half", brokerName: b, queueId: 0)
                    )
                }
            }
            try await client.updateConsumerOffset(
                group: "half", queue: MessageQueue(topic: "Half", brokerName: "broker-a", queueId: 0), offset: 2)
            for extensions in [true, false] {
                let s = try await client.backlogSample(group: "half", useExtensions: extensions)
                let b = try #require(s.queues.first { $0.queue.brokerName == "broker-b" && $0.queue.topic == "Half" })
                #expect(b.neverCommitted && b.brokerOffset == 5)
                #expect(b.nextTimestamp != nil)
                let r = BacklogReport.build(latest: s, previous: nil)
                #expect(r.rows.first { $0.topic == "Half" }?.lag == 8)
            }
            await client.shutdown()
        }
    }

    @Test func backlogSampleIsTheSameWithoutExtensions() async throws {
        try await SeededCluster.withBacklog { _, client, q in
            // The fallback path derives the next message's time from the broker's delay (now - store time), and
            // only a delay of at least 1 ms counts: let the clock move past the seeded messages' store times.
            let storedBy = Int64(Date().timeIntervalSince1970 * 1000)
            try await waitUntil("the clock to move past the seeded messages' store time", poll: .milliseconds(1)) {
                Int64(Date().timeIntervalSince1970 * 1000) > storedBy
            }
            let withExt = try await client.backlogSample(group: "behind")
            let plain = try await client.backlogSample(group: "behind", useExtensions: false)
            for s in [withExt, plain] {
                #expect(s.failures.isEmpty)
                #expect(s.retentionHours["broker-a"] == 72)
                let q0 = try #require(s.queues.first { $0.queue == q[0] })
                #expect(q0.brokerOffset == 6 && q0.committedOffset == 2)
                #expect(q0.minOffset == 0)
                #expect(q0.nextTimestamp != nil)
            }
            let a = withExt.queues.first { $0.queue == q[0] }!.nextTimestamp!
            let b = plain.queues.first { $0.queue == q[0] }!.nextTimestamp!
            // The fallback derives the time from the broker's delay, so it may be off by the call's duration.
            #expect(abs(a - b) < 1000)
            await client.shutdown()
        }
    }
}

import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import NIOConcurrencyHelpers
import Testing

/// A broker shut down in the middle of offset traffic under sync flush, with snapshots rotating the journal
/// every 10 ms: every commit is answered (acknowledged or refused, never left waiting) and the broker stops.
/// What LoadTests and `scripts/load.sh` do to the journal at their end, in a few seconds; every wait has a
/// deadline so a regression fails here instead of hanging the suite.
@Suite(.serialized) struct OffsetCommitShutdownTests {
    final class Counts: Sendable {
        let acknowledged = NIOLockedValueBox(0)
        let failed = NIOLockedValueBox(0)
        let stopping = NIOLockedValueBox(false)
    }

    @Test func brokerStopsWhileCommitsWaitForTheGroupCommitAndSnapshotsRotate() async throws {
        let cluster = try await InProcessCluster.start(flush: .sync) { $0.offsetPersistIntervalMillis = 10 }
        let broker = try #require(cluster.brokers.first?.brokerAddress)
        let client = cluster.client(timeout: .seconds(5))
        try await Reliability.prepare(client, broker: broker, topic: "Closing", queues: 8, groups: ["closing-g"])
        let counts = Counts()
        let committers = Task {
            await withTaskGroup(of: Void.self) { group in
                for q in Int32(0)..<8 {
                    group.addTask {
                        let mq = MessageQueue(topic: "Closing", brokerName: "broker-a", queueId: q)
                        var offset: Int64 = 0
                        while !counts.stopping.withLockedValue({ $0 }) {
                            offset += 1
                            do {
                                try await client.updateConsumerOffset(group: "closing-g", queue: mq, offset: offset)
                                counts.acknowledged.withLockedValue { $0 += 1 }
                            } catch {
                                counts.failed.withLockedValue { $0 += 1 }
                            }
                        }
                    }
                }
            }
        }
        let busy = await eventually(timeout: .seconds(30)) { counts.acknowledged.withLockedValue { $0 } >= 800 }
        // Several 10-ms snapshots have rotated the journal under the commits by now; stop mid-traffic.
        let stopped = await finishes(within: .seconds(30)) { await cluster.brokers[0].stop() }
        counts.stopping.withLockedValue { $0 = true }
        let drained = await finishes(within: .seconds(20)) { await committers.value }
        print("shutdown under offset traffic: \(counts.acknowledged.withLockedValue { $0 }) acknowledged, "
            + "\(counts.failed.withLockedValue { $0 }) failed (after the stop)")
        #expect(busy, "too few commits acknowledged before the stop")
        #expect(stopped, "the broker did not stop within 30 s")
        #expect(drained, "commits still unanswered 20 s after the stop")
        if stopped && drained {
            await client.shutdown()
            await cluster.stop()
        }
    }
}

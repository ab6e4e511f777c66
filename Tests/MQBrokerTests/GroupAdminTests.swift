import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

@testable import MQBroker

/// INVOKE_BROKER_TO_RESET_OFFSET (222), the reset-pending hooks in pull and commit, CLONE_GROUP_OFFSET (314).
@Suite(.serialized) struct GroupAdminTests {
    func reset(
        _ client: MQClientInstance, _ addr: String, _ h: ResetOffsetRequestHeader
    ) async throws -> RemotingCommand {
        try await client.invoke(addr, .request(.invokeBrokerToResetOffset, header: h))
    }

    @Test func resetsOneQueueToAnOffsetAndAllQueuesByTime() async throws {
        try await SeededCluster.withTopicT { cluster, client in
            let addr = cluster.brokers[0].brokerAddress!
            let q0 = MessageQueue(topic: "T", brokerName: "broker-a", queueId: 0)
            let max0 = try await client.maxOffset(q0)
            #expect(max0 > 1)

            var r = try await reset(
                client, addr, ResetOffsetRequestHeader(group: "g", topic: "T", timestamp: -1, queueId: 0, offset: 1))
            #expect(r.code == ResponseCode.success.rawValue)
            let body = try r.decodeBody(ResetOffsetBody.self)
            #expect(body.offsetTable.entries.map(\.queue) == [q0])
            #expect(body.offsetTable[q0] == 1)
            #expect(try await client.committedOffset(group: "g", queue: q0, broker: addr) == 1)
            // Offline group: no pending mark, so an ordinary commit still lands.
            #expect(cluster.brokers[0].controller!.core.pendingReset(group: "g", topic: "T", queueId: 0) == nil)

            // Every read queue to its max offset (timestamp -1).
            r = try await reset(client, addr, ResetOffsetRequestHeader(group: "g", topic: "T", timestamp: -1))
            let all = try r.decodeBody(ResetOffsetBody.self).offsetTable.entries.sorted { $0.queue < $1.queue }
            #expect(all.count == 2)
            #expect(all[0].value == max0)
            // By time: a time before every message means the min offset (0).
            r = try await reset(client, addr, ResetOffsetRequestHeader(group: "g", topic: "T", timestamp: 1))
            #expect(try r.decodeBody(ResetOffsetBody.self).offsetTable.entries.allSatisfy { $0.value == 0 })
            #expect(try await client.committedOffset(group: "g", queue: q0, broker: addr) == 0)
            // Nothing in flight after a reset: consume stats' pull offset moved too.
            let stats = try await client.consumeStats(group: "g", topic: "T", broker: addr)
            #expect(stats.offsetTable[q0]?.pullOffset == 0)
            await client.shutdown()
        }
    }

    @Test func refusesBadResetsAndChangesNothing() async throws {
        try await SeededCluster.withTopicT { cluster, client in
            let addr = cluster.brokers[0].brokerAddress!
            let q0 = MessageQueue(topic: "T", brokerName: "broker-a", queueId: 0)
            try await client.updateConsumerOffset(group: "g", queue: q0, offset: 2)
            let max0 = try await client.maxOffset(q0)

            var r = try await reset(
                client, addr,
                ResetOffsetRequestHeader(group: "g", topic: "T", timestamp: -1, queueId: 0, offset: max0 + 5))
            #expect(r.code == ResponseCode.invalidParameter.rawValue)
            #expect(r.remark?.contains("not in consume queue range") == true)
            r = try await reset(
                client, addr, ResetOffsetRequestHeader(group: "g", topic: "T", timestamp: -1, queueId: 7, offset: 0))
            #expect(r.code == ResponseCode.invalidParameter.rawValue)
            r = try await reset(client, addr, ResetOffsetRequestHeader(group: "nobody", topic: "T", timestamp: -1))
            #expect(r.code == ResponseCode.subscriptionGroupNotExist.rawValue)
            r = try await reset(client, addr, ResetOffsetRequestHeader(group: "g", topic: "Nope", timestamp: -1))
            #expect(r.code == ResponseCode.topicNotExist.rawValue)
            #expect(try await client.committedOffset(group: "g", queue: q0, broker: addr) == 2)
            await client.shutdown()
        }
    }

    @Test func onlineGroupIsMovedOnItsNextPullAndStaleCommitsAreIgnored() async throws {
        try await SeededCluster.withTopicT { cluster, client in
            let addr = cluster.brokers[0].brokerAddress!
            let core = cluster.brokers[0].controller!.core
            let q0 = MessageQueue(topic: "T", brokerName: "broker-a", queueId: 0)
            let max0 = try await client.maxOffset(q0)
            try await client.updateConsumerOffset(group: "g", queue: q0, offset: max0)
            // A member of g subscribing to T is online.
            let data = HeartbeatData(
                clientID: "member-1",
                consumerDataSet: [
                    ConsumerData(groupName: "g", subscriptionDataSet: [SubscriptionData(topic: "T", subString: "*")])
                ])
            await client.heartbeat(data, to: [addr])

            _ = try await reset(
                client, addr, ResetOffsetRequestHeader(group: "g", topic: "T", timestamp: -1, queueId: 0, offset: 0))
            #expect(core.pendingReset(group: "g", topic: "T", queueId: 0) == 0)
            // The member commits where it was: ignored while the reset is pending.
            try await client.updateConsumerOffset(group: "g", queue: q0, offset: max0)
            #expect(try await client.committedOffset(group: "g", queue: q0, broker: addr) == 0)
            // Its next pull (from where it was) is told to move to the reset offset.
            var r = try await client.pull(group: "g", queue: q0, offset: max0, commitOffset: max0)
            #expect(r.status == .offsetIllegal)
            #expect(r.nextBeginOffset == 0)
            #expect(core.pendingReset(group: "g", topic: "T", queueId: 0) == nil)
            #expect(try await client.committedOffset(group: "g", queue: q0, broker: addr) == 0)
            // From then on it reads from the new offset and commits count again.
            r = try await client.pull(group: "g", queue: q0, offset: 0)
            #expect(r.status == .found)
            #expect(r.messages.first?.queueOffset == 0)
            try await client.updateConsumerOffset(group: "g", queue: q0, offset: 3)
            #expect(try await client.committedOffset(group: "g", queue: q0, broker: addr) == 3)
            await client.shutdown()
        }
    }

    @Test func resetWakesAHeldPull() async throws {
        try await SeededCluster.withTopicT { cluster, client in
            let addr = cluster.brokers[0].brokerAddress!
            let q0 = MessageQueue(topic: "T", brokerName: "broker-a", queueId: 0)
            let max0 = try await client.maxOffset(q0)
            let data = HeartbeatData(
                clientID: "member-1",
                consumerDataSet: [
                    ConsumerData(groupName: "g", subscriptionDataSet: [SubscriptionData(topic: "T", subString: "*")])
                ])
            await client.heartbeat(data, to: [addr])
            let started = ContinuousClock.now
            async let held = client.pull(group: "g", queue: q0, offset: max0, suspendMillis: 15_000)
            let core = try #require(cluster.brokers[0].controller?.core)
            try await waitUntil("the pull to be held by the broker") { core.holds.count == 1 }
            _ = try await reset(
                client, addr, ResetOffsetRequestHeader(group: "g", topic: "T", timestamp: -1, queueId: 0, offset: 1))
            let r = try await held
            #expect(r.status == .offsetIllegal)
            #expect(r.nextBeginOffset == 1)
            #expect(started.duration(to: .now) < .seconds(5))
            await client.shutdown()
        }
    }

    @Test func clonesOffsetsOfATopicToAnotherGroup() async throws {
        try await SeededCluster.withTopicT { cluster, client in
            let addr = cluster.brokers[0].brokerAddress!
            let q0 = MessageQueue(topic: "T", brokerName: "broker-a", queueId: 0)
            let q1 = MessageQueue(topic: "T", brokerName: "broker-a", queueId: 1)
            try await client.updateConsumerOffset(group: "g", queue: q0, offset: 4)
            try await client.updateConsumerOffset(group: "g", queue: q1, offset: 2)
            try await client.cloneGroupOffset(from: "g", to: "g2", topic: "T", broker: addr)
            #expect(try await client.committedOffset(group: "g2", queue: q0, broker: addr) == 4)
            #expect(try await client.committedOffset(group: "g2", queue: q1, broker: addr) == 2)
            #expect(try await client.groupConfig("g2", broker: addr) != nil)
            await client.shutdown()
        }
    }
}

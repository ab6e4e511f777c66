import Foundation
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

/// Topic writes fanned out by the client over every broker of a cluster, and how it resolves its targets.
@Suite(.serialized) struct TopicWritesTests {
    @Test func createUpdateDeleteFanOutOverTwoBrokers() async throws {
        try await withCluster(brokers: 2) { cluster in
            let client = cluster.client()
            let targets = try await client.clusterInfo().masters(cluster: "DefaultCluster")
            #expect(targets.map(\.brokerName) == ["broker-a", "broker-b"])

            let created = try await client.createTopic(
                TopicConfig(topicName: "Fan", readQueueNums: 4, writeQueueNums: 4), attributes: [:], on: targets,
                ifNotExists: false)
            #expect(created.map(\.outcome) == [.created, .created])

            // Creating again changes nothing and says where it exists.
            await #expect(throws: TopicWriteError.self) {
                _ = try await client.createTopic(
                    TopicConfig(topicName: "Fan"), attributes: [:], on: targets, ifNotExists: false)
            }
            let again = try await client.createTopic(
                TopicConfig(topicName: "Fan"), attributes: [:], on: targets, ifNotExists: true)
            #expect(again.map(\.outcome) == [.unchanged, .unchanged])

            // Update keeps what it does not change.
            let updated = try await client.updateTopic("Fan", change: TopicChange(writeQueueNums: 2), on: targets)
            #expect(updated.map(\.outcome) == [.updated, .updated])
            let onB = try #require(try await client.topicConfig("Fan", broker: targets[1].address))
            #expect(onB.readQueueNums == 4 && onB.writeQueueNums == 2 && onB.perm == 6)
            #expect(
                try await client.updateTopic("Fan", change: TopicChange(writeQueueNums: 2), on: targets).map(\.outcome)
                    == [.unchanged, .unchanged])
            // An unchangeable attribute is refused before anything is written.
            await #expect(throws: TopicWriteError.self) {
                _ = try await client.updateTopic(
                    "Fan", change: TopicChange(attributes: ["+queue.type": "BatchCQ"]), on: targets)
            }
            #expect(try await client.topicConfig("Fan", broker: targets[0].address)?.attributes == [:])
            await #expect(throws: ClientError.topicNotFound("Nope")) {
                _ = try await client.updateTopic("Nope", change: TopicChange(perm: 4), on: targets)
            }

            #expect(await eventually { (try? await client.route(topic: "Fan", refresh: true).queueDatas.count) == 2 })
            let report = try await client.deleteTopic("Fan", on: targets, cluster: "DefaultCluster")
            #expect(report.brokers.map(\.outcome) == [.deleted, .deleted])
            #expect(report.succeeded)
            #expect(try await client.topicConfig("Fan", broker: targets[0].address) == nil)
            await #expect(throws: ClientError.topicNotFound("Fan")) {
                _ = try await client.route(topic: "Fan", refresh: true)
            }
            await #expect(throws: ClientError.topicNotFound("Fan")) {
                _ = try await client.deleteTopic("Fan", on: targets, cluster: nil)
            }
            await client.shutdown()
        }
    }

    @Test func targetsResolveClustersAndBrokers() async throws {
        try await withCluster(brokers: 2) { cluster in
            let client = cluster.client()
            let info = try await client.clusterInfo()
            #expect(try info.resolveCluster(nil) == "DefaultCluster")
            #expect(throws: TargetError.unknownCluster("Other", known: ["DefaultCluster"])) {
                try info.masters(cluster: "Other")
            }
            let b = cluster.brokers[1].brokerAddress!
            #expect(try info.writeTargets(cluster: nil, broker: b).map(\.brokerName) == ["broker-b"])
            #expect(throws: TargetError.self) { try info.writeTargets(cluster: nil, broker: "127.0.0.1:1") }
            #expect(try info.writeTargets(cluster: nil, broker: "127.0.0.1:1", allowUnregistered: true).count == 1)
            var two = info
            two.clusterAddrTable["Second"] = []
            #expect(throws: TargetError.severalClusters(["DefaultCluster", "Second"])) { try two.resolveCluster(nil) }
            await client.shutdown()
        }
    }
}

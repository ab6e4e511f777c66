import Foundation
import Logging
import MQBroker
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import NIOPosix
import Testing

@Suite(.serialized) struct ClusterTests {
    @Test func twoBrokerClusterServesOneTopicFromBoth() async throws {
        let cluster = try await InProcessCluster.start(brokers: 2)
        defer { Task { await cluster.stop() } }
        let client = cluster.client(timeout: .seconds(30))
        for b in cluster.brokers {
            try await client.createTopic(TopicConfig(topicName: "Wide", readQueueNums: 2, writeQueueNums: 2), broker: b.brokerAddress!)
        }
        #expect(await eventually { (try? await client.route(topic: "Wide", refresh: true).queueDatas.count) == 2 })
        let info = try await client.clusterInfo()
        #expect(info.clusterAddrTable["DefaultCluster"] == ["broker-a", "broker-b"])
        #expect(try await client.masterAddresses().count == 2)

        let producer = Producer(group: "pg", client: client)
        var brokersUsed = Set<String>()
        for i in 0..<40 {
            let r = try await producer.send(Message(topic: "Wide", body: "w\(i)", keys: ["w\(i)"]))
            brokersUsed.insert(r.queue.brokerName)
        }
        #expect(brokersUsed == ["broker-a", "broker-b"])
        // Query by key fans out over both brokers.
        #expect(try await client.queryMessages(topic: "Wide", key: "w1").count == 1)
        #expect(try await client.queryMessages(topic: "Wide", key: "w2").count == 1)

        let seen = SeenKeys()
        let consumer = PushConsumer(group: "wide-group", client: client, consumeFromWhere: .firstOffset)
        await consumer.subscribe("Wide")
        try await consumer.start { messages, _ in
            for m in messages { await seen.add(m.properties.keys.first ?? "?") }
            return .success
        }
        #expect(await eventually(timeout: .seconds(20)) { await seen.count(prefix: "w") == 40 })
        #expect(await consumer.assignedQueues.filter { $0.topic == "Wide" }.count == 4)
        await consumer.shutdown()
        await client.shutdown()
    }

    @Test func secondMemberIsNotifiedAndTakesHalfTheQueuesQuickly() async throws {
        let cluster = try await InProcessCluster.start()
        defer { Task { await cluster.stop() } }
        let a = cluster.client()
        let b = cluster.client()
        try await a.createTopic(TopicConfig(topicName: "Split", readQueueNums: 4, writeQueueNums: 4), broker: cluster.brokers[0].brokerAddress!)
        let c1 = PushConsumer(group: "split", client: a)
        await c1.subscribe("Split")
        try await c1.start { _, _ in .success }
        #expect(await eventually(timeout: .seconds(5)) { await c1.assignedQueues.filter { $0.topic == "Split" }.count == 4 })
        let c2 = PushConsumer(group: "split", client: b)
        await c2.subscribe("Split")
        try await c2.start { _, _ in .success }
        // NOTIFY_CONSUMER_IDS_CHANGED makes the first member give up half at once, long before its 10 s timer.
        #expect(await eventually(timeout: .seconds(4)) { await c1.assignedQueues.filter { $0.topic == "Split" }.count == 2 })
        await c2.shutdown()
        #expect(await eventually(timeout: .seconds(4)) { await c1.assignedQueues.filter { $0.topic == "Split" }.count == 4 })
        await c1.shutdown()
        await a.shutdown()
        await b.shutdown()
    }

    @Test func brokerOnlyProcessesRegisterWithASeparateNameServer() async throws {
        let dir = try TempDirectory("roles")
        defer { dir.remove() }
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        var nsOptions = ServerOptions(dataDirectory: dir.sub("ns"))
        nsOptions.role = .namesrv
        nsOptions.nameServerListen = "127.0.0.1:0"
        let ns = MQServer(options: nsOptions, group: MultiThreadedEventLoopGroup.singleton, logger: logger)
        try await ns.start()
        let nsAddr = ns.nameServerAddress!
        let brokers = try ["broker-a", "broker-b"].map { name in
            try BrokerProcess(
                dataDirectory: dir.sub(name),
                arguments: ["--role", "broker", "--namesrv", nsAddr, "--broker-name", name, "--cluster", "C2"])
        }
        defer { for b in brokers { b.stop() } }
        for b in brokers { try await b.waitUntilReady() }
        let client = MQClientInstance(nameServers: [nsAddr], group: MultiThreadedEventLoopGroup.singleton, logger: logger)
        #expect(await eventually { (try? await client.clusterInfo().clusterAddrTable["C2"]?.count) == 2 })
        // A broker that stops unregisters; its route disappears.
        brokers[1].stop()
        #expect(await eventually { (try? await client.clusterInfo().brokerAddrTable.keys.sorted()) == ["broker-a"] })
        await client.shutdown()
        await ns.stop()
    }

    @Test func offsetQueriesByTimeAndEarliestStoreTime() async throws {
        let cluster = try await InProcessCluster.start()
        defer { Task { await cluster.stop() } }
        let client = cluster.client()
        let producer = Producer(group: "pg", client: client)
        let mq = MessageQueue(topic: "Timed", brokerName: "broker-a", queueId: 0)
        _ = try await producer.send(Message(topic: "Timed", body: "seed"))
        let t0 = Int64(Date().timeIntervalSince1970 * 1000)
        for i in 0..<5 { _ = try await producer.send(Message(topic: "Timed", body: "a\(i)"), to: mq) }
        try await Task.sleep(for: .milliseconds(50))
        let t1 = Int64(Date().timeIntervalSince1970 * 1000)
        for i in 0..<5 { _ = try await producer.send(Message(topic: "Timed", body: "b\(i)"), to: mq) }
        let max = try await client.maxOffset(mq)
        let first = try await client.earliestStoreTime(mq)
        #expect(first != nil && first! >= t0 - 1000)
        let atT1 = try await client.searchOffset(mq, timestamp: t1)
        let r = try await client.pull(group: "g", queue: mq, offset: atT1, maxNums: 1)
        #expect(r.messages.first.map { String(buffer: $0.body) }?.hasPrefix("b") == true)
        #expect(try await client.searchOffset(mq, timestamp: Int64.max / 2, upper: true) <= max)
        #expect(try await client.minOffset(mq) == 0)
        await client.shutdown()
    }
}

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
        try await withTeardown {
            let nsAddr = ns.nameServerAddress!
            let brokers = try ["broker-a", "broker-b"].map { name in
                try BrokerProcess(
                    dataDirectory: dir.sub(name),
                    arguments: ["--role", "broker", "--namesrv", nsAddr, "--broker-name", name, "--cluster", "C2"])
            }
            try await withTeardown {
                for b in brokers { try await b.waitUntilReady() }
                let client = MQClientInstance(
                    nameServers: [nsAddr], group: MultiThreadedEventLoopGroup.singleton, logger: logger)
                try await withTeardown {
                    #expect(await eventually { (try? await client.clusterInfo().clusterAddrTable["C2"]?.count) == 2 })
                    // A broker that stops unregisters; its route disappears.
                    brokers[1].stop()
                    #expect(
                        await eventually {
                            (try? await client.clusterInfo().brokerAddrTable.keys.sorted()) == ["broker-a"]
                        })
                } teardown: {
                    await client.shutdown()
                }
            } teardown: {
                try await stopAllChecked(brokers)
            }
        } teardown: {
            await ns.stop()
        }
    }

    @Test func offsetQueriesByTimeAndEarliestStoreTime() async throws {
        try await withCluster { cluster in
            let client = cluster.client()
            let producer = Producer(group: "pg", client: client)
            let mq = MessageQueue(topic: "Timed", brokerName: "broker-a", queueId: 0)
            _ = try await producer.send(Message(topic: "Timed", body: "seed"))
            let t0 = Int64(Date().timeIntervalSince1970 * 1000)
            for i in 0..<5 { _ = try await producer.send(Message(topic: "Timed", body: "a\(i)"), to: mq) }
            // The "b" messages must be stored in a later millisecond than the "a" ones for t1 to tell them apart.
            let aStoredBy = Int64(Date().timeIntervalSince1970 * 1000)
            try await waitUntil("the clock to move past the \"a\" messages' store time", poll: .milliseconds(1)) {
                Int64(Date().timeIntervalSince1970 * 1000) > aStoredBy
            }
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
}

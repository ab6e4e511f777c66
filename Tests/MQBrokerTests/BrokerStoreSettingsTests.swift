import Foundation
import Logging
import MQClient
import MQProtocol
import MQTestSupport
import NIOPosix
import Testing

@testable import MQBroker
@testable import MQStore

/// The store's settings are part of the broker's configuration: what a broker is configured with is what
/// its store runs with.
@Suite(.serialized) struct BrokerStoreSettingsTests {
    static var quiet: Logger {
        var l = Logger(label: "store-settings")
        l.logLevel = .critical
        return l
    }

    /// Level 2 is 7 s here (Apache's default: 5 s). A delayed message's consume-queue tag code is its delivery
    /// time; when recovery rebuilds SCHEDULE_TOPIC_XXXX's queue from the commit log it recomputes it with the
    /// store's levels, so a broker whose levels did not reach the store would come back with the default 5 s.
    @Test func delayLevelsConfiguredOnTheBrokerSurviveAConsumeQueueRebuild() async throws {
        let dir = try TempDirectory("delay-levels")
        defer { dir.remove() }
        let data = dir.sub("data")
        let levels = DelayLevels(millis: [1_000, 7_000, 3_600_000])
        let group = MultiThreadedEventLoopGroup.singleton

        func start() async throws -> (EmbeddedBroker, MQClientInstance) {
            let (client, invoker) = MQClientInstance.inProcess(
                nameServers: [EmbeddedBroker.nameServerAddress], group: group, logger: Self.quiet)
            let broker = EmbeddedBroker(dataDirectory: data, group: group, logger: Self.quiet)
            try await broker.start(invoker: invoker) { $0.store.delayLevels = levels }
            return (broker, client)
        }

        let (first, client) = try await start()
        #expect(first.controller?.core.store.config.settings.delayLevels == levels)
        try await client.createTopic(
            TopicConfig(topicName: "Later", readQueueNums: 1, writeQueueNums: 1), broker: EmbeddedBroker.brokerAddress)
        #expect(await eventually { (try? await client.route(topic: "Later", refresh: true)) != nil })
        var message = Message(topic: "Later", body: "in seven seconds", keys: ["late-1"])
        message.delayTimeLevel = 2
        let sent = try await Producer(group: "pg", client: client).send(message)
        #expect(sent.status == .sendOK)
        await client.shutdown()
        await first.stop()

        // Lose the schedule topic's consume queues: recovery rebuilds them from the commit log.
        try FileManager.default.removeItem(atPath: data + "/store/consumequeue/" + StoreConfig.scheduleTopic)

        let (second, again) = try await start()
        let store = try #require(second.controller?.core.store)
        let entry = try #require(store.queues.queue(StoreConfig.scheduleTopic, 1)?.entry(at: 0))
        let record = try #require(store.message(atCommitLogOffset: entry.commitLogOffset))
        let stored = try decodeRecord(record)
        #expect(stored.properties.keys == ["late-1"])
        #expect(
            entry.tagsCode == stored.storeTimestamp + 7_000,
            "delivery time \(entry.tagsCode - stored.storeTimestamp) ms after storing, configured 7000")
        await again.shutdown()
        await second.stop()
    }

    @Test func delayLevelsParseOnceAndKeepTheirText() throws {
        let parsed = try #require(DelayLevels(parsing: "100ms 1s, 2m 1h 1d"))
        #expect(parsed.millis == [100, 1_000, 120_000, 3_600_000, 86_400_000])
        #expect(parsed.text == "100ms 1s, 2m 1h 1d")
        #expect(parsed.delay(ofLevel: 99) == 86_400_000)
        #expect(DelayLevels(millis: [100, 1_000, 60_000, 7_200_000]).text == "100ms 1s 1m 2h")
        #expect(DelayLevels.apacheDefault.count == 18 && DelayLevels.apacheDefault.delay(ofLevel: 2) == 5_000)
        for bad in ["", "   ", "5", "5x", "-1s", "1s two", "99999999999999999d"] {
            #expect(DelayLevels(parsing: bad) == nil, "\(bad)")
        }
    }
}

import Foundation
import Logging
import MQClient
import MQProtocol
import MQRemoting
import MQTestSupport
import NIOPosix
import Testing

/// POP with a real `mqadmin broker start` process.
@Suite struct PopBrokerProcessTests {
    /// Across kill -9 nothing is flushed or checkpointed at the end: the pop log replayed from the last checkpoint
    /// alone brings back what was popped and not acked, and nothing that was acked.
    @Test func unackedPopsComeBackAfterKillDashNineAndAckedOnesDoNot() async throws {
        let dir = try TempDirectory("pop-crash")
        defer { dir.remove() }
        let data = dir.sub("data")
        // The broker's minimum is Apache's 10 s; the test waits for one redelivery, so it lowers it.
        let arguments = ["--pop-min-invisible-time", "100ms"]
        let invisible: Int64 = 2_000
        var logger = Logger(label: "pop-crash")
        logger.logLevel = .error
        let raw = RemotingClient(group: MultiThreadedEventLoopGroup.singleton, logger: logger)

        try await withBrokerProcess(dataDirectory: data, arguments: arguments) { first in
            let client = TimerMessageTests.client(first.nameServer)
            try await client.createTopic(
                TopicConfig(topicName: "PopCrash", readQueueNums: 1, writeQueueNums: 1), broker: first.broker)
            let producer = Producer(group: "pop-crash-pg", client: client)
            for i in 0..<3 { _ = try await producer.send(Message(topic: "PopCrash", body: "c\(i)")) }
            await client.shutdown()
            let pop = PopConsumeTests.PopClient(raw: raw, broker: first.broker, group: "pop-crash-g", topic: "PopCrash")
            let popped = try await pop.pop(invisible: invisible)
            #expect(popped.messages.count == 3)
            let acked = try #require(popped.handles.first { $0.queueOffset == 0 })
            #expect(try await pop.ack(acked).code == 0)
            first.crash()
        }
        // The group was auto-created by the pop, and the persistence thread writes it soon after: the kill may come
        // first. Make it so, every time: the pop log alone must bring its in-flight messages back.
        try Self.forget(group: "pop-crash-g", in: data + "/config/subscriptionGroup.json")

        try await withBrokerProcess(dataDirectory: data, arguments: arguments) { second in
            let pop = PopConsumeTests.PopClient(raw: raw, broker: second.broker, group: "pop-crash-g", topic: "PopCrash")
            var back: [MessageExt] = []
            try await waitUntil("the two unacked messages to come back", timeout: .seconds(20), poll: .milliseconds(100)) {
                let p = try await pop.pop(invisible: 60_000)
                back += p.messages
                for h in p.handles { #expect(try await pop.ack(h).code == 0) }
                return back.count >= 2
            }
            #expect(back.map { String(buffer: $0.body) }.sorted() == ["c1", "c2"])
            #expect(back.allSatisfy { $0.reconsumeTimes == 1 })
            // Nothing more: the acked one stays consumed, and each unacked one came back once.
            let after = try await pop.pop(invisible: 60_000) { $0.pollTime = Int64(invisible) + 1_500 }
            #expect(after.response.code == ResponseCode.pollingTimeout.rawValue)
        }
        await raw.close()
    }

    /// A popped message waits in the commit log until its ack or redelivery: retention shorter than the longest
    /// invisible time is warned about at start, and the default is not.
    @Test func retentionShorterThanTheLongestInvisibleTimeIsWarnedAbout() async throws {
        let dir = try TempDirectory("pop-retention")
        defer { dir.remove() }
        let warning = "is shorter than the longest POP invisible time (12h)"
        let short = try await withBrokerProcess(dataDirectory: dir.sub("short"), arguments: ["--retention", "6h"]) {
            $0.log
        }
        #expect(short.contains("--retention 6h \(warning): a message popped and not acked may be deleted"))
        let usual = try await withBrokerProcess(dataDirectory: dir.sub("usual")) { $0.log }
        #expect(!usual.contains(warning))
    }

    /// Removes `group` from a broker's subscriptionGroup.json, as if it had never been written.
    static func forget(group: String, in path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let data = try #require(FileManager.default.contents(atPath: path))
        var root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var table = root["subscriptionGroupTable"] as? [String: Any] ?? [:]
        table[group] = nil
        root["subscriptionGroupTable"] = table
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: path))
    }
}

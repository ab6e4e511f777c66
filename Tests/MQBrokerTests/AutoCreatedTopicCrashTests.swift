import Foundation
import Logging
import MQClient
import MQProtocol
import MQTestSupport
import NIOPosix
import Testing

/// A topic the broker creates on a send is written before the send is acknowledged (as Apache does): after a
/// kill -9 right after the sends, every acknowledged message is still readable, not refused as TOPIC_NOT_EXIST
/// because the topic table lost the topic while the commit log kept its messages.
@Suite struct AutoCreatedTopicCrashTests {
    static let topics = (0..<20).map { "Fresh\($0)" }

    @Test func messagesInAutoCreatedTopicsSurviveKillDashNine() async throws {
        let dir = try TempDirectory("autocreate-crash")
        defer { dir.remove() }
        let data = dir.sub("data")
        let sent = try await withBrokerProcess(dataDirectory: data) { first in
            let client = Self.client(first.nameServer)
            let producer = Producer(group: "autocreate-pg", client: client)
            var sent: [String: MessageQueue] = [:]
            for topic in Self.topics {
                let r = try await producer.send(Message(topic: topic, body: "in \(topic)", keys: [topic]))
                #expect(r.status == .sendOK)
                sent[topic] = r.queue
            }
            first.crash()  // at once: the persistence thread may not have written the topic table yet
            await client.shutdown()
            return sent
        }
        try await withBrokerProcess(dataDirectory: data) { second in
            let client = Self.client(second.nameServer)
            try await withTeardown {
                for topic in Self.topics {
                    let queue = try #require(sent[topic])
                    let pulled = try await client.pull(group: "autocreate-check", queue: queue, offset: 0)
                    #expect(pulled.messages.map(\.keys) == [[topic]], "\(topic): \(pulled.status)")
                }
            } teardown: {
                await client.shutdown()
            }
        }
    }

    static func client(_ nameServer: String) -> MQClientInstance {
        var logger = Logger(label: "autocreate-test")
        logger.logLevel = .error
        return MQClientInstance(
            nameServers: [nameServer], group: MultiThreadedEventLoopGroup.singleton, timeout: .seconds(10),
            logger: logger)
    }
}

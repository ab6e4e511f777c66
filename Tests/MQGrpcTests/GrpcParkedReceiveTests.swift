import Foundation
import MQProtocol
import MQTestSupport
import Testing

@testable import MQBroker
@testable import MQGrpc

/// Hardening (design pop-grpc.md §4.10 step 6): receives that find nothing are parked in the broker as POPs, not
/// held by a thread each, and the messages sent later answer them.
@Suite struct GrpcParkedReceiveTests {
    /// The process's threads (Linux: one entry per thread under /proc/self/task).
    static func threadCount() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count
    }

    /// 4 connections × 50 receives (a grpc-swift client opens at most 100 streams on a connection whose server names
    /// no limit, as NIO's HTTP/2 assumes).
    @Test(.timeLimit(.minutes(1))) func manyParkedReceivesHoldNoThreadsAndSendsAnswerEachOnce() async throws {
        let (connections, perConnection) = (4, 50)
        let parked = connections * perConnection
        try await GrpcBroker.with { broker in
            try await broker.withClient { sender in
                _ = try await GrpcReceiveTests.setUp(broker, sender, topic: "R_MANY", count: 0)
                let threadsBefore = try Self.threadCount()
                let received = try await withThrowingTaskGroup(of: [String].self) { tasks in
                    for _ in 0..<connections {
                        tasks.addTask { try await Self.receiveConcurrently(broker, perConnection) }
                    }
                    try await waitUntil("\(parked) receives parked in the broker", timeout: .seconds(30)) {
                        broker.core.popHolds.count(topic: "R_MANY", group: GrpcReceiveTests.group, queueId: -1)
                            == parked
                    }
                    // A thread per parked call would add 200; the event loops and the cooperative pool are fixed.
                    let threadsParked = try Self.threadCount()
                    #expect(threadsParked - threadsBefore < 16, "threads \(threadsBefore) → \(threadsParked)")
                    var sent: [String] = []
                    for i in 0..<parked {
                        let id = String(format: "01AABBCCDDEEFF11000000%08d", i)
                        let message = GrpcSendTests.message("R_MANY", body: "many-\(i)", id: id)
                        let reply = try await sender.sendMessage(
                            GrpcSendTests.request(message), metadata: clientMetadata())
                        #expect(reply.status.code == .ok)
                        sent.append(id)
                    }
                    var received: [String] = []
                    for try await ids in tasks { received += ids }
                    return (sent: sent, got: received)
                }
                // Each parked receive (batch 1) got one message and no message went to two of them.
                #expect(received.got.count == parked)
                #expect(received.got.sorted() == received.sent.sorted())
                #expect(broker.core.popHolds.count(topic: "R_MANY", group: GrpcReceiveTests.group, queueId: -1) == 0)
            }
        }
    }

    /// `count` receives (batch 1, 20 s long poll) at once on one connection: the ids they got.
    static func receiveConcurrently(_ broker: GrpcBroker, _ count: Int) async throws -> [String] {
        try await broker.withClient { client in
            try await withThrowingTaskGroup(of: [String].self) { tasks in
                for _ in 0..<count {
                    tasks.addTask {
                        let request = GrpcReceiveTests.receiveRequest("R_MANY", batch: 1, pollMillis: 20_000)
                        let items = try await GrpcReceiveTests.receive(client, request)
                        return GrpcReceiveTests.messages(items).map(\.systemProperties.messageID)
                    }
                }
                var ids: [String] = []
                for try await got in tasks { ids += got }
                return ids
            }
        }
    }
}

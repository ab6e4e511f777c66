import Foundation
import Logging
import MQProtocol
import MQRemoting
import MQStore
import MQTestSupport
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing

@testable import MQBroker

/// Metadata files are written by the broker's persistence thread, never on an event loop, and outside the
/// tables' locks: with a snapshot write held up (a slow disk), requests keep being answered.
@Suite(.serialized) struct BrokerPersistenceTests {
    static var quiet: Logger {
        var l = Logger(label: "persistence")
        l.logLevel = .critical
        return l
    }

    /// Holds writes of the files whose name ends with `suffix` until released.
    final class WriteGate: Sendable {
        let suffix: String
        private let open: NIOLockedValueBox<Bool>
        private let waiting = NIOLockedValueBox(0)
        init(_ suffix: String, open: Bool = false) {
            self.suffix = suffix
            self.open = NIOLockedValueBox(open)
        }

        var writer: MetadataWriter {
            MetadataWriter { bytes, path in
                if path.hasSuffix(self.suffix) {
                    self.waiting.withLockedValue { $0 += 1 }
                    while !self.open.withLockedValue({ $0 }) { usleep(1000) }
                    self.waiting.withLockedValue { $0 -= 1 }
                }
                try AtomicFile.write(bytes, to: path)
            }
        }
        var held: Int { waiting.withLockedValue { $0 } }
        func release() { open.withLockedValue { $0 = true } }
        func close() { open.withLockedValue { $0 = false } }
    }

    static let address = "127.0.0.1:10911"

    /// A broker on ONE event loop, its metadata written through `gate`, served in-process.
    static func broker(_ dir: TempDirectory, gate: WriteGate, group: any EventLoopGroup) async throws
        -> (BrokerController, InProcessInvoker)
    {
        var config = BrokerConfig(dataDirectory: dir.sub("data"), advertisedAddress: address)
        config.offsetPersistIntervalMillis = 20
        let invoker = InProcessInvoker(group: group)
        let controller = try BrokerController(
            config: config, group: group, invoker: invoker, logger: quiet, writer: gate.writer)
        try controller.core.topics.update(TopicConfig(topicName: "Slow", readQueueNums: 4, writeQueueNums: 4))
        try controller.core.groups.update(SubscriptionGroupConfig(groupName: "slow-g"))
        invoker.register(address: address, processor: controller.core)
        await controller.start()
        return (controller, invoker)
    }

    static func commit(_ invoker: InProcessInvoker, queue: Int32, offset: Int64) async throws -> Int32 {
        let header = UpdateConsumerOffsetRequestHeader(
            consumerGroup: "slow-g", topic: "Slow", queueId: queue, commitOffset: offset)
        return try await invoker.invoke(address, .request(.updateConsumerOffset, header: header), timeout: .seconds(2))
            .code
    }

    @Test func offsetCommitsAreAnsweredWhileASnapshotWriteIsHeldUp() async throws {
        let dir = try TempDirectory("slow-snapshot")
        defer { dir.remove() }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let gate = WriteGate("consumerOffset.json")
        let (controller, invoker) = try await Self.broker(dir, gate: gate, group: group)
        #expect(try await Self.commit(invoker, queue: 0, offset: 1) == ResponseCode.success.rawValue)
        // The next snapshot (every 20 ms) blocks in its write. Before, it ran on an event loop — the only one here.
        #expect(await eventually(timeout: .seconds(10)) { gate.held == 1 }, "the snapshot never started writing")
        // A blocked loop would not even fire the invokes' timeouts: the deadline is the test's own.
        let answered = NIOLockedValueBox(0)
        let inTime = await finishes(within: .seconds(15)) {
            for i in 2...50 {
                if (try? await Self.commit(invoker, queue: 1, offset: Int64(i))) == ResponseCode.success.rawValue {
                    answered.withLockedValue { $0 += 1 }
                }
            }
        }
        gate.release()
        #expect(inTime, "commits were not answered while a snapshot write was held up")
        #expect(answered.withLockedValue { $0 } == 49, "answered \(answered.withLockedValue { $0 }) of 49")
        #expect(controller.core.offsets.offset(group: "slow-g", topic: "Slow", queueId: 1) == 50)
        #expect(await finishes(within: .seconds(20)) { await controller.shutdown() })
        try await group.shutdownGracefully()
        // The last snapshot holds every commit.
        let file = try #require(FileManager.default.contents(atPath: dir.sub("data/config/consumerOffset.json")))
        #expect(String(decoding: file, as: UTF8.self).contains("50"))
    }

    /// A group a heartbeat or pull creates (on an event loop) is not written there: it is in the table at once
    /// and on disk once the persistence thread gets to it.
    @Test func autoCreatedGroupsAreWrittenByThePersistenceThread() async throws {
        let dir = try TempDirectory("auto-create")
        defer { dir.remove() }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        // Open for the admin update in broker(), which is written before it returns.
        let gate = WriteGate("subscriptionGroup.json", open: true)
        let path = dir.sub("data/config/subscriptionGroup.json")
        let (controller, _) = try await Self.broker(dir, gate: gate, group: group)
        gate.close()
        let created = returns(within: 2) { _ = controller.core.groups.findOrCreate("auto-g") }
        #expect(created, "auto-creating a group waited for a file write")
        guard created else {
            gate.release()
            return
        }
        #expect(controller.core.groups.group("auto-g") != nil)
        #expect(await eventually(timeout: .seconds(10)) { gate.held == 1 }, "the persistence thread never wrote")
        gate.release()
        #expect(await eventually(timeout: .seconds(10)) {
            (FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? "")
                .contains("auto-g")
        }, "the persistence thread never wrote the auto-created group")
        #expect(await finishes(within: .seconds(20)) { await controller.shutdown() })
        try await group.shutdownGracefully()
    }
}

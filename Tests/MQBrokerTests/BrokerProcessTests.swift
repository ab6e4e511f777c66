import Foundation
import Logging
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import NIOPosix
import Testing

/// Runs the built `mqadmin broker start` as a real process: crashes, restarts and start-up failures.
@Suite(.serialized) struct BrokerProcessTests {
    static let group = MultiThreadedEventLoopGroup.singleton

    func client(_ ns: String) -> MQClientInstance {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        return MQClientInstance(nameServers: [ns], group: Self.group, timeout: .seconds(10), logger: logger)
    }

    @Test func killDashNineUnderSyncFlushLosesNoAcknowledgedSend() async throws {
        let dir = try TempDirectory("crash")
        defer { dir.remove() }
        let data = dir.sub("data")
        let keys = try await withBrokerProcess(dataDirectory: data, arguments: ["--flush", "sync"]) { first in
            let c = client(first.nameServer)
            let producer = Producer(group: "crash-pg", client: c)
            _ = try await producer.send(Message(topic: "Durable", body: "warm-up", keys: ["warm-up"]))

            let acked = AckedKeys()
            let stop = StopFlag()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var i = 0
                        while !stop.isSet {
                            let key = "w\(worker)-\(i)"
                            i += 1
                            do {
                                let r = try await producer.send(
                                    Message(topic: "Durable", body: "payload \(key)", keys: [key]))
                                if r.status == .sendOK { await acked.add(key) }
                            } catch {
                                // After the kill sends fail; only acknowledged ones count.
                                if stop.isSet { return }
                            }
                        }
                    }
                }
                group.addTask {
                    // Kill mid-stream once enough sends were acknowledged (bounded, for slow machines).
                    _ = await eventually(timeout: .seconds(30), every: .milliseconds(20)) {
                        await acked.keys.count >= 300
                    }
                    first.crash()
                    stop.set()
                }
                try await group.waitForAll()
            }
            await c.shutdown()
            return await acked.keys
        }
        print("kill -9 test: \(keys.count) acknowledged sends before the kill")
        #expect(keys.count > 100, "too few acknowledged sends to prove anything: \(keys.count)")

        try await withBrokerProcess(dataDirectory: data, arguments: ["--flush", "sync"]) { second in
            let c2 = client(second.nameServer)
            var missing: [String] = []
            for key in keys {
                let found = try await c2.queryMessages(topic: "Durable", key: key)
                if found.count != 1 || String(buffer: found[0].body) != "payload \(key)" { missing.append(key) }
            }
            #expect(missing.isEmpty, "acknowledged but lost after kill -9: \(missing.prefix(10)) of \(keys.count)")
            await c2.shutdown()
        }
    }

    @Test func gracefulStopFlushesAndReleasesTheLock() async throws {
        let dir = try TempDirectory("graceful")
        defer { dir.remove() }
        let data = dir.sub("data")
        try await withBrokerProcess(dataDirectory: data) { b in
            let c = client(b.nameServer)
            let p = Producer(group: "pg", client: c)
            for i in 0..<20 { _ = try await p.send(Message(topic: "Kept", body: "v\(i)", keys: ["kept\(i)"])) }
            await c.shutdown()
            b.stop()
            #expect(b.process.terminationStatus == 0)
            #expect(b.log.contains("shutting down"))
        }
        try await withBrokerProcess(dataDirectory: data) { again throws in
            let c2 = client(again.nameServer)
            #expect(try await c2.queryMessages(topic: "Kept", key: "kept19").count == 1)
            await c2.shutdown()
        }
    }

    @Test func secondBrokerOnTheSameDataDirectoryIsRefused() async throws {
        let dir = try TempDirectory("locked")
        defer { dir.remove() }
        let data = dir.sub("data")
        try await withBrokerProcess(dataDirectory: data) { b in
            let r = try runCommand(
                TestPaths.mqadmin,
                ["broker", "start", "--data", data, "--listen", "127.0.0.1:0", "--broker-listen", "127.0.0.1:0"])
            #expect(r.status == 1)
            #expect(r.stderr.contains("in use by another running broker (pid \(b.process.processIdentifier))"))
            #expect(r.stderr.split(separator: "\n").filter { $0.hasPrefix("mqadmin:") }.count == 1)
        }
    }

    @Test func portInUseFailsWithoutTouchingTheDataDirectory() async throws {
        let dir = try TempDirectory("port")
        defer { dir.remove() }
        let blocker = try await ServerBootstrap(group: Self.group).bind(host: "127.0.0.1", port: 0).get()
        try await withTeardown {
            let port = blocker.localAddress!.port!
            let data = dir.sub("never-created")
            let r = try runCommand(
                TestPaths.mqadmin,
                ["broker", "start", "--data", data, "--listen", "127.0.0.1:\(port)", "--broker-listen", "127.0.0.1:0"])
            #expect(r.status != 0)
            #expect(r.stderr.contains("127.0.0.1:\(port)"))
            #expect(!r.stderr.contains("Fatal error"))
            #expect(!FileManager.default.fileExists(atPath: data))
        } teardown: {
            try await blocker.close()
        }
    }

    @Test func dataDirectoryThatIsAFileIsRejected() async throws {
        let dir = try TempDirectory("baddir")
        defer { dir.remove() }
        let file = dir.sub("file")
        _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        let r = try runCommand(
            TestPaths.mqadmin, ["broker", "start", "--data", file, "--listen", "127.0.0.1:0", "--broker-listen", "127.0.0.1:0"])
        #expect(r.status == 5)  // a data directory that cannot be used (BrokerStartRefusalTests has the classes)
        #expect(r.stderr.contains("not a directory"))
        #expect(r.stderr.contains("--data"))
    }
}

actor AckedKeys {
    private(set) var keys: [String] = []
    func add(_ k: String) { keys.append(k) }
}

final class StopFlag: Sendable {
    private let box = NIOLockedBool()
    var isSet: Bool { box.value }
    func set() { box.value = true }
}

final class NIOLockedBool: @unchecked Sendable {
    private let lock = NSLock()
    private var v = false
    var value: Bool {
        get { lock.withLock { v } }
        set { lock.withLock { v = newValue } }
    }
}

import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

/// A real `mqadmin broker start` on damaged or hostile storage: a full disk, a read-only data
/// directory, a commit log cut by a power failure. It refuses writes with a clear error rather than
/// corrupting anything, and on the next start it reports what it found and did.
@Suite(.serialized) struct ReliabilityDamagedStorageTests {
    func randomBody(_ size: Int) -> ByteBuffer {
        var b = ByteBuffer()
        for _ in 0..<size / 8 { b.writeInteger(UInt64.random(in: .min ... .max)) }
        return b
    }

    @Test func diskFullRefusesWritesAndLosesNothingAcknowledged() async throws {
        let dir = try TempDirectory("disk-full")
        defer { dir.remove() }
        // A missing permission fails the test loudly: CI runs as root, where mounting works.
        let fs = try #require(
            Tmpfs(path: dir.sub("fs"), sizeMiB: 4), "cannot mount a 4 MiB tmpfs: this test needs root (mount -t tmpfs)")
        defer { fs.unmount() }
        let data = fs.path + "/data"
        let acked = try await withBrokerProcess(
            dataDirectory: data, arguments: ["--flush", "sync"], logPath: dir.sub("broker.log")
        ) { broker in
            let c = Reliability.client(broker.nameServer)
            try await Reliability.prepare(c, broker: broker.broker, topic: "DiskFull", queues: 2, groups: ["df-g"])
            let producer = Producer(group: "df-pg", client: c)
            var acked: [String] = []
            var refusal: String?
            for i in 0..<2000 {
                let m = Message(topic: "DiskFull", body: randomBody(16 * 1024), keys: ["df-\(i)"])
                do {
                    let r = try await producer.send(m)
                    if r.status == .sendOK { acked.append("df-\(i)") } else { refusal = "\(r.status)" }
                } catch {
                    refusal = "\(error)"
                    break
                }
            }
            let why = try #require(refusal, "4 MiB tmpfs never filled up after \(acked.count) sends")
            print("disk full after \(acked.count) acknowledged 16 KiB sends: \(why)")
            #expect(why.contains("No space left on device"), "\(why)")
            // Refused from now on, with one clear line from the CLI and a non-zero exit.
            let cli = try runCommand(
                TestPaths.mqadmin, ["message", "send", "-n", broker.nameServer, "DiskFull", "more"])
            print("CLI on a full disk: exit \(cli.status): \(cli.stderr)")
            #expect(cli.status != 0)
            #expect(cli.stderr.split(separator: "\n").count == 1 && cli.stderr.hasPrefix("mqadmin: "), "\(cli.stderr)")
            // Offset commits cannot be made durable either: refused, not silently acknowledged.
            let mq = MessageQueue(topic: "DiskFull", brokerName: "broker-a", queueId: 0)
            do {
                try await c.updateConsumerOffset(group: "df-g", queue: mq, offset: 1)
                print("offset commit on a full disk: accepted (the journal record fit)")
            } catch {
                print("offset commit on a full disk: \(error)")
            }
            // Reads keep working.
            let first = try await c.queryMessages(topic: "DiskFull", key: acked[0])
            #expect(first.count == 1)
            #expect(broker.log.contains("No space left on device"), "the broker log should name the cause")
            await c.shutdown()
            broker.stop()
            return acked
        }

        // More space, restart: everything acknowledged is there, every record passes its CRC, writes resume.
        #expect(fs.remount("size=64m"))
        try await withBrokerProcess(
            dataDirectory: data, arguments: ["--flush", "sync"], logPath: dir.sub("broker2.log")
        ) { again in
            let scan = CommitLogScan.scan(dataDirectory: data)
            #expect(scan.crcFailures.isEmpty, "\(scan)")
            let c2 = Reliability.client(again.nameServer)
            var missing: [String] = []
            for key in acked where try await c2.queryMessages(topic: "DiskFull", key: key).count != 1 {
                missing.append(key)
            }
            #expect(missing.isEmpty, "acknowledged before the disk filled up, lost: \(missing.prefix(10))")
            let r = try await Producer(group: "df-pg", client: c2)
                .send(Message(topic: "DiskFull", body: "after", keys: ["after"]))
            #expect(r.status == .sendOK)
            await c2.shutdown()
        }
    }

    @Test func readOnlyDataDirectoryIsRefusedAtStartWithOneLine() async throws {
        let dir = try TempDirectory("read-only")
        defer { dir.remove() }
        // chmod proves nothing as root, so a read-only mount it is; failing to mount fails the test.
        let fs = try #require(
            Tmpfs(path: dir.sub("fs"), sizeMiB: 16), "cannot mount a tmpfs: this test needs root (mount -t tmpfs)")
        defer { fs.unmount() }
        let data = fs.path + "/data"
        try await withBrokerProcess(dataDirectory: data, logPath: dir.sub("broker.log")) { first in
            let c = Reliability.client(first.nameServer)
            _ = try await Producer(group: "ro-pg", client: c)
                .send(Message(topic: "ReadOnly", body: "kept", keys: ["kept"]))
            await c.shutdown()
        }

        #expect(fs.remount("ro"))
        let refused = try BrokerProcess(dataDirectory: data, logPath: dir.sub("refused.log"))
        try await refused.waitForExit()
        let lines = refused.log.split(separator: "\n").filter { $0.hasPrefix("mqadmin: ") }
        print("read-only data directory: exit \(refused.process.terminationStatus): \(lines)")
        #expect(refused.process.terminationStatus != 0)
        #expect(
            lines.count == 1 && lines[0].contains(data) && lines[0].contains("not readable and writable"),
            "\(refused.log)")

        #expect(fs.remount("rw"))
        try await withBrokerProcess(dataDirectory: data, logPath: dir.sub("broker2.log")) { again throws in
            let c2 = Reliability.client(again.nameServer)
            #expect(try await c2.queryMessages(topic: "ReadOnly", key: "kept").count == 1)
            await c2.shutdown()
        }
    }

    /// Simulates a power cut under async flush: the unflushed tail is gone, cut in the middle of a record.
    @Test func commitLogCutMidRecordServesOnlyTheIntactPrefix() async throws {
        let dir = try TempDirectory("power-cut")
        defer { dir.remove() }
        let data = dir.sub("data")
        let count = 200
        try await withBrokerProcess(dataDirectory: data, logPath: dir.sub("broker.log")) { first in
            let c = Reliability.client(first.nameServer)
            try await Reliability.prepare(c, broker: first.broker, topic: "PowerCut", queues: 1, groups: ["pc-g"])
            let producer = Producer(group: "pc-pg", client: c)
            for i in 0..<count {
                let r = try await producer.send(Message(topic: "PowerCut", body: "payload pc-\(i)", keys: ["pc-\(i)"]))
                #expect(r.status == .sendOK && r.queueOffset == Int64(i))
            }
            await c.shutdown()
            first.crash()
        }
        let scan = CommitLogScan.scan(dataDirectory: data)
        #expect(scan.records == count, "\(scan)")
        // Cut in the middle of the record of message 120 (records are in send order: one producer, one queue).
        let keep = 120
        let cut = (scan.recordStarts[keep] + scan.recordStarts[keep + 1]) / 2
        #expect(truncate(data + "/store/commitlog/" + String(format: "%020lld", 0), off_t(cut)) == 0)

        try await withBrokerProcess(dataDirectory: data, logPath: dir.sub("broker2.log")) { second in
            let report = second.log.split(separator: "\n").filter {
                $0.contains("commit log cut at") || $0.contains("recovery")
            }
            print("after the power cut, the broker said: \(report)")
            #expect(second.log.contains("cut commit log at \(scan.recordStarts[keep])"), "\(second.log)")
            #expect(CommitLogScan.scan(dataDirectory: data).crcFailures.isEmpty)
            let c2 = Reliability.client(second.nameServer)
            let mq = MessageQueue(topic: "PowerCut", brokerName: "broker-a", queueId: 0)
            #expect(try await c2.maxOffset(mq) == Int64(keep))
            for i in [0, keep - 1] {
                #expect(try await c2.queryMessages(topic: "PowerCut", key: "pc-\(i)").count == 1, "pc-\(i) lost")
            }
            for i in [keep, keep + 1, count - 1] {
                let found = try await c2.queryMessages(topic: "PowerCut", key: "pc-\(i)")
                #expect(found.isEmpty, "pc-\(i) served past the cut")
            }
            let pulled = try await c2.pull(group: "pc-g", queue: mq, offset: Int64(keep - 1), maxNums: 32)
            #expect(pulled.messages.map { $0.properties.keys } == [["pc-\(keep - 1)"]])
            let r = try await Producer(group: "pc-pg", client: c2)
                .send(Message(topic: "PowerCut", body: "next", keys: ["next"]))
            #expect(r.queueOffset == Int64(keep))
            await c2.shutdown()
        }
    }
}

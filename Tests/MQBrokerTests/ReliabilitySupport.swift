import Foundation
import Logging
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import NIOPosix

/// Helpers shared by the crash-loop and offset-durability tests.
enum Reliability {
    static let group = MultiThreadedEventLoopGroup.singleton

    static func client(_ nameServer: String, timeout: Duration = .seconds(10)) -> MQClientInstance {
        var logger = Logger(label: "reliability")
        logger.logLevel = .critical
        return MQClientInstance(nameServers: [nameServer], group: group, timeout: timeout, logger: logger)
    }

    /// Creates `topic` (queues on `broker-a`) and `groups` on the broker at `address`.
    static func prepare(_ c: MQClientInstance, broker address: String, topic: String, queues: Int32, groups: [String])
        async throws
    {
        try await c.createTopic(
            TopicConfig(topicName: topic, readQueueNums: queues, writeQueueNums: queues), broker: address)
        for g in groups { try await c.updateGroup(SubscriptionGroupConfig(groupName: g), broker: address) }
    }

    /// Operations per second of `op` run by `workers` concurrent loops for `duration`.
    static func rate(
        workers: Int, duration: Duration, _ op: @escaping @Sendable (_ worker: Int, _ i: Int) async throws -> Void
    ) async throws -> Double {
        let start = ContinuousClock.now
        let deadline = start + duration
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for w in 0..<workers {
                group.addTask {
                    var n = 0
                    while ContinuousClock.now < deadline {
                        try await op(w, n)
                        n += 1
                    }
                    return n
                }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(total) / seconds
    }
}

/// Result of reading every commit-log segment of a data directory with the verifying decoder.
struct CommitLogScan: CustomStringConvertible {
    var segments = 0
    var records = 0
    var crcFailures: [String] = []
    /// Global offset of every record, in log order.
    var recordStarts: [Int64] = []
    /// Where the data ended (first zero header in the last segment), as a global offset.
    var end: Int64 = 0

    var description: String {
        "\(records) record(s) in \(segments) segment(s), end \(end), CRC failures \(crcFailures)"
    }

    /// Walks `<data>/store/commitlog/*` record by record, checking each record's body CRC.
    /// A torn tail (announced size beyond the data) counts as a failure only if `strict`.
    static func scan(dataDirectory: String) -> CommitLogScan {
        var out = CommitLogScan()
        let dir = dataDirectory + "/store/commitlog"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { Int64($0) != nil }.sorted()
        for name in names {
            guard let base = Int64(name), let data = FileManager.default.contents(atPath: dir + "/" + name) else {
                continue
            }
            out.segments += 1
            var buffer = ByteBuffer(bytes: data)
            var at = 0
            walk: while at + 8 <= buffer.writerIndex {
                switch MessageDecoder.peek(buffer, at: at) {
                case .blank(let size):
                    at += size
                    break walk
                case .message(let size):
                    guard at + size <= buffer.writerIndex else {
                        out.crcFailures.append("torn record at \(base + Int64(at)) in \(name)")
                        break walk
                    }
                    do {
                        let m = try MessageDecoder.decode(
                            buffer, at: at, options: MessageDecoder.Options(readBody: false, verify: true))
                        if m.commitLogOffset != base + Int64(at) {
                            out.crcFailures.append("record at \(base + Int64(at)) claims \(m.commitLogOffset)")
                        }
                    } catch {
                        out.crcFailures.append("record at \(base + Int64(at)) in \(name): \(error)")
                        break walk
                    }
                    out.records += 1
                    out.recordStarts.append(base + Int64(at))
                    at += size
                case .invalid, .needMoreBytes:
                    // Zeros past the data of the newest segment are its preallocated space.
                    let zero = buffer.getInteger(at: at, as: Int64.self) == 0
                    if !zero { out.crcFailures.append("unreadable record header at \(base + Int64(at)) in \(name)") }
                    break walk
                }
            }
            buffer.moveReaderIndex(to: 0)
            out.end = base + Int64(at)
        }
        return out
    }
}

/// Keys acknowledged by the broker, with the queue and offset it reported.
actor AckLedger {
    struct Entry: Sendable {
        var key: String
        var queueId: Int32
        var queueOffset: Int64
    }
    private(set) var entries: [Entry] = []
    /// Highest acknowledged committed offset per `group|queueId`.
    private(set) var commits: [String: Int64] = [:]
    /// Acknowledged UPDATE_CONSUMER_OFFSET calls.
    private(set) var commitCount = 0

    func ack(_ e: Entry) { entries.append(e) }
    func committed(group: String, queueId: Int32, offset: Int64) {
        let k = "\(group)|\(queueId)"
        commits[k] = max(commits[k] ?? -1, offset)
        commitCount += 1
    }
}

/// A small tmpfs mounted for one test (we run as root here). `nil` when mounting is not permitted
/// (an unprivileged container): the caller then fails the test with a line saying so.
final class Tmpfs: @unchecked Sendable {
    let path: String

    init?(path: String, sizeMiB: Int) {
        self.path = path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let options = "size=\(sizeMiB)m,mode=0700"
        guard let r = try? runCommand("/usr/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", path]), r.status == 0
        else { return nil }
    }

    /// `mount -o remount,<options>` (e.g. "ro", "rw", "size=64m").
    @discardableResult
    func remount(_ options: String) -> Bool {
        (try? runCommand("/usr/bin/mount", ["-o", "remount," + options, path]))?.status == 0
    }

    func unmount() {
        _ = try? runCommand("/usr/bin/umount", ["-l", path])
    }
}

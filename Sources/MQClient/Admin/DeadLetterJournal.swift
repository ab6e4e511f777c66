import Foundation
import MQProtocol

/// One line of a DLQ resend journal. A resend writes `sending` (with the new message id it is about to use) before
/// the send and `sent` or `failed` after it, each flushed to disk before the next step, so a run that dies in
/// between leaves a `sending` line: the message may or may not have been stored, and no later run resends it
/// unless asked to (docs/dlq.md).
public struct DeadLetterJournalLine: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable { case sending, sent, failed }

    public var state: State
    /// Which DLQ message: ``DeadLetter/journalKey``.
    public var key: String
    public var dlqMsgId: String
    public var dlqOffsetMsgId: String
    public var topic: String
    public var newMsgId: String
    /// Where it was resent (name server addresses or the embedded data directory).
    public var target: String
    /// Epoch ms.
    public var time: Int64
    public var error: String?

    public init(
        state: State, key: String, dlqMsgId: String, dlqOffsetMsgId: String, topic: String, newMsgId: String,
        target: String, time: Int64, error: String? = nil
    ) {
        self.state = state
        self.key = key
        self.dlqMsgId = dlqMsgId
        self.dlqOffsetMsgId = dlqOffsetMsgId
        self.topic = topic
        self.newMsgId = newMsgId
        self.target = target
        self.time = time
        self.error = error
    }
}

/// The resend journal of one consumer group: `<journal dir>/dlq-resend.<group>.jsonl`, JSON lines appended and
/// fsync'd one at a time (0600, in the 0700 journal directory), read back by every later resend of the group.
public struct DeadLetterJournal: Sendable {
    public let directory: String
    public let group: String

    public init(directory: String, group: String) {
        self.directory = directory
        self.group = group
    }

    public var path: String { directory + "/dlq-resend." + group + ".jsonl" }

    /// The last line of each key written for `target`; lines of other targets and unreadable lines are ignored.
    public func latest(target: String) -> [String: DeadLetterJournalLine] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        let decoder = JSONDecoder()
        var latest: [String: DeadLetterJournalLine] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let entry = try? decoder.decode(DeadLetterJournalLine.self, from: Data(line)), entry.target == target
            else { continue }
            latest[entry.key] = entry
        }
        return latest
    }

    /// Appends `line` and waits until it is on disk (file and, when the file is new, its directory entry).
    public func append(_ line: DeadLetterJournalLine) throws {
        let fm = FileManager.default
        let isNew = !fm.fileExists(atPath: path)
        if isNew {
            try fm.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // As the offset journal does: an existing directory may be wider than what bodies' ids deserve.
            try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = Array(try encoder.encode(line)) + [UInt8(ascii: "\n")]
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw JournalWriteError(path: path, errno: errno) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw JournalWriteError(path: path, errno: errno) }
            written += n
        }
        guard fsync(fd) == 0 else { throw JournalWriteError(path: path, errno: errno) }
        if isNew {
            let dir = open(directory, O_RDONLY | O_CLOEXEC)
            if dir >= 0 {
                _ = fsync(dir)
                close(dir)
            }
        }
    }
}

/// The resend journal could not be written: the resend stops before sending anything more.
public struct JournalWriteError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var errno: Int32

    public init(path: String, errno: Int32) {
        self.path = path
        self.errno = errno
    }

    public var description: String { "cannot write the journal \(path): \(String(cString: strerror(errno)))" }
}

import Foundation
import MQProtocol

/// One executed offset change, saved before it was applied so it can be undone.
public struct OffsetJournalEntry: Codable, Sendable, Equatable {
    public struct Queue: Codable, Sendable, Equatable {
        public var topic: String
        public var broker: String
        public var queueId: Int32
        /// The committed offset before the change; nil when there was none.
        public var previous: Int64?
        public var new: Int64

        public init(topic: String, broker: String, queueId: Int32, previous: Int64?, new: Int64) {
            self.topic = topic
            self.broker = broker
            self.queueId = queueId
            self.previous = previous
            self.new = new
        }

        public var queue: MessageQueue { MessageQueue(topic: topic, brokerName: broker, queueId: queueId) }
    }

    public var id: String
    public var createdAt: Int64
    /// Where it was applied (name server addresses or the embedded data directory): undo goes there only.
    public var target: String
    public var group: String
    /// The command in words, e.g. "offset reset -t T --to-earliest".
    public var operation: String
    /// Set on the entry an undo writes: the id it undid.
    public var undoOf: String?
    public var queues: [Queue]

    public init(
        id: String, createdAt: Int64, target: String, group: String, operation: String, undoOf: String? = nil,
        queues: [Queue]
    ) {
        self.id = id
        self.createdAt = createdAt
        self.target = target
        self.group = group
        self.operation = operation
        self.undoOf = undoOf
        self.queues = queues
    }

    /// The entry for a plan about to be executed.
    public init(plan: OffsetPlan, id: String, target: String, operation: String, undoOf: String? = nil, now: Int64) {
        self.init(
            id: id, createdAt: now, target: target, group: plan.group, operation: operation, undoOf: undoOf,
            queues: plan.changes.map {
                Queue(
                    topic: $0.queue.topic, broker: $0.queue.brokerName, queueId: $0.queue.queueId, previous: $0.current,
                    new: $0.new)
            })
    }
}

/// The local journal of executed offset changes: one JSON file per change in a private directory
/// (0700; files 0600, written atomically).
public struct OffsetJournal: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// A sortable id: UTC time to the millisecond plus a random suffix.
    public static func newId(now: Date = Date()) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmssSSS'Z'"
        return f.string(from: now) + "-" + String(format: "%04x", UInt16.random(in: 0...UInt16.max))
    }

    public func save(_ entry: OffsetJournalEntry) throws {
        let fm = FileManager.default
        try fm.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // An existing directory may be wider than we want; offsets of production groups are nobody else's business.
        try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(entry)
        let path = directory + "/" + entry.id + ".json"
        let temp = path + ".tmp"
        guard fm.createFile(atPath: temp, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temp])
        }
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temp)
        guard rename(temp, path) == 0 else {
            try? fm.removeItem(atPath: temp)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// Deletes an entry (a change that, in the end, changed nothing).
    public func remove(id: String) throws {
        try FileManager.default.removeItem(atPath: directory + "/" + id + ".json")
    }

    /// Every entry, oldest first. Unreadable files are skipped.
    public func entries() -> [OffsetJournalEntry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let decoder = JSONDecoder()
        return names.filter { $0.hasSuffix(".json") }.compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { return nil }
            return try? decoder.decode(OffsetJournalEntry.self, from: data)
        }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    public func entry(id: String) -> OffsetJournalEntry? {
        entries().first { $0.id == id }
    }

    /// The newest change that is not itself an undo and has not been undone, optionally of one group and
    /// one target (a cluster or data directory).
    public func latestUndoable(group: String? = nil, target: String? = nil) -> OffsetJournalEntry? {
        let all = entries()
        let undone = Self.undoneIds(all)
        return all.last {
            $0.undoOf == nil && !undone.contains($0.id) && (group == nil || $0.group == group)
                && (target == nil || $0.target == target)
        }
    }

    /// Ids of entries whose effect an undo has reverted and that is still in force.
    public func undoneIds() -> Set<String> { Self.undoneIds(entries()) }

    /// An undo is journaled like any change, so it can be undone too; undoing an undo puts its entry's change
    /// back in force. So an entry counts as undone when an undo of it exists that is not itself undone.
    public static func undoneIds(_ entries: [OffsetJournalEntry]) -> Set<String> {
        let undoers = Dictionary(grouping: entries.filter { $0.undoOf != nil }, by: { $0.undoOf! })
        var memo: [String: Bool] = [:]
        func isUndone(_ id: String, depth: Int) -> Bool {
            if let known = memo[id] { return known }
            // A hand-edited journal could loop; a chain longer than the journal is such a loop.
            guard depth <= entries.count else { return false }
            let result = (undoers[id] ?? []).contains { !isUndone($0.id, depth: depth + 1) }
            memo[id] = result
            return result
        }
        return Set(entries.map(\.id).filter { isUndone($0, depth: 0) })
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Logging
import MQProtocol
import NIOConcurrencyHelpers

/// Committed consumer offsets per `topic@group` and queue, persisted in `config/consumerOffset.json`.
///
/// Commits are frequent (every pull may carry one), so they mark the table dirty and append one
/// record to an ``OffsetJournal`` (a write, no fsync); the broker's persistence thread persists the table and
/// starts a new journal generation, and so does shutdown. Under sync flush UPDATE_CONSUMER_OFFSET waits for
/// ``whenCommitsDurable(_:)`` (one fdatasync shared by every pending commit) before it is answered,
/// so an acknowledged commit survives kill -9.
///
/// The table's lock is held for memory work only: a commit's journal append is one write(2), and a
/// snapshot takes the table and rotates the journal in memory; syncing, encoding and writing the file
/// happen after the lock is released, so commits on every event loop go on while a snapshot is written.
public final class ConsumerOffsetManager: Sendable {
    private struct State {
        var table: [String: [Int: Int64]] = [:]
        var dataVersion = DataVersion()
        var dirty = false
        /// Last pulled offsets (not persisted), for ConsumeStats' pullOffset.
        var pulled: [String: [Int: Int64]] = [:]
    }

    private let state = NIOLockedValueBox(State())
    private let file: ConfigFile<ConsumerOffsetSerializeWrapper>
    private let logger: Logger
    private let journal: OffsetJournal
    /// One snapshot at a time (persistence thread, shutdown), so they reach the disk in the order taken.
    private let persisting = NIOLock()

    /// - Parameters:
    ///   - writer, syncFile: how the snapshot is written and the journal synced (tests slow them down).
    init(
        path: String, logger: Logger, writer: MetadataWriter = .atomic,
        syncFile: @escaping @Sendable (Int32) -> Int32 = { fdatasync($0) }
    ) throws {
        file = ConfigFile(path: path, writer: writer)
        self.logger = logger
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        journal = OffsetJournal(directory: directory, syncFile: syncFile)
        let loaded = try file.load()
        let (changes, problems) = journal.replay()
        for problem in problems { logger.warning("consumer-offset journal: \(problem)") }
        state.withLockedValue { s in
            if let loaded {
                s.table = loaded.offsetTable
                s.dataVersion = loaded.dataVersion
            }
            for change in changes { Self.apply(change, to: &s.table) }
            // Fold the replayed journal into the next snapshot so old generations can go.
            s.dirty = !changes.isEmpty
        }
        if !changes.isEmpty {
            logger.info("replayed \(changes.count) consumer-offset change(s) from the journal in \(path)")
        }
        journal.open()
    }

    private static func apply(_ change: OffsetJournal.Change, to table: inout [String: [Int: Int64]]) {
        switch change {
        case .set(let key, let queueId, let offset): table[key, default: [:]][queueId] = offset
        case .remove(let key): table[key] = nil
        }
    }

    /// Calls `done(true)` once every commit made so far is on disk (group commit with other callers),
    /// `done(false)` with the journal broken (disk full, I/O error).
    func whenCommitsDurable(_ done: @escaping @Sendable (Bool) -> Void) {
        journal.whenDurable(journal.position, done)
    }

    /// Why commits can no longer be made durable, if they cannot.
    var journalFailure: String? { journal.failureReason }

    /// The journal's sync rounds so far (tests and cost figures).
    var journalSyncCount: Int { journal.syncCount }

    /// Syncs and closes the journal (after the last ``persistIfDirty()``).
    func close() { journal.close() }

    static func key(topic: String, group: String) -> String { topic + "@" + group }

    /// The committed offset, or -1 when the group never committed for this queue.
    public func offset(group: String, topic: String, queueId: Int32) -> Int64 {
        state.withLockedValue { $0.table[Self.key(topic: topic, group: group)]?[Int(queueId)] } ?? -1
    }

    public func commit(group: String, topic: String, queueId: Int32, offset: Int64) {
        state.withLockedValue { s in
            let k = Self.key(topic: topic, group: group)
            if s.table[k]?[Int(queueId)] != offset {
                s.table[k, default: [:]][Int(queueId)] = offset
                s.dirty = true
                journal.append(.set(key: k, queueId: Int(queueId), offset: offset))
            }
        }
    }

    public func recordPull(group: String, topic: String, queueId: Int32, offset: Int64) {
        state.withLockedValue { $0.pulled[Self.key(topic: topic, group: group), default: [:]][Int(queueId)] = offset }
    }

    public func pulledOffset(group: String, topic: String, queueId: Int32) -> Int64? {
        state.withLockedValue { $0.pulled[Self.key(topic: topic, group: group)]?[Int(queueId)] }
    }

    /// All offsets of a group by topic.
    public func offsets(group: String) -> [String: [Int: Int64]] {
        state.withLockedValue { s in
            var out: [String: [Int: Int64]] = [:]
            for (k, v) in s.table {
                guard let at = k.lastIndex(of: "@"), k[k.index(after: at)...] == group else { continue }
                out[String(k[..<at])] = v
            }
            return out
        }
    }

    /// Groups that committed offsets for a topic.
    public func groups(topic: String) -> [String] {
        state.withLockedValue { s in
            s.table.keys.compactMap { k in
                guard let at = k.lastIndex(of: "@"), k[..<at] == topic else { return nil }
                return String(k[k.index(after: at)...])
            }
        }
    }

    public func removeTopic(_ topic: String) {
        state.withLockedValue { s in
            for k in s.table.keys where k.hasPrefix(topic + "@") {
                s.table[k] = nil
                s.dirty = true
                journal.append(.remove(key: k))
            }
        }
    }

    public func removeGroup(_ group: String) {
        state.withLockedValue { s in
            for k in s.table.keys where k.hasSuffix("@" + group) {
                s.table[k] = nil
                s.dirty = true
                journal.append(.remove(key: k))
            }
        }
    }

    public var snapshot: ConsumerOffsetSerializeWrapper {
        state.withLockedValue { ConsumerOffsetSerializeWrapper(dataVersion: $0.dataVersion, offsetTable: $0.table) }
    }

    /// Writes the table if it changed since the last write, then drops journal generations it covers.
    /// Runs on the persistence thread (and at shutdown), never on an event loop.
    public func persistIfDirty() {
        persisting.withLock {
            let taken: (ConsumerOffsetSerializeWrapper, Int64)? = state.withLockedValue { s in
                guard s.dirty else { return nil }
                s.dirty = false
                s.dataVersion.bump(now: nowMillis())
                // Same lock as the commits: the snapshot holds exactly the generations before the new one.
                // Rotation only swaps descriptors; the table is copied on write. Nothing here touches the disk.
                let generation = journal.rotate()
                return (ConsumerOffsetSerializeWrapper(dataVersion: s.dataVersion, offsetTable: s.table), generation)
            }
            guard let (snapshot, generation) = taken else { return }
            // The older generations' file made durable and closed (a no-op when the group commit already did).
            journal.sync()
            do {
                try file.save { snapshot }
                // Keep the generation before this snapshot's: it completes the previous snapshot (the .bak).
                journal.deleteGenerations(before: generation - 1)
            } catch {
                state.withLockedValue { $0.dirty = true }
                logger.error("cannot persist consumer offsets: \(error)")
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MQStore
import NIOConcurrencyHelpers

/// An append-only journal of consumer-offset changes next to `consumerOffset.json`, so a commit survives
/// kill -9 between two snapshots (the snapshot is written only every few seconds).
///
/// Files are `consumerOffset.journal.<generation>` (format in `OffsetJournal+Records.swift`). Each snapshot
/// starts a new generation (``rotate()``, under the offset table's lock, so the snapshot holds exactly the
/// effects of the older generations); after the snapshot is on disk, generations older than the previous one
/// are deleted (the previous one stays for the snapshot's `.bak`). Loading replays every generation in order
/// over the snapshot: records are absolute values, so replaying ones the snapshot already holds changes nothing.
///
/// Durability goes through the store's ``GroupCommitService``, the one sync-flush mechanism: a position is a
/// byte count over *all* generations (never one file's offset), and ``sync()`` makes every file holding bytes
/// below the position it returns durable — the current generation's and the older ones a rotation retired
/// but nobody synced yet — plus their names in the directory. Rotation does no I/O at all: it only retires
/// the file descriptor, so nothing slow runs under the offset table's lock, and a flush racing a rotation
/// syncs the retired file instead of losing it. Descriptors are closed only by ``sync()`` (after syncing
/// them) and by ``close()``, both under `syncLock`, so no descriptor is closed under a running fdatasync.
final class OffsetJournal: Sendable {
    private struct OpenFile: Equatable {
        var fd: Int32
        var generation: Int64
    }

    private struct State {
        var fd: Int32 = -1
        var generation: Int64 = 0
        /// Bytes appended / made durable over all generations: a record is durable once `durable` passes its end.
        var appended: Int64 = 0
        var durable: Int64 = 0
        /// Older generations' files: complete (no more appends), not yet synced and closed.
        var retired: [OpenFile] = []
        /// Files created so far, and how many of their names a directory fsync covers.
        var created = 0
        var namesSynced = 0
        var failure: String?
        var closed = false
        /// Changes refused after close: a commit made then is in no file and no snapshot, never durable.
        var refused = 0
        var syncs = 0
    }

    let directory: String
    private let state = NIOLockedValueBox(State())
    /// One sync at a time (group-commit thread, persistence, close); descriptors are closed only under it.
    private let syncLock = NIOLock()
    private let commits: GroupCommitService
    /// `fdatasync`; tests slow it down to prove nothing that must stay fast waits for it.
    private let syncFile: @Sendable (Int32) -> Int32

    init(directory: String, syncFile: @escaping @Sendable (Int32) -> Int32 = { fdatasync($0) }) {
        self.directory = directory
        self.syncFile = syncFile
        let journal = WeakJournal()
        commits = GroupCommitService(name: "mqbroker-offset-journal") { journal.value?.sync() }
        journal.value = self
    }

    deinit {
        commits.stop()
        state.withLockedValue { s in
            for file in s.retired { Glibc.close(file.fd) }
            if s.fd >= 0 { Glibc.close(s.fd) }
        }
    }

    /// Starts a new generation after every one on disk (its file is created on the first change, so a
    /// broker that commits nothing leaves no file) and starts the group-commit thread.
    func open() {
        let next = (existingGenerations().last ?? 0) + 1
        state.withLockedValue { $0.generation = next }
        commits.start()
    }

    /// The generation changes are appended to now.
    var generation: Int64 { state.withLockedValue { $0.generation } }

    /// Appends a change (one write(2) into the page cache, no fsync); returns the position to wait for with
    /// ``whenDurable(_:_:)``. Must be called in the order the changes were applied (under the table's lock).
    @discardableResult
    func append(_ change: Change) -> Int64 {
        let record = Self.encode(change)
        return state.withLockedValue { s in
            if s.closed { s.refused += 1 }
            guard s.failure == nil, !s.closed else { return s.appended }
            if s.fd < 0 {
                // No directory fsync here (this runs under the offset table's lock, on an event loop): the next
                // sync() makes the new name durable before anything in the file counts as durable.
                let fd = Glibc.open(path(s.generation), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
                guard fd >= 0 else {
                    s.failure = "cannot create \(path(s.generation)): \(String(cString: strerror(errno)))"
                    return s.appended
                }
                s.fd = fd
                s.created += 1
            }
            guard Self.writeAll(record, to: s.fd) else {
                s.failure = "cannot append to \(path(s.generation)): \(String(cString: strerror(errno)))"
                return s.appended
            }
            s.appended += Int64(record.count)
            return s.appended
        }
    }

    /// Calls `done(true)` once everything appended up to `position` is on disk, `done(false)` if the journal
    /// failed (disk full, I/O error), was closed before it got there, or refused a change after closing.
    /// Never calls `done` under a lock.
    func whenDurable(_ position: Int64, _ done: @escaping @Sendable (Bool) -> Void) {
        let known: Bool? = state.withLockedValue { s in
            if s.failure != nil || s.refused > 0 { return false }
            return s.durable >= position ? true : nil
        }
        if let known { return done(known) }
        if commits.enqueue(position: position, done: done) { return }
        // Not running: closed (close() synced everything before stopping the service) or never opened.
        done(state.withLockedValue { $0.failure == nil && $0.refused == 0 && $0.durable >= position })
    }

    /// The end of everything appended so far (wait for it to cover every change made until now).
    var position: Int64 { state.withLockedValue { $0.appended } }

    /// The reason the journal stopped accepting changes, if it did.
    var failureReason: String? { state.withLockedValue { $0.failure } }

    /// fdatasync rounds made so far (for tests and the cost figures).
    var syncCount: Int { state.withLockedValue { $0.syncs } }

    /// Starts a new generation and returns it. Only retires the current file (no I/O: call it under the
    /// offset table's lock, right after taking the snapshot); the next ``sync()`` makes it durable and closes it.
    func rotate() -> Int64 {
        state.withLockedValue { s in
            if s.fd >= 0 {
                s.retired.append(OpenFile(fd: s.fd, generation: s.generation))
                s.fd = -1
            }
            s.generation += 1
            return s.generation
        }
    }

    /// Makes everything appended so far durable — every file holding those bytes and their names — and closes
    /// the retired files it synced. Returns the durable position, nil once the journal failed. The group-commit
    /// thread's flush; also called by persistence after a rotation and by ``close()``. Never under a table lock.
    @discardableResult
    func sync() -> Int64? {
        syncLock.withLock {
            let (target, current, retired, created, namesSynced, failed) = state.withLockedValue { s in
                (s.appended, OpenFile(fd: s.fd, generation: s.generation), s.retired, s.created, s.namesSynced,
                    s.failure != nil)
            }
            if failed { return nil }
            var problem: String?
            for file in retired + (current.fd >= 0 ? [current] : []) where problem == nil {
                while syncFile(file.fd) != 0 {
                    if errno == EINTR { continue }
                    problem = "cannot sync \(path(file.generation)): \(String(cString: strerror(errno)))"
                    break
                }
            }
            if problem == nil, created > namesSynced { problem = syncDirectory() }
            let durable: Int64? = state.withLockedValue { s in
                s.syncs += 1
                if let problem, s.failure == nil { s.failure = problem }
                guard s.failure == nil else { return nil }
                s.durable = max(s.durable, target)
                s.namesSynced = max(s.namesSynced, created)
                s.retired.removeAll { retired.contains($0) }
                return s.durable
            }
            // Synced and complete: nothing appends to them any more, and only this lock's holder closes.
            if durable != nil { for file in retired { Glibc.close(file.fd) } }
            return durable
        }
    }

    /// Refuses further changes, makes everything appended durable, answers every waiter (through the
    /// group-commit service, outside any lock), ends its thread and closes the files. Idempotent.
    func close() {
        state.withLockedValue { $0.closed = true }
        // Sync before stopping the service: a waiter it refuses from now on finds everything durable already.
        sync()
        commits.stop()
        syncLock.withLock {
            let fds: [Int32] = state.withLockedValue { s in
                defer {
                    s.retired = []
                    s.fd = -1
                }
                return s.retired.map(\.fd) + (s.fd >= 0 ? [s.fd] : [])
            }
            for fd in fds { Glibc.close(fd) }
        }
    }

    /// fsyncs the directory so new files' names survive a power cut; the problem, nil when it worked.
    private func syncDirectory() -> String? {
        let fd = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return "cannot open \(directory): \(String(cString: strerror(errno)))" }
        defer { Glibc.close(fd) }
        return fsync(fd) == 0 ? nil : "cannot sync \(directory): \(String(cString: strerror(errno)))"
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += n
        }
        return true
    }
}

/// Lets the group-commit thread's flush reach the journal without keeping it alive.
private final class WeakJournal: @unchecked Sendable {
    weak var value: OffsetJournal?
}

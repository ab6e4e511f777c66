#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MQProtocol

/// An append-only journal of consumer-offset changes next to `consumerOffset.json`, so a commit
/// survives kill -9 between two snapshots (the snapshot is written only every few seconds).
///
/// Files are `consumerOffset.journal.<generation>`. Each snapshot starts a new generation (under the
/// offset table's lock, so the snapshot holds exactly the effects of the older generations); after the
/// snapshot is on disk, generations older than the previous one are deleted (the previous one stays
/// for the snapshot's `.bak`). Loading replays every generation in order over the snapshot: records
/// are absolute values, so replaying ones the snapshot already holds changes nothing.
///
/// Record: `u32 payload length, u32 CRC32 of the payload, payload`; payload: `u8 kind (1 set,
/// 2 remove), i32 queueId, i64 offset, key (topic@group) as UTF-8`. A torn or corrupt record ends a
/// file (its tail is never appended to: every start opens a new generation).
///
/// Durability: ``whenDurable(_:_:)`` completes after an fdatasync that covers the record — one
/// fdatasync on a dedicated thread serves every commit pending at that moment (group commit).
final class OffsetJournal: @unchecked Sendable {
    enum Change: Equatable {
        case set(key: String, queueId: Int, offset: Int64)
        case remove(key: String)
    }

    static let prefix = "consumerOffset.journal."

    // `lock` guards fd, generation, appended, durable, failure and waiters; `ioLock` serializes
    // fdatasync with rotation (lock order: ioLock, then lock).
    private let lock = NSCondition()
    private let ioLock = NSLock()
    private let directory: String
    private var fd: Int32 = -1
    private(set) var generation: Int64 = 0
    /// Bytes appended / made durable over all generations: a record is durable once `durable` passes its end.
    private var appended: Int64 = 0
    private var durable: Int64 = 0
    private var failure: String?
    private var waiters: [(position: Int64, done: @Sendable (Bool) -> Void)] = []
    private var stopping = false
    private var started = false
    /// fdatasync calls made by the group-commit thread (for tests and the cost figures).
    private(set) var syncCount = 0

    init(directory: String) {
        self.directory = directory
    }

    /// Generations found on disk, oldest first.
    func existingGenerations() -> [Int64] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { n in n.hasPrefix(Self.prefix) ? Int64(n.dropFirst(Self.prefix.count)) : nil }.sorted()
    }

    func path(_ generation: Int64) -> String { directory + "/" + Self.prefix + String(generation) }

    /// Every valid change of every generation, oldest first; `problems` names files cut short.
    func replay() -> (changes: [Change], problems: [String]) {
        var changes: [Change] = []
        var problems: [String] = []
        for g in existingGenerations() {
            guard let data = FileManager.default.contents(atPath: path(g)) else {
                problems.append("cannot read \(path(g))")
                continue
            }
            let bytes = [UInt8](data)
            var at = 0
            while at < bytes.count {
                guard let (change, next) = Self.decode(bytes, at: at) else {
                    problems.append(
                        "\(path(g)): \(bytes.count - at) byte(s) of a torn or corrupt record at \(at) ignored")
                    break
                }
                changes.append(change)
                at = next
            }
        }
        return (changes, problems)
    }

    /// Starts a new generation after every one on disk (its file is created on the first change, so a
    /// broker that commits nothing leaves no file) and starts the group-commit thread.
    func open() {
        let next = (existingGenerations().last ?? 0) + 1
        lock.withLock {
            generation = next
            started = true
        }
        let thread = Thread { [self] in run() }
        thread.name = "mqbroker-offset-journal"
        thread.start()
    }

    /// Appends a change (a write(2), no fsync); returns the position to wait for with ``whenDurable(_:_:)``.
    /// Must be called in the order the changes were applied (under the offset table's lock).
    @discardableResult
    func append(_ change: Change) -> Int64 {
        let record = Self.encode(change)
        return lock.withLock {
            guard failure == nil, !stopping else { return appended }
            if fd < 0 {
                do { try createFile() } catch {
                    failure = "\(error)"
                    return appended
                }
            }
            if !writeAll(record) {
                failure = "cannot append to \(path(generation)): \(String(cString: strerror(errno)))"
                return appended
            }
            appended += Int64(record.count)
            return appended
        }
    }

    /// Calls `done(true)` once everything appended up to `position` is on disk; `done(false)` if the
    /// journal failed (disk full, I/O error) or is closed.
    func whenDurable(_ position: Int64, _ done: @escaping @Sendable (Bool) -> Void) {
        lock.lock()
        if failure != nil || (stopping && durable < position) || !started {
            let ok = failure == nil && durable >= position
            lock.unlock()
            return done(ok)
        }
        if durable >= position {
            lock.unlock()
            return done(true)
        }
        waiters.append((position, done))
        lock.signal()
        lock.unlock()
    }

    /// The end of everything appended so far (wait for it to cover every change made until now).
    var position: Int64 { lock.withLock { appended } }

    /// The reason the journal stopped accepting changes, if it did.
    var failureReason: String? { lock.withLock { failure } }

    /// Starts a new generation (call under the offset table's lock, right after taking the snapshot).
    /// The old file is made durable first, so nothing acknowledged depends on it afterwards.
    func rotate() {
        ioLock.withLock {
            lock.withLock {
                guard failure == nil else { return }
                if fd >= 0 {
                    if fdatasync(fd) != 0 {
                        failure = "cannot sync \(path(generation)): \(String(cString: strerror(errno)))"
                        return
                    }
                    Glibc.close(fd)
                    fd = -1
                }
                durable = appended
                generation += 1
            }
        }
    }

    /// Deletes generations older than `keepFrom` (call once the snapshot taken at a rotation is on disk).
    func deleteGenerations(before keepFrom: Int64) {
        for g in existingGenerations() where g < keepFrom { unlink(path(g)) }
    }

    /// Syncs what is pending, answers every waiter, ends the thread and closes the file.
    func close() {
        lock.withLock {
            stopping = true
            lock.signal()
        }
        ioLock.withLock {
            lock.withLock {
                if fd >= 0 {
                    if failure == nil, fdatasync(fd) == 0 { durable = appended }
                    Glibc.close(fd)
                    fd = -1
                }
                let pending = waiters
                waiters.removeAll()
                for w in pending { w.done(failure == nil && durable >= w.position) }
            }
        }
    }

    // MARK: private

    private func createFile() throws {
        let newFD = Glibc.open(path(generation), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard newFD >= 0 else {
            throw BrokerError.dataDirectoryUnusable(path: path(generation), reason: String(cString: strerror(errno)))
        }
        // The new name must survive a crash before anything acknowledged lands in it.
        let dirFD = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            Glibc.close(dirFD)
        }
        fd = newFD
    }

    private func writeAll(_ bytes: [UInt8]) -> Bool {
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

    private func run() {
        while true {
            lock.lock()
            while waiters.isEmpty && !stopping { lock.wait() }
            if stopping && waiters.isEmpty {
                lock.unlock()
                return
            }
            lock.unlock()
            ioLock.lock()
            lock.lock()
            let target = appended
            let file = fd
            let failed = failure != nil
            lock.unlock()
            // No file yet in this generation: everything appended was synced by the last rotation.
            var ok = !failed
            if ok && file >= 0 && durable < target { ok = fdatasync(file) == 0 }
            lock.lock()
            if ok {
                durable = max(durable, target)
                syncCount += 1
            } else if failure == nil {
                failure = "cannot sync \(path(generation)): \(String(cString: strerror(errno)))"
            }
            let ready = waiters.filter { $0.position <= durable || failure != nil }
            waiters.removeAll { $0.position <= durable || failure != nil }
            let succeeded = failure == nil
            lock.unlock()
            ioLock.unlock()
            for w in ready { w.done(succeeded) }
        }
    }

    static func encode(_ change: Change) -> [UInt8] {
        var payload: [UInt8] = []
        let key: String
        switch change {
        case .set(let k, let queueId, let offset):
            key = k
            payload.append(1)
            appendBE(&payload, UInt32(truncatingIfNeeded: Int32(truncatingIfNeeded: queueId)))
            appendBE(&payload, UInt64(bitPattern: offset))
        case .remove(let k):
            key = k
            payload.append(2)
            appendBE(&payload, UInt32(0))
            appendBE(&payload, UInt64(0))
        }
        payload += Array(key.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(payload.count + 8)
        appendBE(&out, UInt32(payload.count))
        appendBE(&out, payload.withUnsafeBytes { CRC32.checksum($0) })
        return out + payload
    }

    static func decode(_ bytes: [UInt8], at start: Int) -> (Change, Int)? {
        guard bytes.count - start >= 8 else { return nil }
        let length = Int(readBE(bytes, start, 4))
        let crc = UInt32(readBE(bytes, start + 4, 4))
        let body = start + 8
        guard length >= 13, length <= 64 * 1024, bytes.count - body >= length else { return nil }
        let payload = Array(bytes[body..<body + length])
        guard payload.withUnsafeBytes({ CRC32.checksum($0) }) == crc else { return nil }
        let queueId = Int(Int32(bitPattern: UInt32(readBE(payload, 1, 4))))
        let offset = Int64(bitPattern: readBE(payload, 5, 8))
        let key = String(decoding: payload[13...], as: UTF8.self)
        switch payload[0] {
        case 1: return (.set(key: key, queueId: queueId, offset: offset), body + length)
        case 2: return (.remove(key: key), body + length)
        default: return nil
        }
    }

    private static func appendBE<T: FixedWidthInteger>(_ out: inout [UInt8], _ value: T) {
        withUnsafeBytes(of: value.bigEndian) { out += $0 }
    }

    private static func readBE(_ bytes: [UInt8], _ at: Int, _ count: Int) -> UInt64 {
        var v: UInt64 = 0
        for i in 0..<count { v = v << 8 | UInt64(bytes[at + i]) }
        return v
    }
}

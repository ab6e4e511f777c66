#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Identifies a consume queue.
struct QueueKey: Hashable, Sendable {
    var topic: String
    var queueId: Int32
}

/// All consume queues, by topic and queue id, mirroring `consumequeue/<topic>/<queueId>/`.
final class ConsumeQueueTable: @unchecked Sendable {
    let root: String
    let entriesPerFile: Int
    private let queues = Mutex<[String: [Int32: ConsumeQueue]]>([:])

    init(root: String, entriesPerFile: Int) {
        self.root = root
        self.entriesPerFile = entriesPerFile
    }

    /// Opens every queue directory found on disk; returns notes about damaged queues.
    func load() throws(IOFailure) -> [String] {
        var notes = [String]()
        var table = [String: [Int32: ConsumeQueue]]()
        for topic in FileSystem.list(root) where FileSystem.isDirectory(root + "/" + topic) {
            for name in FileSystem.list(root + "/" + topic) {
                guard let queueId = Int32(name), String(queueId) == name else { continue }
                let queue = makeQueue(topic: topic, queueId: queueId)
                if let note = try queue.load() { notes.append(note) }
                table[topic, default: [:]][queueId] = queue
            }
        }
        queues.withLock { $0 = table }
        return notes
    }

    private func makeQueue(topic: String, queueId: Int32) -> ConsumeQueue {
        ConsumeQueue(topic: topic, queueId: queueId, directory: "\(root)/\(topic)/\(queueId)",
            entriesPerFile: entriesPerFile)
    }

    /// The queue, if it exists.
    func queue(_ topic: String, _ queueId: Int32) -> ConsumeQueue? {
        queues.withLock { $0[topic]?[queueId] }
    }

    /// The queue, created (in memory; its directory appears with the first write) if missing.
    func queueOrCreate(_ topic: String, _ queueId: Int32) -> ConsumeQueue {
        queues.withLock { table in
            if let q = table[topic]?[queueId] { return q }
            let q = makeQueue(topic: topic, queueId: queueId)
            table[topic, default: [:]][queueId] = q
            return q
        }
    }

    /// Every queue.
    var all: [ConsumeQueue] {
        queues.withLock { $0.values.flatMap { $0.values } }
    }

    /// Queue ids of `topic`, ascending.
    func queueIds(_ topic: String) -> [Int32] {
        queues.withLock { ($0[topic].map { Array($0.keys) } ?? []).sorted() }
    }

    /// Topics with at least one queue.
    var topics: [String] {
        queues.withLock { Array($0.keys).sorted() }
    }

    /// Where a deleted topic's queue directory waits to be removed: beside `root`, never inside it (any
    /// name inside could be a topic's).
    var trash: String { root + ".deleted" }

    /// Forgets `topic`'s queues (they drop their unwritten tail and write nothing more) and moves their
    /// directory aside with one rename; returns where it went, for ``purge(_:)``. Call it under the store's
    /// put lock, so no put recreates the directory in between. When the rename is impossible the files are
    /// deleted here, as before, under that lock.
    func detach(_ topic: String) -> String? {
        let removed = queues.withLock { $0.removeValue(forKey: topic) }
        let source = root + "/" + topic
        guard FileSystem.isDirectory(source) else {
            for queue in removed?.values ?? [:].values { queue.destroy() }
            return nil
        }
        let target = trash + "/" + topic + "-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        if (try? FileSystem.makeDirectories(trash)) != nil, rename(source, target) == 0 {
            for queue in removed?.values ?? [:].values { queue.retire() }
            return target
        }
        for queue in removed?.values ?? [:].values { queue.destroy() }
        try? FileSystem.removeTree(source)
        return nil
    }

    /// Deletes a directory ``detach(_:)`` set aside (outside the put lock: unlinking big files takes time).
    func purge(_ detached: String?) {
        if let detached { try? FileSystem.removeTree(detached) }
    }

    /// Removes what a crash left in the trash (at open).
    func emptyTrash() {
        try? FileSystem.removeTree(trash)
    }

    /// Max offset of every queue.
    func maxOffsets() -> [QueueKey: Int64] {
        var out = [QueueKey: Int64]()
        for q in all { out[QueueKey(topic: q.topic, queueId: q.queueId)] = q.maxOffset }
        return out
    }

    /// Forgets all queues (after close).
    func close() {
        queues.withLock { $0 = [:] }
    }
}

import Foundation
import Synchronization

/// The persistent key index (`index/`): maps `topic#key` (UNIQ_KEY and each KEYS token) to
/// commit-log offsets through a chain of ``IndexFile``s, newest last. Thread-safe.
///
/// Keys are hashed to 64 bits (FNV-1a over the UTF-8 of `topic#key`), so false positives are
/// practically nonexistent; callers still verify every hit against the stored record.
///
/// Each sealed file has a ``KeyFilter`` (`<file>.bloom`) that lets a lookup skip it without reading its
/// slots. Sealed files opened without a valid filter (older stores, a missing or damaged sidecar) are
/// searched as before while one background thread rebuilds their filters from their entries.
final class IndexService: @unchecked Sendable {
    struct State {
        var files: [IndexFile] = []
        /// Sealed files whose chains a lookup walked, and those its key filter let it skip (tests read these).
        var filesSearched = 0
        var filesSkipped = 0
    }

    let directory: String
    let slotsPerFile: Int
    let entriesPerFile: Int
    private let state = Mutex(State())
    private let rebuilder = ServiceThread(name: "mqstore-index-filter")

    init(directory: String, slotsPerFile: Int, entriesPerFile: Int) {
        self.directory = directory
        self.slotsPerFile = slotsPerFile
        self.entriesPerFile = entriesPerFile
    }

    /// 64-bit FNV-1a of `topic + "#" + key`, computed without building the string.
    static func hash(topic: String, key: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        @inline(__always) func mix(_ b: UInt8) {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01B3
        }
        for b in topic.utf8 { mix(b) }
        mix(UInt8(ascii: "#"))
        for b in key.utf8 { mix(b) }
        return h
    }

    /// Opens the files on disk. Unreadable files are set aside (renamed `.bad`) and reported; an
    /// unsealed file that is not the newest is sealed now.
    func load() throws(IOFailure) -> [String] {
        var notes = [String]()
        var files = [IndexFile]()
        let names = FileSystem.list(directory)
        for base in names.compactMap(OffsetName.parse).sorted() {
            let path = directory + "/" + OffsetName.format(base)
            if let file = try IndexFile.open(path: path) {
                files.append(file)
            } else {
                try FileSystem.remove(path)
                KeyFilter.removeSidecar(path)
                notes.append("deleted unreadable index file \(path)")
            }
        }
        // Sidecars whose index file is gone (a crash between the two deletions).
        let present = Set(files.map(\.path))
        for name in names where name.contains(KeyFilter.sidecarSuffix) {
            let indexPath = directory + "/" + String(name.prefix(20))
            if !present.contains(indexPath) { try? FileSystem.remove(directory + "/" + name) }
        }
        for file in files.dropLast() where !file.sealed { try file.seal() }
        for file in files where file.sealed && file.filter == nil {
            file.filter = KeyFilter.load(indexPath: file.path, entryCount: file.count, endPhyOffset: file.endPhyOffset)
        }
        state.withLock { $0.files = files }
        return notes
    }

    /// Commit-log offset of the newest indexed record, -1 if none.
    var lastIndexedOffset: Int64 {
        state.withLock { s in s.files.last(where: { $0.endPhyOffset >= 0 })?.endPhyOffset ?? -1 }
    }

    /// Store time and offset of the newest entry (QUERY_MESSAGE's index "last update" fields).
    var lastUpdate: (timestamp: Int64, offset: Int64) {
        state.withLock { s in
            guard let f = s.files.last(where: { $0.count > 0 }) else { return (0, 0) }
            return (f.endTimestamp, f.endPhyOffset)
        }
    }

    /// Number of index files.
    var fileCount: Int { state.withLock { $0.files.count } }

    /// Sealed files searched and skipped (key filter said absent) by lookups so far.
    var searchCounts: (searched: Int, skipped: Int) { state.withLock { ($0.filesSearched, $0.filesSkipped) } }

    /// The key filters of sealed files, oldest first (tests).
    func sealedFilters() -> [KeyFilter] { state.withLock { s in s.files.compactMap { $0.sealed ? $0.filter : nil } } }

    /// Sealed files without a usable key filter (searched on every lookup until rebuilt).
    var filesWithoutFilter: Int { state.withLock { s in s.files.count(where: { $0.sealed && $0.filter == nil }) } }

    /// Indexes one record's keys (already hashed). All keys of a record go to the same file.
    func add(keyHashes: [UInt64], commitLogOffset: Int64, storeTimestamp: Int64) throws(IOFailure) {
        guard !keyHashes.isEmpty else { return }
        try state.withLock { s throws(IOFailure) in
            let keys = keyHashes.prefix(entriesPerFile)
            if s.files.last.map({ $0.sealed || $0.count + keys.count > $0.capacity }) ?? true {
                try s.files.last?.seal()
                let path = directory + "/" + OffsetName.format(commitLogOffset)
                if FileSystem.exists(path) { try FileSystem.remove(path) }
                KeyFilter.removeSidecar(path)
                s.files.append(try IndexFile.create(path: path, slotCount: slotsPerFile, capacity: entriesPerFile))
                try FileSystem.syncDirectory(directory)
            }
            try s.files[s.files.count - 1].add(
                keyHashes: keys, commitLogOffset: commitLogOffset, storeTimestamp: storeTimestamp)
        }
    }

    /// Writes buffered entries and fsyncs the newest file. The fsync runs outside the index's lock: puts
    /// (adding keys) and key lookups (QUERY_MESSAGE, on event loops) take it and must not wait for the disk.
    /// Syncing a file sealed meanwhile is harmless (sealing synced it too).
    func flush() throws(IOFailure) {
        let active: IndexFile? = try state.withLock { s throws(IOFailure) -> IndexFile? in
            guard let active = s.files.last else { return nil }
            try active.writePending()
            return active
        }
        try active?.file.sync()
    }

    /// Candidate commit-log offsets for `key` in `topic` stored within [begin, end], newest first,
    /// deduplicated, at most `limit`. Only files whose time range overlaps the window are read.
    func lookup(topic: String, key: String, begin: Int64, end: Int64, limit: Int) -> [Int64] {
        let h = Self.hash(topic: topic, key: key)
        return state.withLock { s -> [Int64] in
            var out = [Int64]()
            for file in s.files.reversed() where file.count > 0 {
                if file.beginTimestamp > end || file.endTimestamp + 1000 < begin { continue }
                if file.sealed {
                    if let filter = file.filter, !filter.mightContain(h) {
                        s.filesSkipped += 1
                        continue
                    }
                    s.filesSearched += 1
                }
                file.lookup(keyHash: h, begin: begin, end: end, limit: limit, into: &out)
                if out.count >= limit { break }
            }
            var seen = Set<Int64>()
            return out.filter { seen.insert($0).inserted }
        }
    }

    /// Drops entries pointing at or past `commitLogEnd` (recovery). Returns how many.
    func truncate(commitLogEnd: Int64) throws(IOFailure) -> Int {
        try state.withLock { s throws(IOFailure) -> Int in
            var dropped = 0
            while let last = s.files.last, last.beginPhyOffset >= commitLogEnd || last.count == 0 {
                dropped += last.count
                try FileSystem.remove(last.path)
                KeyFilter.removeSidecar(last.path)
                s.files.removeLast()
            }
            if let last = s.files.last { dropped += try last.truncate(commitLogEnd: commitLogEnd) }
            return dropped
        }
    }

    /// Deletes sealed files whose entries all point below `commitLogMin`. Returns how many.
    @discardableResult
    func deleteBelow(commitLogMin: Int64) -> Int {
        let victims = state.withLock { s -> [IndexFile] in
            var victims = [IndexFile]()
            while let first = s.files.first, s.files.count > 1, first.endPhyOffset < commitLogMin {
                victims.append(s.files.removeFirst())
            }
            return victims
        }
        for v in victims {
            try? FileSystem.remove(v.path)
            KeyFilter.removeSidecar(v.path)
        }
        return victims.count
    }

    /// Starts rebuilding, on a background thread, the key filters of sealed files opened without a valid one
    /// (after recovery: from then on sealed files do not change). Lookups search those files until their
    /// filter is installed; they never wait for the rebuild.
    func startFilterRebuild() {
        let missing = state.withLock { s in
            s.files.filter { $0.sealed && $0.filter == nil }.map { (file: $0, count: $0.count, end: $0.endPhyOffset) }
        }
        guard !missing.isEmpty else { return }
        rebuilder.start { [self] in
            for m in missing {
                guard let filter = rebuildFilter(m.file, count: m.count) else { return }
                try? filter.write(indexPath: m.file.path, entryCount: m.count, endPhyOffset: m.end)
                let kept = state.withLock { s in
                    guard s.files.contains(where: { $0 === m.file }) else { return false }
                    m.file.filter = filter
                    return true
                }
                // Deleted by retention meanwhile: its sidecar, written above or not, goes too.
                if !kept { KeyFilter.removeSidecar(m.file.path) }
            }
        }
    }

    /// The filter of a sealed file's first `count` entries, nil if reading failed or the store is closing.
    private func rebuildFilter(_ file: IndexFile, count: Int) -> KeyFilter? {
        var filter = KeyFilter(expectedKeys: count)
        let complete = try? file.forEachKeyHash(count: count) { n, h in
            filter.insert(h)
            guard n % 16_384 == 0 else { return true }
            return rebuilder.condition.withLock { rebuilder.phase == .running }
        }
        return complete == true ? filter : nil
    }

    /// Flushes and forgets all files (close); waits for a filter rebuild to stop.
    func close() {
        rebuilder.stop()
        state.withLock { s in
            for f in s.files where !f.sealed { try? f.writePending() }
            s.files = []
        }
    }
}

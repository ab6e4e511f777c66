import Synchronization

/// The persistent key index (`index/`): maps `topic#key` (UNIQ_KEY and each KEYS token) to
/// commit-log offsets through a chain of ``IndexFile``s, newest last. Thread-safe.
///
/// Keys are hashed to 64 bits (FNV-1a over the UTF-8 of `topic#key`), so false positives are
/// practically nonexistent; callers still verify every hit against the stored record.
final class IndexService: @unchecked Sendable {
    struct State {
        var files: [IndexFile] = []
    }

    let directory: String
    let slotsPerFile: Int
    let entriesPerFile: Int
    private let state = Mutex(State())

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
        for base in FileSystem.list(directory).compactMap(OffsetName.parse).sorted() {
            let path = directory + "/" + OffsetName.format(base)
            if let file = try IndexFile.open(path: path) {
                files.append(file)
            } else {
                try FileSystem.remove(path)
                notes.append("deleted unreadable index file \(path)")
            }
        }
        for file in files.dropLast() where !file.sealed { try file.seal() }
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

    /// Indexes one record's keys (already hashed). All keys of a record go to the same file.
    func add(keyHashes: [UInt64], commitLogOffset: Int64, storeTimestamp: Int64) throws(IOFailure) {
        guard !keyHashes.isEmpty else { return }
        try state.withLock { s throws(IOFailure) in
            let keys = keyHashes.prefix(entriesPerFile)
            if s.files.last.map({ $0.sealed || $0.count + keys.count > $0.capacity }) ?? true {
                try s.files.last?.seal()
                let path = directory + "/" + OffsetName.format(commitLogOffset)
                if FileSystem.exists(path) { try FileSystem.remove(path) }
                s.files.append(try IndexFile.create(path: path, slotCount: slotsPerFile, capacity: entriesPerFile))
                try FileSystem.syncDirectory(directory)
            }
            let active = s.files[s.files.count - 1]
            for h in keys {
                try active.add(keyHash: h, commitLogOffset: commitLogOffset, storeTimestamp: storeTimestamp)
            }
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
        for v in victims { try? FileSystem.remove(v.path) }
        return victims.count
    }

    /// Flushes and forgets all files (close).
    func close() {
        state.withLock { s in
            for f in s.files where !f.sealed { try? f.writePending() }
            s.files = []
        }
    }
}

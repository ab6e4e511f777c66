import NIOCore
import Synchronization

/// One consume-queue entry: where a message of this queue sits in the commit log.
struct ConsumeQueueEntry: Equatable {
    static let size = 20

    var commitLogOffset: Int64
    var size: Int32
    var tagsCode: Int64

    /// Zero bytes: a hole (sparse region before a rebuilt queue's first entry, or lost entries).
    var isHole: Bool { size <= 0 }

    func write(to bytes: inout [UInt8]) {
        withUnsafeBytes(of: commitLogOffset.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: size.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: tagsCode.bigEndian) { bytes.append(contentsOf: $0) }
    }

    static func read(_ raw: UnsafeRawBufferPointer, at index: Int) -> ConsumeQueueEntry {
        ConsumeQueueEntry(
            commitLogOffset: Int64(bigEndian: raw.loadUnaligned(fromByteOffset: index, as: Int64.self)),
            size: Int32(bigEndian: raw.loadUnaligned(fromByteOffset: index + 8, as: Int32.self)),
            tagsCode: Int64(bigEndian: raw.loadUnaligned(fromByteOffset: index + 12, as: Int64.self)))
    }
}

/// The consume queue of one topic/queue id: `consumequeue/<topic>/<queueId>/<20-digit start byte offset>`
/// files of `entriesPerFile` 20-byte entries (`Int64 commitLogOffset | Int32 size | Int64 tagsCode`,
/// big-endian); entry n is at byte n × 20 of the concatenated files.
///
/// New entries collect in a small tail buffer that is written in chunks and on every flush tick;
/// reads see it. Nothing in memory grows with the number of messages.
final class ConsumeQueue: @unchecked Sendable {
    struct State {
        /// Start byte offsets of the files on disk, ascending.
        var fileBases: [Int64] = []
        /// Open descriptor of the newest file and, for reads, of one older file.
        var lastFile: (base: Int64, file: DataFile)?
        var readCache: (base: Int64, file: DataFile)?
        /// First valid logical offset.
        var minOffset: Int64 = 0
        /// Logical offset where the bytes on disk end; `pending` continues from here.
        var writtenEnd: Int64 = 0
        var pending: [UInt8] = []
        /// Files written since the last sync.
        var dirty: Set<Int64> = []
    }

    let topic: String
    let queueId: Int32
    let directory: String
    let entriesPerFile: Int
    var fileSize: Int64 { Int64(entriesPerFile * ConsumeQueueEntry.size) }
    private let state = Mutex(State())
    /// Tail bytes written through at once when reached (so the tail stays small).
    static let pendingFlushBytes = 4096

    init(topic: String, queueId: Int32, directory: String, entriesPerFile: Int) {
        self.topic = topic
        self.queueId = queueId
        self.directory = directory
        self.entriesPerFile = entriesPerFile
    }

    // MARK: loading

    /// Reads the file list and sizes. A partial entry at the end (torn write) is cut off. A short or
    /// missing file before the newest one means lost entries: the queue is cut there (and rebuilt
    /// from the commit log by recovery). Returns a note when that happened.
    func load() throws(IOFailure) -> String? {
        var bases = FileSystem.list(directory).compactMap(OffsetName.parse).filter { $0 % fileSize == 0 }.sorted()
        var note: String?
        for (i, base) in bases.enumerated().dropLast() {
            let size = try DataFile.open(path(base), create: false).size()
            guard size < fileSize || bases[i + 1] != base + fileSize else { continue }
            for later in bases[(i + 1)...] { try FileSystem.remove(path(later)) }
            note = "consume queue \(topic)/\(queueId) lost entries after offset "
                + "\((base + size) / Int64(ConsumeQueueEntry.size)) (short or missing file); cut there"
            bases = Array(bases[...i])
            break
        }
        try state.withLock { s throws(IOFailure) in
            s = State()
            s.fileBases = bases
            guard let lastBase = bases.last else { return }
            let file = try DataFile.open(path(lastBase), create: false)
            var size = try file.size()
            if size % Int64(ConsumeQueueEntry.size) != 0 || size > fileSize {
                size = min(fileSize, size - size % Int64(ConsumeQueueEntry.size))
                try file.truncate(to: size)
            }
            s.lastFile = (lastBase, file)
            s.writtenEnd = (lastBase + size) / Int64(ConsumeQueueEntry.size)
            s.minOffset = bases[0] / Int64(ConsumeQueueEntry.size)
        }
        return note
    }

    private func path(_ base: Int64) -> String { directory + "/" + OffsetName.format(base) }

    // MARK: positions

    var maxOffset: Int64 { state.withLock { Self.maxOffset($0) } }
    var minOffset: Int64 { state.withLock { $0.minOffset } }

    private static func maxOffset(_ s: State) -> Int64 {
        s.writtenEnd + Int64(s.pending.count / ConsumeQueueEntry.size)
    }

    // MARK: appending (caller holds the store's put lock)

    /// Adds the entry for `queueOffset`. Idempotent for recovery: an offset below the max is already
    /// there and skipped (returns false); one above it leaves a hole (the region reads as zeros).
    @discardableResult
    func append(queueOffset: Int64, entry: ConsumeQueueEntry) throws(IOFailure) -> Bool {
        try state.withLock { s throws(IOFailure) -> Bool in
            let max = Self.maxOffset(s)
            if queueOffset < max { return false }
            if queueOffset > max {
                try writePending(&s)
                let wasEmpty = s.fileBases.isEmpty
                s.writtenEnd = queueOffset
                if wasEmpty { s.minOffset = queueOffset }
            }
            entry.write(to: &s.pending)
            if s.pending.count >= Self.pendingFlushBytes { try writePending(&s) }
            return true
        }
    }

    /// Writes the tail buffer to the files (without fsync).
    func writePending() throws(IOFailure) {
        try state.withLock { s throws(IOFailure) in try writePending(&s) }
    }

    private func writePending(_ s: inout State) throws(IOFailure) {
        var start = 0
        var logical = s.writtenEnd
        while start < s.pending.count {
            let byteOffset = logical * Int64(ConsumeQueueEntry.size)
            let base = byteOffset - byteOffset % fileSize
            let room = Int(base + fileSize - byteOffset)
            let chunk = min(room, s.pending.count - start)
            let file = try fileForWrite(&s, base: base)
            try file.write(Array(s.pending[start..<(start + chunk)]), at: byteOffset - base)
            s.dirty.insert(base)
            start += chunk
            logical += Int64(chunk / ConsumeQueueEntry.size)
        }
        s.writtenEnd = logical
        s.pending.removeAll(keepingCapacity: true)
    }

    private func fileForWrite(_ s: inout State, base: Int64) throws(IOFailure) -> DataFile {
        if let last = s.lastFile, last.base == base { return last.file }
        if !FileSystem.isDirectory(directory) { try FileSystem.makeDirectories(directory) }
        let file = try DataFile.open(path(base), create: true)
        if !s.fileBases.contains(base) {
            s.fileBases.append(base)
            s.fileBases.sort()
            try FileSystem.syncDirectory(directory)
        }
        if base >= (s.lastFile?.base ?? -1) { s.lastFile = (base, file) }
        return file
    }

    /// Writes the tail and fsyncs every file written since the last call.
    func sync() throws(IOFailure) {
        let files: [DataFile] = try state.withLock { s throws(IOFailure) -> [DataFile] in
            try writePending(&s)
            let dirty = s.dirty
            s.dirty.removeAll()
            return try dirty.sorted().map { base throws(IOFailure) -> DataFile in
                if let last = s.lastFile, last.base == base { return last.file }
                return try DataFile.open(path(base), create: false)
            }
        }
        for file in files { try file.sync() }
    }

    // MARK: reading

    /// Up to `maxCount` entries from `offset` (fewer at the end); holes come back as zero entries.
    func entries(from offset: Int64, maxCount: Int) -> [ConsumeQueueEntry] {
        state.withLock { s -> [ConsumeQueueEntry] in
            let end = min(Self.maxOffset(s), offset + Int64(maxCount))
            guard offset >= s.minOffset, offset < end else { return [] }
            var out = [ConsumeQueueEntry]()
            out.reserveCapacity(Int(end - offset))
            var logical = offset
            // Part on disk, one file at a time.
            while logical < min(end, s.writtenEnd) {
                let byteOffset = logical * Int64(ConsumeQueueEntry.size)
                let base = byteOffset - byteOffset % fileSize
                let count = Int(min(min(end, s.writtenEnd) - logical, (base + fileSize - byteOffset) / 20))
                let bytes = readFile(&s, base: base, at: byteOffset - base, count: count * ConsumeQueueEntry.size)
                bytes.withUnsafeBytes { raw in
                    for i in 0..<count {
                        out.append(i * 20 + 20 <= raw.count ? ConsumeQueueEntry.read(raw, at: i * 20)
                            : ConsumeQueueEntry(commitLogOffset: 0, size: 0, tagsCode: 0))
                    }
                }
                logical += Int64(count)
            }
            // Part still in the tail buffer.
            s.pending.withUnsafeBytes { raw in
                while logical < end {
                    out.append(ConsumeQueueEntry.read(raw, at: Int(logical - s.writtenEnd) * ConsumeQueueEntry.size))
                    logical += 1
                }
            }
            return out
        }
    }

    /// The entry at `offset`, nil outside [min, max).
    func entry(at offset: Int64) -> ConsumeQueueEntry? {
        entries(from: offset, maxCount: 1).first
    }

    private func readFile(_ s: inout State, base: Int64, at position: Int64, count: Int) -> [UInt8] {
        let file: DataFile?
        if let last = s.lastFile, last.base == base {
            file = last.file
        } else if let cached = s.readCache, cached.base == base {
            file = cached.file
        } else if s.fileBases.contains(base), let opened = try? DataFile.open(path(base), create: false) {
            s.readCache = (base, opened)
            file = opened
        } else {
            file = nil
        }
        guard let file else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { raw in (try? file.read(into: raw, at: position)) ?? 0 }
        // Sparse regions and short files read as zeros: holes.
        if n < count { bytes.replaceSubrange(n..<count, with: repeatElement(0, count: count - n)) }
        return bytes
    }

    // MARK: recovery and retention

    /// Drops trailing entries that point at or past `commitLogEnd`, and holes left at the very end by a
    /// torn write. Returns how many entries went.
    func truncate(commitLogEnd: Int64) throws(IOFailure) -> Int {
        let (min, max) = state.withLock { ($0.minOffset, Self.maxOffset($0)) }
        // Offsets grow along the queue, so the bad entries form a suffix: binary search its start.
        var low = min
        var high = max
        while low < high {
            let mid = low + (high - low) / 2
            if let e = entry(at: mid), !e.isHole, e.commitLogOffset + Int64(e.size) > commitLogEnd {
                high = mid
            } else {
                low = mid + 1
            }
        }
        var cut = low
        while cut > min, let e = entry(at: cut - 1), e.isHole { cut -= 1 }
        if cut < max { try truncate(to: cut) }
        return Int(max - cut)
    }

    /// Cuts the queue so that `offset` is the next to be written.
    func truncate(to offset: Int64) throws(IOFailure) {
        try state.withLock { s throws(IOFailure) in
            try writePending(&s)
            let byteOffset = offset * Int64(ConsumeQueueEntry.size)
            for base in s.fileBases.reversed() where base >= byteOffset && base > (s.fileBases.first ?? 0) {
                try FileSystem.remove(path(base))
                s.fileBases.removeLast()
                s.dirty.remove(base)
                if s.readCache?.base == base { s.readCache = nil }
            }
            guard let lastBase = s.fileBases.last else { return }
            let file = try s.lastFile?.base == lastBase
                ? s.lastFile!.file : DataFile.open(path(lastBase), create: false)
            try file.truncate(to: max(0, min(fileSize, byteOffset - lastBase)))
            s.lastFile = (lastBase, file)
            s.dirty.insert(lastBase)
            s.writtenEnd = max(offset, lastBase / Int64(ConsumeQueueEntry.size))
            s.minOffset = min(s.minOffset, s.writtenEnd)
        }
    }

    /// Deletes whole files whose entries all point below `commitLogMin` (never the newest file) and
    /// moves the min offset to the first entry at or above it. Returns the number of files deleted.
    @discardableResult
    func deleteBelow(commitLogMin: Int64) -> Int {
        var deleted = 0
        while true {
            let victim: Int64? = state.withLock { s in
                guard s.fileBases.count > 1 else { return nil }
                let base = s.fileBases[0]
                let lastEntryAt = fileSize - Int64(ConsumeQueueEntry.size)
                let raw = readFile(&s, base: base, at: lastEntryAt, count: ConsumeQueueEntry.size)
                let last = raw.withUnsafeBytes { ConsumeQueueEntry.read($0, at: 0) }
                guard last.isHole || last.commitLogOffset < commitLogMin else { return nil }
                s.fileBases.removeFirst()
                // A deleted file must not be synced (reopened) by the next flush.
                s.dirty.remove(base)
                if s.readCache?.base == base { s.readCache = nil }
                s.minOffset = max(s.minOffset, (base + fileSize) / Int64(ConsumeQueueEntry.size))
                return base
            }
            guard let victim else { break }
            try? FileSystem.remove(path(victim))
            deleted += 1
        }
        correctMinOffset(commitLogMin: commitLogMin)
        return deleted
    }

    /// Moves the min offset past leading holes and entries below `commitLogMin` (binary search:
    /// both only ever form a prefix of the queue).
    func correctMinOffset(commitLogMin: Int64) {
        var low = minOffset
        var high = maxOffset
        while low < high {
            let mid = low + (high - low) / 2
            if let e = entry(at: mid), !e.isHole, e.commitLogOffset >= commitLogMin {
                high = mid
            } else {
                low = mid + 1
            }
        }
        state.withLock { s in s.minOffset = max(s.minOffset, min(low, Self.maxOffset(s))) }
    }

    /// Forgets every entry and file without deleting them (their directory was moved aside to be deleted).
    func retire() {
        state.withLock { $0 = State() }
    }

    /// Deletes all files (topic deletion).
    func destroy() {
        state.withLock { s in
            for base in s.fileBases { try? FileSystem.remove(path(base)) }
            s = State()
        }
    }
}

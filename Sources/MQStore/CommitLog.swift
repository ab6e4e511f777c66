#if canImport(Glibc)
import Glibc
#endif
import MQProtocol
import NIOCore
import Synchronization

/// The commit log: all records of all topics, appended to fixed-size segment files with pwrite and
/// read back with pread. No mmap, so resident memory does not grow with the data.
///
/// Writers are serialized by the store's put lock; this type's own lock only guards the segment
/// list and positions so that readers and the flush thread see a consistent view.
final class CommitLog: @unchecked Sendable {
    struct State {
        var segments: [CommitLogSegment] = []
        /// End of the last complete write: readers never look past it.
        var writePosition: Int64 = 0
        /// Everything below is durable.
        var flushedPosition: Int64 = 0
        var closed = false
    }

    let directory: String
    let segmentSize: Int64
    private let state = Mutex(State())
    /// Serializes fsyncs (group commit thread, maintenance thread, explicit flush).
    private let flushLock = Mutex(0)

    /// A record needs this many bytes left in its segment besides itself, so a BLANK always fits.
    static let blankReserve: Int64 = 8

    init(directory: String, segmentSize: Int64) {
        self.directory = directory
        self.segmentSize = segmentSize
    }

    // MARK: opening

    /// Opens the existing segment files, in order. Throws if one is missing in the middle.
    func load() throws(StoreError) {
        var bases = FileSystem.list(directory).compactMap(OffsetName.parse).sorted()
        // Segments are contiguous; a hole means data was removed by hand.
        for (a, b) in zip(bases, bases.dropFirst()) where b != a + segmentSize {
            throw .corrupt(path: directory,
                reason: "commit-log segment \(OffsetName.format(a + segmentSize)) is missing before "
                    + "\(OffsetName.format(b)), or the segment size changed (configured \(segmentSize) bytes)")
        }
        if let bad = bases.first(where: { $0 % segmentSize != 0 }) {
            throw .corrupt(path: directory,
                reason: "segment \(OffsetName.format(bad)) does not start at a multiple of the configured "
                    + "segment size \(segmentSize); use the segment size the data was written with")
        }
        var segments = [CommitLogSegment]()
        do {
            for base in bases {
                segments.append(CommitLogSegment(base: base, file: try DataFile.open(path(for: base), create: false)))
            }
            if segments.isEmpty {
                segments.append(try createSegment(base: 0))
                bases = [0]
            }
        } catch {
            throw StoreError(error)
        }
        state.withLock {
            $0.segments = segments
            $0.writePosition = segments.last!.base
            $0.flushedPosition = segments.last!.base
        }
    }

    /// Sets the write position found by recovery (everything before it is valid and durable). When
    /// the last segment ends with its BLANK filler, the next segment is created so appends can go on.
    func setRecovered(end: Int64) throws(IOFailure) {
        let last = segments.last!
        if end >= last.base + segmentSize {
            let next = try createSegment(base: last.base + segmentSize)
            state.withLock { $0.segments.append(next) }
        }
        state.withLock {
            $0.writePosition = end
            $0.flushedPosition = end
        }
    }

    func path(for base: Int64) -> String { directory + "/" + OffsetName.format(base) }

    private func createSegment(base: Int64) throws(IOFailure) -> CommitLogSegment {
        let file = try DataFile.open(path(for: base), create: true)
        try FileSystem.syncDirectory(directory)
        return CommitLogSegment(base: base, file: file)
    }

    // MARK: positions

    var writePosition: Int64 { state.withLock { $0.writePosition } }
    var flushedPosition: Int64 { state.withLock { $0.flushedPosition } }
    var minOffset: Int64 { state.withLock { $0.segments.first?.base ?? 0 } }
    var segments: [CommitLogSegment] { state.withLock { $0.segments } }

    func segment(containing offset: Int64) -> CommitLogSegment? {
        state.withLock { s in
            guard let first = s.segments.first, offset >= first.base else { return nil }
            let index = Int((offset - first.base) / segmentSize)
            return index < s.segments.count ? s.segments[index] : nil
        }
    }

    // MARK: writing (caller holds the store's put lock)

    /// Makes room for `length` contiguous bytes and returns where they go: when the current segment
    /// cannot hold them plus the BLANK reserve, writes the BLANK filler and opens the next segment.
    func prepareAppend(length: Int) throws(IOFailure) -> Int64 {
        let (position, last) = state.withLock { ($0.writePosition, $0.segments.last!) }
        let segmentEnd = last.base + segmentSize
        if position + Int64(length) + CommitLog.blankReserve <= segmentEnd { return position }
        var blank = ByteBuffer()
        blank.writeInteger(Int32(segmentEnd - position))
        blank.writeInteger(MessageRecord.blankMagic)
        try last.file.write(blank, at: position - last.base)
        let next = try createSegment(base: segmentEnd)
        state.withLock {
            $0.segments.append(next)
            $0.writePosition = segmentEnd
        }
        return segmentEnd
    }

    /// Writes `bytes` at `position` (from ``prepareAppend(length:)``) and publishes them to readers.
    func append(_ bytes: ByteBuffer, at position: Int64) throws(IOFailure) {
        guard let segment = segment(containing: position) else { throw IOFailure("write", directory, code: EIO) }
        try segment.file.write(bytes, at: position - segment.base)
        state.withLock { $0.writePosition = position + Int64(bytes.readableBytes) }
    }

    // MARK: flushing

    /// Makes everything below `offset` durable (no-op if already). Returns how many fdatasync calls it made.
    @discardableResult
    func flush(upTo offset: Int64) throws(IOFailure) -> Int {
        try flushLock.withLock { count throws(IOFailure) -> Int in
            let (flushed, segments) = state.withLock { ($0.flushedPosition, $0.segments) }
            guard offset > flushed else { return 0 }
            var syncs = 0
            for segment in segments where segment.base + segmentSize > flushed && segment.base < offset {
                try segment.file.sync()
                syncs += 1
            }
            count += syncs
            state.withLock { $0.flushedPosition = max($0.flushedPosition, offset) }
            return syncs
        }
    }

    /// Total fdatasync calls on commit-log segments so far.
    var syncCount: Int { flushLock.withLock { $0 } }

    // MARK: reading

    /// `length` bytes at `offset`, nil if not (entirely) inside one live segment below the write position.
    func read(at offset: Int64, length: Int) -> ByteBuffer? {
        guard length > 0, offset + Int64(length) <= writePosition, let segment = segment(containing: offset),
            offset - segment.base + Int64(length) <= segmentSize,
            let bytes = try? segment.file.read(count: length, at: offset - segment.base),
            bytes.readableBytes == length
        else { return nil }
        return bytes
    }

    /// The whole message record starting at `offset`, nil if there is none (bad offset, BLANK, deleted).
    func readRecord(at offset: Int64) -> ByteBuffer? {
        guard let head = read(at: offset, length: 8) else { return nil }
        guard case .message(let size) = MessageDecoder.peek(head, at: 0) else { return nil }
        return read(at: offset, length: size)
    }

    /// Store timestamp of the record at `offset`, read from its header only.
    func storeTimestamp(at offset: Int64) -> Int64? {
        guard let head = read(at: offset, length: MessageRecord.bornHostPosition + 28),
            case .message = MessageDecoder.peek(head, at: 0),
            let sysFlag = head.getInteger(at: MessageRecord.sysFlagPosition, as: Int32.self)
        else { return nil }
        return head.getInteger(at: MessageRecord.storeTimestampPosition(sysFlag: sysFlag), as: Int64.self)
    }

    // MARK: recovery and retention

    /// Drops everything at and after `offset`: later segments are deleted, the one holding it is cut.
    /// With `setAside`, nothing is deleted: the dropped bytes and segments are kept beside the log
    /// (see ``saveTail(of:from:)``) and their new paths returned.
    func truncate(from offset: Int64, setAside: Bool = false) throws(IOFailure) -> [String] {
        let segments = self.segments
        var deleted = [String]()
        var removed = Set<String>()
        for segment in segments.reversed() where segment.base > offset {
            if setAside {
                deleted.append(try self.setAside(segment))
            } else {
                try FileSystem.remove(segment.path)
                deleted.append(segment.path)
            }
            removed.insert(segment.path)
        }
        let kept = segments.filter { !removed.contains($0.path) }
        if setAside, let last = kept.last, let saved = try saveTail(of: last, from: offset) { deleted.append(saved) }
        if let last = kept.last {
            try last.file.truncate(to: offset - last.base)
            try last.file.sync()
        }
        try FileSystem.syncDirectory(directory)
        state.withLock {
            $0.segments = kept
            $0.writePosition = offset
            $0.flushedPosition = offset
        }
        return deleted
    }

    /// Deletes the oldest segments, but never the one being written, while `shouldDelete` says so.
    /// Returns the deleted segments' bases.
    func deleteOldestSegments(while shouldDelete: (CommitLogSegment) -> Bool) -> [Int64] {
        var deleted = [Int64]()
        while true {
            let candidate: CommitLogSegment? = state.withLock { s in
                guard s.segments.count > 1, let first = s.segments.first, shouldDelete(first) else { return nil }
                s.segments.removeFirst()
                return first
            }
            guard let candidate else { break }
            try? FileSystem.remove(candidate.path)
            deleted.append(candidate.base)
        }
        return deleted
    }

    /// Forgets all segments (after close); in-flight readers keep their file open until done.
    func close() {
        state.withLock {
            $0.segments = []
            $0.closed = true
        }
    }
}

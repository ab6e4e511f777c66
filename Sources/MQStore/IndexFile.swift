/// One key-index file, `index/<20-digit commit-log offset of its first entry>`:
///
/// ```
/// header (64 B): UInt32 magic "MQIX" | UInt32 version 1 | Int32 slotCount | Int32 capacity |
///                Int32 entryCount | UInt32 sealed | Int64 beginTimestamp | Int64 endTimestamp |
///                Int64 beginPhyOffset | Int64 endPhyOffset | 8 B reserved
/// slots  (slotCount × Int32): newest entry number per slot, 0 = empty (written when the file is sealed)
/// entries (24 B each, numbered from 1): UInt64 keyHash | Int64 commitLogOffset |
///                Int32 storeTime − beginTimestamp in seconds | Int32 previous entry in the slot's chain
/// ```
///
/// The active (newest) file keeps its slot table and a ``KeyFilter`` sized for its capacity in memory
/// (both rebuilt from the entries on open) and buffers new entries briefly; sealing writes the filter
/// beside the file (`<file>.bloom`). Sealed files are read with pread only, after their filter, when
/// they have a valid one, says the key may be there. Not thread-safe: the
/// ``IndexService`` lock guards every use (hence the unchecked Sendable).
final class IndexFile: @unchecked Sendable {
    static let headerSize = 64
    static let entrySize = 24
    static let magic: UInt32 = 0x4D51_4958
    static let pendingFlushBytes = 64 * 1024

    struct Entry {
        var keyHash: UInt64
        var commitLogOffset: Int64
        var timeDiff: Int32
        var previous: Int32
    }

    let file: DataFile
    let slotCount: Int
    let capacity: Int
    private(set) var count = 0
    private(set) var sealed = false
    private(set) var beginTimestamp: Int64 = 0
    private(set) var endTimestamp: Int64 = 0
    private(set) var beginPhyOffset: Int64 = -1
    private(set) var endPhyOffset: Int64 = -1
    /// Sealed files: the key filter, nil until a valid one is loaded or rebuilt (the file is then searched).
    var filter: KeyFilter?
    /// Active files only.
    private var slots: [Int32] = []
    private var building: KeyFilter?
    private var pending: [UInt8] = []
    private var writtenCount = 0

    var path: String { file.path }
    var isFull: Bool { count >= capacity }

    private init(file: DataFile, slotCount: Int, capacity: Int) {
        self.file = file
        self.slotCount = slotCount
        self.capacity = capacity
    }

    /// Creates a new, active file.
    static func create(path: String, slotCount: Int, capacity: Int) throws(IOFailure) -> IndexFile {
        let index = IndexFile(file: try DataFile.open(path, create: true), slotCount: slotCount, capacity: capacity)
        try index.file.truncate(to: 0)
        index.slots = [Int32](repeating: 0, count: slotCount)
        index.building = KeyFilter(expectedKeys: capacity)
        index.pending.reserveCapacity(pendingFlushBytes + entrySize)
        try index.writeHeader()
        return index
    }

    /// Opens an existing file; nil if its header is not one of ours. Unsealed files become active
    /// (slot table rebuilt from the entries).
    static func open(path: String) throws(IOFailure) -> IndexFile? {
        let file = try DataFile.open(path, create: false)
        guard let header = try file.readBytes(count: headerSize, at: 0) else { return nil }
        let r = ByteReader(header)
        guard r.u32(0) == magic, r.u32(4) == 1 else { return nil }
        let slotCount = Int(r.i32(8)), capacity = Int(r.i32(12)), count = Int(r.i32(16))
        guard slotCount > 0, capacity > 0, count >= 0, count <= capacity else { return nil }
        let index = IndexFile(file: file, slotCount: slotCount, capacity: capacity)
        index.count = count
        index.writtenCount = count
        index.sealed = r.u32(20) == 1
        index.beginTimestamp = r.i64(24)
        index.endTimestamp = r.i64(32)
        index.beginPhyOffset = r.i64(40)
        index.endPhyOffset = r.i64(48)
        // Entries past the end of the file (lost in a crash) do not count.
        let onDisk = (try file.size() - Int64(index.entriesStart)) / Int64(entrySize) - 1
        if Int64(index.count) > max(0, onDisk) {
            index.count = Int(max(0, onDisk))
            index.writtenCount = index.count
            index.sealed = false
        }
        if !index.sealed { try index.rebuildSlots() }
        return index
    }

    private var entriesStart: Int { IndexFile.headerSize + slotCount * 4 }
    private func entryPosition(_ n: Int) -> Int64 { Int64(entriesStart + n * IndexFile.entrySize) }

    private func rebuildSlots() throws(IOFailure) {
        var slots = [Int32](repeating: 0, count: slotCount)
        var filter = KeyFilter(expectedKeys: capacity)
        let modulus = UInt64(slotCount)
        _ = try forEachKeyHash(count: count) { n, h in
            slots[Int(h % modulus)] = Int32(n)
            filter.insert(h)
            return true
        }
        self.slots = slots
        building = filter
    }

    /// Calls `body` with the number and key hash of entries 1...`count`, read from the file in chunks, until it
    /// returns false (then returns false; also false if the file ends early). Safe without the service's lock on
    /// a sealed file (pread only).
    func forEachKeyHash(count: Int, _ body: (Int, UInt64) -> Bool) throws(IOFailure) -> Bool {
        var n = 1
        let chunkEntries = 16 * 1024
        while n <= count {
            let take = min(chunkEntries, count - n + 1)
            guard let bytes = try file.readBytes(count: take * IndexFile.entrySize, at: entryPosition(n)) else {
                return false
            }
            let r = ByteReader(bytes)
            for i in 0..<take where !body(n + i, r.u64(i * IndexFile.entrySize)) { return false }
            n += take
        }
        return true
    }

    // MARK: writing

    /// Adds one entry per key hash of one record, all → `commitLogOffset` (caller checks they fit), then writes the
    /// buffer if it is full. Only here, between records: the written header names the newest record, and recovery
    /// re-indexes only records after it, so a write holding some of a record's keys would lose the rest in a crash.
    func add(keyHashes: some Collection<UInt64>, commitLogOffset: Int64, storeTimestamp: Int64) throws(IOFailure) {
        if count == 0 {
            beginTimestamp = storeTimestamp
            beginPhyOffset = commitLogOffset
        }
        let diff = Int32(clamping: max(0, (storeTimestamp - beginTimestamp) / 1000))
        for keyHash in keyHashes {
            let slot = Int(keyHash % UInt64(slotCount))
            let number = count + 1
            // One 24-byte append per entry; the tuple has exactly the on-disk layout.
            var entry = (keyHash.bigEndian, commitLogOffset.bigEndian, diff.bigEndian, slots[slot].bigEndian)
            withUnsafeBytes(of: &entry) { pending.append(contentsOf: $0) }
            slots[slot] = Int32(number)
            building?.insert(keyHash)
            count = number
        }
        endTimestamp = max(endTimestamp, storeTimestamp)
        endPhyOffset = commitLogOffset
        if pending.count >= IndexFile.pendingFlushBytes { try writePending() }
    }

    /// Writes buffered entries, then the header that makes them count.
    func writePending() throws(IOFailure) {
        guard !pending.isEmpty else { return }
        try file.write(pending, at: entryPosition(writtenCount + 1))
        writtenCount = count
        pending.removeAll(keepingCapacity: true)
        try writeHeader()
    }

    /// Writes the slot table and marks the file sealed; the in-memory table is released. The key filter built
    /// while the file was active is kept and written beside it; if that write fails the filter still serves
    /// this run, and the next open rebuilds it.
    func seal() throws(IOFailure) {
        // Already sealed (a sealed newest file found at open): its slots and filter are on disk as they are.
        guard !sealed else { return }
        try writePending()
        var table = [UInt8]()
        table.reserveCapacity(slotCount * 4)
        for s in slots { withUnsafeBytes(of: s.bigEndian) { table.append(contentsOf: $0) } }
        try file.write(table, at: Int64(IndexFile.headerSize))
        sealed = true
        try writeHeader()
        try file.sync()
        slots = []
        filter = building
        building = nil
        try? filter?.write(indexPath: path, entryCount: count, endPhyOffset: endPhyOffset)
    }

    private func writeHeader() throws(IOFailure) {
        var h = [UInt8]()
        h.reserveCapacity(IndexFile.headerSize)
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.bigEndian) { h.append(contentsOf: $0) } }
        put(IndexFile.magic)
        put(UInt32(1))
        put(Int32(slotCount))
        put(Int32(capacity))
        put(Int32(writtenCount))
        put(UInt32(sealed ? 1 : 0))
        put(beginTimestamp)
        put(endTimestamp)
        put(beginPhyOffset)
        put(endPhyOffset)
        put(Int64(0))
        try file.write(h, at: 0)
    }

    // MARK: reading

    /// Entry `n` (1-based), from the buffer or the file.
    func entry(_ n: Int) -> Entry? {
        guard n >= 1, n <= count else { return nil }
        if n > writtenCount {
            let at = (n - writtenCount - 1) * IndexFile.entrySize
            return Self.decode(ByteReader(Array(pending[at..<(at + IndexFile.entrySize)])), at: 0)
        }
        guard let bytes = try? file.readBytes(count: IndexFile.entrySize, at: entryPosition(n)) else { return nil }
        return Self.decode(ByteReader(bytes), at: 0)
    }

    private static func decode(_ r: ByteReader, at i: Int) -> Entry {
        Entry(keyHash: r.u64(i), commitLogOffset: r.i64(i + 8), timeDiff: r.i32(i + 16), previous: r.i32(i + 20))
    }

    /// Head of the chain for `keyHash`.
    func slotHead(_ keyHash: UInt64) -> Int {
        let slot = Int(keyHash % UInt64(slotCount))
        if !sealed { return Int(slots[slot]) }
        guard let bytes = try? file.readBytes(count: 4, at: Int64(IndexFile.headerSize + slot * 4)) else { return 0 }
        return Int(ByteReader(bytes).i32(0))
    }

    /// Commit-log offsets of entries for `keyHash` stored within [begin, end] (ms, with one second of
    /// slack for the stored second resolution), newest first, at most `limit`.
    func lookup(keyHash: UInt64, begin: Int64, end: Int64, limit: Int, into out: inout [Int64]) {
        var n = slotHead(keyHash)
        var steps = 0
        while n > 0, n <= count, out.count < limit, steps <= count {
            guard let e = entry(n) else { break }
            let time = beginTimestamp + Int64(e.timeDiff) * 1000
            if time + 1000 < begin { break }  // chains run newest to oldest
            if e.keyHash == keyHash && time <= end { out.append(e.commitLogOffset) }
            // A chain only points backwards; anything else is damage, stop rather than loop.
            guard e.previous < n else { break }
            n = Int(e.previous)
            steps += 1
        }
    }

    // MARK: recovery

    /// Drops entries pointing at or past `commitLogEnd`; the file becomes active again if it was sealed.
    /// Returns how many entries were dropped.
    func truncate(commitLogEnd: Int64) throws(IOFailure) -> Int {
        try writePending()
        var keep = count
        var lastKept: Entry?
        while keep > 0, let e = entry(keep) {
            if e.commitLogOffset < commitLogEnd {
                lastKept = e
                break
            }
            keep -= 1
        }
        let dropped = count - keep
        guard dropped > 0 else { return 0 }
        count = keep
        writtenCount = keep
        sealed = false
        filter = nil
        KeyFilter.removeSidecar(path)
        endPhyOffset = lastKept?.commitLogOffset ?? -1
        endTimestamp = lastKept.map { beginTimestamp + Int64($0.timeDiff) * 1000 } ?? beginTimestamp
        if keep == 0 { beginPhyOffset = -1 }
        try file.truncate(to: entryPosition(keep + 1))
        try rebuildSlots()
        try writeHeader()
        try file.sync()
        return dropped
    }
}

/// Big-endian reads from a byte array at fixed positions.
struct ByteReader {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func u64(_ at: Int) -> UInt64 {
        var v: UInt64 = 0
        for i in 0..<8 { v = v << 8 | UInt64(bytes[at + i]) }
        return v
    }
    func i64(_ at: Int) -> Int64 { Int64(bitPattern: u64(at)) }
    func u32(_ at: Int) -> UInt32 {
        var v: UInt32 = 0
        for i in 0..<4 { v = v << 8 | UInt32(bytes[at + i]) }
        return v
    }
    func i32(_ at: Int) -> Int32 { Int32(bitPattern: u32(at)) }
    func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1]) }
}

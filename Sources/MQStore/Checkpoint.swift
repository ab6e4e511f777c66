import MQProtocol

/// The `checkpoint` file: how far the commit log, consume queues and index were durable at the
/// last flush tick, written with ``AtomicFile``. Binary, big-endian, CRC-protected:
///
/// `"MQCK" | UInt32 version 1 | Int64 commitLogFlushed | Int64 dispatched | Int64 indexedUpTo |
///  Int64 verifyFrom | Int64 timestamp | UInt32 queueCount |
///  queueCount × (UInt16 topicLength | topic | Int32 queueId | Int64 maxOffset) | UInt32 CRC-32 of everything before`
struct Checkpoint: Equatable {
    static let magic: UInt32 = 0x4D51_434B

    /// Commit-log bytes below this were fsynced.
    var commitLogFlushed: Int64
    /// Every record below this was in the consume queues and index when they were fsynced.
    var dispatched: Int64
    /// Newest commit-log offset the index held then (-1: none).
    var indexedUpTo: Int64
    /// A record boundary some way (``StoreConfig/recoveryVerifyTailBytes``) before `commitLogFlushed`:
    /// recovery CRC-checks every record from here on.
    var verifyFrom: Int64
    /// When it was written (ms).
    var timestamp: Int64
    /// Max offset of every consume queue then; fewer entries on open means a queue lost data.
    var queueMaxOffsets: [QueueKey: Int64]

    func encoded() -> [UInt8] {
        var out = [UInt8]()
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) } }
        put(Checkpoint.magic)
        put(UInt32(1))
        put(commitLogFlushed)
        put(dispatched)
        put(indexedUpTo)
        put(verifyFrom)
        put(timestamp)
        put(UInt32(queueMaxOffsets.count))
        let sorted = queueMaxOffsets.sorted { ($0.key.topic, $0.key.queueId) < ($1.key.topic, $1.key.queueId) }
        for (key, max) in sorted {
            let topic = Array(key.topic.utf8.prefix(Int(UInt16.max)))
            put(UInt16(topic.count))
            out += topic
            put(key.queueId)
            put(max)
        }
        put(CRC32.checksum(out))
        return out
    }

    init(commitLogFlushed: Int64, dispatched: Int64, indexedUpTo: Int64, verifyFrom: Int64, timestamp: Int64,
        queueMaxOffsets: [QueueKey: Int64])
    {
        self.commitLogFlushed = commitLogFlushed
        self.dispatched = dispatched
        self.indexedUpTo = indexedUpTo
        self.verifyFrom = verifyFrom
        self.timestamp = timestamp
        self.queueMaxOffsets = queueMaxOffsets
    }

    /// Parses a checkpoint; nil if the bytes are damaged in any way.
    init?(bytes: [UInt8]) {
        guard bytes.count >= 56, CRC32.checksum(bytes.dropLast(4)) == ByteReader(bytes).u32(bytes.count - 4)
        else { return nil }
        let r = ByteReader(bytes)
        guard r.u32(0) == Checkpoint.magic, r.u32(4) == 1 else { return nil }
        commitLogFlushed = r.i64(8)
        dispatched = r.i64(16)
        indexedUpTo = r.i64(24)
        verifyFrom = r.i64(32)
        timestamp = r.i64(40)
        let count = Int(r.u32(48))
        var at = 52
        var queues = [QueueKey: Int64]()
        for _ in 0..<count {
            guard at + 2 <= bytes.count - 4 else { return nil }
            let length = Int(r.u16(at))
            at += 2
            guard at + length + 12 <= bytes.count - 4 else { return nil }
            let topic = String(decoding: bytes[at..<(at + length)], as: UTF8.self)
            at += length
            queues[QueueKey(topic: topic, queueId: r.i32(at))] = r.i64(at + 4)
            at += 12
        }
        guard at == bytes.count - 4 else { return nil }
        queueMaxOffsets = queues
    }
}

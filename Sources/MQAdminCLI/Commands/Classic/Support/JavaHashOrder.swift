import MQProtocol

/// The order a fresh `java.util.HashSet` / `HashMap` iterates what was added to it, one by one, in `items`'
/// order: by bucket (the spread hash masked by a capacity that starts at 16 and doubles past 3/4 full), then
/// by insertion within a bucket (a resize keeps that order). Apache's tools print such sets as they iterate
/// them (topic and group lists, allocateMQ's queues and result map), so the classic layouts need this order
/// to match theirs line for line. Buckets long enough to become trees (8+ entries at 64+ capacity) are not
/// modelled; they need thousands of colliding names.
enum JavaHashOrder {
    /// `String.hashCode()`: over UTF-16 code units, wrapping.
    static func hash(_ s: String) -> Int32 {
        var h: Int32 = 0
        for unit in s.utf16 { h = 31 &* h &+ Int32(unit) }
        return h
    }

    /// `MessageQueue.hashCode()`.
    static func hash(_ mq: MessageQueue) -> Int32 {
        var h: Int32 = 1
        h = 31 &* h &+ hash(mq.brokerName)
        h = 31 &* h &+ mq.queueId
        return 31 &* h &+ hash(mq.topic)
    }

    /// `items` (duplicates dropped, first kept) in the iteration order of a HashSet they were added to in order.
    static func ordered<T: Hashable>(_ items: [T], hash: (T) -> Int32) -> [T] {
        var seen = Set<T>()
        let unique = items.filter { seen.insert($0).inserted }
        var capacity = 16
        while unique.count > capacity * 3 / 4 { capacity *= 2 }
        func bucket(_ h: Int32) -> Int {
            let u = UInt32(bitPattern: h)
            return Int((u ^ (u >> 16)) & UInt32(capacity - 1))
        }
        return unique.enumerated()
            .map { (position: $0.offset, bucket: bucket(hash($0.element)), item: $0.element) }
            .sorted { ($0.bucket, $0.position) < ($1.bucket, $1.position) }
            .map(\.item)
    }

    static func ordered(_ strings: [String]) -> [String] { ordered(strings, hash: { hash($0) }) }
}

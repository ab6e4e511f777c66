import Foundation
import MQClient
import MQProtocol

/// The text `queryMsgTraceById` prints.
enum ClassicTraceText {
    static let format = "%-10s %-20s %-20s %-20s %-10s %-10s%n"

    /// Pub blocks in the order found, then SubAfter rows grouped by consumer group in the order a
    /// Java `HashMap<String, List>(16)` iterates them. Times `yyyy-MM-dd HH:mm:ss` (local); the client
    /// host is the IP the trace message came from. A SubAfter without a time (AccessChannel CLOUD)
    /// shows its SubBefore's time (Java shows the query time, `now`, when there is none).
    static func render(_ t: MessageTrace, now: Int64) -> String {
        var out = ""
        var groups: [String: [String]] = [:]
        var order: [String] = []
        var beforeTime: [String: Int64] = [:]
        var beforeGroup: [String: String] = [:]
        for f in t.records {
            if case .subBefore(let b) = f.record {
                beforeTime[b.requestId] = b.timestamp
                beforeGroup[b.requestId] = b.group
            }
        }
        for f in t.records {
            let host = f.source.bornHost.hostString
            switch f.record {
            case .pub(let p):
                out += JavaFormat.format(
                    format, ["#Type", "#ProducerGroup", "#ClientHost", "#SendTime", "#CostTimes", "#Status"])
                out += JavaFormat.format(
                    format,
                    [
                        "Pub", p.group, host, TimeFormat.seconds(p.timestamp), "\(p.costTime)ms",
                        p.success ? "success" : "failed",
                    ])
                out += "\n"
            case .subAfter(let a):
                let group = a.group ?? beforeGroup[a.requestId] ?? ""
                let time = a.timestamp ?? beforeTime[a.requestId] ?? now
                if groups[group] == nil { order.append(group) }
                groups[group, default: []].append(
                    JavaFormat.format(
                        format,
                        [
                            "Sub", group, host, TimeFormat.seconds(time), "\(a.costTime)ms",
                            a.success ? "success" : "failed",
                        ]))
            default:
                break
            }
        }
        for group in JavaHashMapOrder.keys(order, initialCapacity: 16) {
            out += JavaFormat.format(
                format, ["#Type", "#ConsumerGroup", "#ClientHost", "#ConsumerTime", "#CostTimes", "#Status"])
            out += (groups[group] ?? []).joined()
            out += "\n"
        }
        return out
    }
}

/// The iteration order of a Java `HashMap<String, ?>` given its keys in insertion order: by bucket
/// (`(h ^ h >>> 16) & (capacity - 1)` at the final table size), insertion order within a bucket.
enum JavaHashMapOrder {
    static func keys(_ inserted: [String], initialCapacity: Int) -> [String] {
        var capacity = initialCapacity
        while inserted.count > capacity * 3 / 4 { capacity *= 2 }
        return inserted.enumerated().sorted { a, b in
            let (x, y) = (bucket(a.element, capacity), bucket(b.element, capacity))
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    static func bucket(_ key: String, _ capacity: Int) -> Int {
        let h = UInt32(bitPattern: JavaHash.hashCode(key))
        return Int((h ^ (h >> 16)) & UInt32(capacity - 1))
    }
}

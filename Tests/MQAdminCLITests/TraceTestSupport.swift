import Foundation
import MQClient
import MQProtocol
import MQTestSupport
import NIOCore
import Testing

/// Helpers the trace tests share.
enum TraceFixtures {
    /// Epoch milliseconds now.
    static var now: Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// `String.format` of Apache's queryMsgTraceById rows: `%-10s %-20s %-20s %-20s %-10s %-10s%n`.
    static func javaRow(_ cells: [String]) -> String {
        let widths = [10, 20, 20, 20, 10, 10]
        return zip(cells, widths).map { c, w in c.count >= w ? c : c + String(repeating: " ", count: w - c.count) }
            .joined(separator: " ") + "\n"
    }

    /// The bucket order of a Java `HashMap<String, ?>(16)` holding a few keys, written out from the JDK's
    /// `hash()`: `h ^ (h >>> 16)`, index `hash & 15`; same bucket keeps insertion order.
    static func javaHashMapOrder(_ keys: [String]) -> [String] {
        func bucket(_ s: String) -> Int {
            var h: Int32 = 0
            for u in s.utf16 { h = h &* 31 &+ Int32(u) }
            let x = UInt32(bitPattern: h)
            return Int((x ^ (x >> 16)) & 15)
        }
        return keys.enumerated().sorted { (bucket($0.element), $0.offset) < (bucket($1.element), $1.offset) }
            .map(\.element)
    }

    /// Sends raw bodies to the trace topic with the given keys, as a tracing client would.
    static func publishTraceBodies(
        _ client: MQClientInstance, bodies: [[UInt8]], keys: [String], traceTopic: String = SystemTopics.trace
    ) async throws {
        let producer = Producer(group: "PG_TRACE_FIXTURE", client: client)
        for body in bodies {
            _ = try await producer.send(Message(topic: traceTopic, body: ByteBuffer(bytes: body), keys: keys))
        }
    }

    /// `traces[i]` of `trace show -o json` output.
    static func trace(_ object: [String: Any], _ i: Int = 0) -> [String: Any] {
        ((object["traces"] as? [[String: Any]]) ?? [])[safe: i] ?? [:]
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

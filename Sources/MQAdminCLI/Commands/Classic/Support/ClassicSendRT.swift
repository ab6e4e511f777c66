import Foundation
import MQClient
import MQProtocol

/// Timed sends for Apache's `checkMsgSendRT` and `clusterRT`: Apache's RT is whole milliseconds per send, and its
/// average leaves the first send out (the producer's warm-up), dividing by amount - 1 (NaN for one send).
enum ClassicSendRT {
    struct Send: Encodable, Sendable {
        var broker: String
        var queueId: Int32
        var success: Bool
        var rtMillis: Int64
        /// Why the send failed (null when it succeeded).
        var error: OrNull<String>
    }

    /// A body of `size` letters `a`, as Apache's `getStringBySize`.
    static func body(size: Int) -> String { String(repeating: "a", count: size) }

    /// Sends `message` once to `queue` (nil: the producer's round-robin choice) and times it.
    static func timedSend(_ producer: Producer, _ message: Message, to queue: MessageQueue?) async -> Send {
        let start = ContinuousClock.now
        do {
            let r = try await producer.send(message, to: queue)
            return Send(
                broker: r.queue.brokerName, queueId: r.queue.queueId, success: true, rtMillis: millis(since: start),
                error: OrNull(nil))
        } catch {
            return Send(
                broker: queue?.brokerName ?? "", queueId: queue?.queueId ?? 0, success: false,
                rtMillis: millis(since: start), error: OrNull("\(error)"))
        }
    }

    static func millis(since start: ContinuousClock.Instant) -> Int64 {
        let d = start.duration(to: .now)
        return d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    }

    /// Apache's average: the sends after the first, over amount - 1 (NaN for a single send).
    static func averageMillis(_ sends: [Send]) -> Double {
        Double(sends.dropFirst().reduce(0) { $0 + $1.rtMillis }) / Double(sends.count - 1)
    }

    /// `String.format("%.2f", rt)`, NaN included.
    static func twoDecimals(_ v: Double) -> String { v.isNaN ? "NaN" : String(format: "%.2f", v) }

    /// A producer group named as Apache's tools name theirs: the current time in milliseconds.
    static func producerGroup() -> String { String(Int64(Date().timeIntervalSince1970 * 1000)) }
}

import MQProtocol
import Synchronization

/// Everything the consumers' handlers record, behind one lock (handlers of all queues run concurrently).
final class ReceiptLog: Sendable {
    struct State: Sendable {
        var received = 0
        var bytes = 0
        var warm = 0
        var duplicates = 0
        var lag = LatencyRecorder()
        var endToEnd = LatencyRecorder()
        var ids = Set<String>()
        /// When the last measured message arrived (monotonic ns).
        var lastAt: UInt64 = 0
    }

    /// e2e: only this run's messages count, warm-up ones by their mark; else by arrival before `measureStart`.
    let runId: String?
    let measureStart: UInt64
    /// `bench consume --count`: messages past it (delivered in the same pull) are not counted.
    let cap: Int?
    let counters: BenchCounters
    private let state = Mutex(State())

    init(runId: String?, measureStart: UInt64, cap: Int?, counters: BenchCounters) {
        self.runId = runId
        self.measureStart = measureStart
        self.cap = cap
        self.counters = counters
    }

    func record(_ messages: [MessageExt]) {
        let now = monotonicNanos()
        let wall = wallMillis()
        var counted = 0
        state.withLock { s in
            for m in messages {
                if let runId {
                    guard m.properties[BenchProperty.run] == runId else { continue }  // not this run's
                    if m.properties[BenchProperty.warmup] != nil {
                        s.warm += 1
                        continue
                    }
                    guard s.ids.insert(m.properties[BenchProperty.id] ?? "").inserted else {
                        s.duplicates += 1
                        continue
                    }
                    if let sent = m.properties[BenchProperty.sentAt].flatMap(UInt64.init), now >= sent {
                        s.endToEnd.record(nanos: now - sent)
                    }
                } else if now < measureStart {
                    s.warm += 1
                    continue
                }
                if let cap, s.received >= cap { break }
                s.received += 1
                s.bytes += m.body.readableBytes
                s.lag.record(micros: UInt64(max(0, wall - m.storeTimestamp)) * 1000)
                s.lastAt = max(s.lastAt, now)
                counted += 1
            }
        }
        counters.received.add(counted, ordering: .relaxed)
    }

    var snapshot: State { state.withLock { $0 } }
}

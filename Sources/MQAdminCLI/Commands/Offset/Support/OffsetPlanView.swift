import Foundation
import MQClient
import MQProtocol

/// An offset plan (and, once executed, its results) as JSON and as a table (docs/json/groups.md).
struct OffsetPlanView: Encodable {
    struct Queue: Encodable {
        var topic: String
        var broker: String
        var queueId: Int32
        var minOffset: Int64
        var maxOffset: Int64
        var currentOffset: OrNull<Int64>
        var currentOffsetReason: OrNull<String>
        var newOffset: Int64
        var replay: OrNull<Int64>
        var skip: OrNull<Int64>
        var currentStoreTimestamp: OrNull<Int64>
        var currentStoreTime: OrNull<String>
        var newStoreTimestamp: OrNull<Int64>
        var newStoreTime: OrNull<String>
        var storeTimeReason: OrNull<String>
        var windowMillis: OrNull<Int64>
        var windowFrom: OrNull<String>
        var windowTo: OrNull<String>
        var note: OrNull<String>
        var undoRestore: OrNull<String>
        var applied: OrNull<Bool>
        var error: OrNull<String>
        var readBack: OrNull<Int64>
        var readBackReason: OrNull<String>
        var verified: OrNull<Bool>
    }

    var group: String
    var target: String
    var executed: Bool
    var journalId: OrNull<String>
    var queues: [Queue]
    struct Totals: Encodable {
        var replay: Int64
        var skip: Int64
    }

    /// A queue not applied or not verified: which, and why.
    struct Failure: Encodable {
        var topic: String
        var broker: String
        var queueId: Int32
        var error: String
    }

    var totals: Totals
    var failures: [Failure]

    init(_ plan: OffsetPlan, results: [OffsetApplyResult]? = nil, journalId: String? = nil) {
        group = plan.group
        target = plan.target.summary
        executed = results != nil
        self.journalId = OrNull(journalId)
        totals = Totals(replay: plan.totalReplay, skip: plan.totalSkip)
        let byQueue = Dictionary((results ?? []).map { ($0.queue, $0) }, uniquingKeysWith: { a, _ in a })
        failures = (results ?? []).filter { !$0.verified }.map { r in
            Failure(
                topic: r.queue.topic, broker: r.queue.brokerName, queueId: r.queue.queueId,
                error: r.error ?? r.readBackError ?? "read back \(r.readBack.map(String.init) ?? "nothing"), "
                    + "not the \(r.offset) written")
        }
        queues = plan.changes.map { c in
            let r = byQueue[c.queue]
            let window = c.window
            var timeReason: String?
            if c.newStoreTime == nil || (c.current != nil && c.currentStoreTime == nil) {
                timeReason =
                    c.new == c.maxOffset || c.current == c.maxOffset
                    ? "an offset at the end of the queue has no message yet" : "store time not available"
            }
            return Queue(
                topic: c.queue.topic, broker: c.queue.brokerName, queueId: c.queue.queueId, minOffset: c.minOffset,
                maxOffset: c.maxOffset, currentOffset: OrNull(c.current),
                currentOffsetReason: OrNull(c.current == nil ? "the group has no committed offset on this queue" : nil),
                newOffset: c.new, replay: OrNull(c.replay), skip: OrNull(c.skip),
                currentStoreTimestamp: OrNull(c.currentStoreTime),
                currentStoreTime: OrNull(c.currentStoreTime.map(TimeFormat.iso)),
                newStoreTimestamp: OrNull(c.newStoreTime), newStoreTime: OrNull(c.newStoreTime.map(TimeFormat.iso)),
                storeTimeReason: OrNull(timeReason), windowMillis: OrNull(window.map { $0.to - $0.from }),
                windowFrom: OrNull(window.map { TimeFormat.iso($0.from) }),
                windowTo: OrNull(window.map { TimeFormat.iso($0.to) }),
                note: OrNull(c.note), undoRestore: OrNull(c.undoRestore?.rawValue), applied: OrNull(r.map(\.applied)),
                error: OrNull(r?.error),
                readBack: OrNull(r?.readBack), readBackReason: OrNull(r?.readBackError), verified: OrNull(r?.verified))
        }
    }

    /// The plan table; with results, what was applied and what was read back.
    func table(_ plan: OffsetPlan, results: [OffsetApplyResult]?) -> String {
        var columns = ["TOPIC", "BROKER", "QUEUE", "CURRENT", "NEW", "CHANGE", "CURRENT-TIME", "NEW-TIME", "WINDOW"]
            .map { TextTable.Column($0) }
        for i in [2, 3, 4] { columns[i].alignment = .right }
        if results != nil { columns += [TextTable.Column("NOW", .right), TextTable.Column("RESULT")] }
        var t = TextTable(columns)
        let byQueue = Dictionary((results ?? []).map { ($0.queue, $0) }, uniquingKeysWith: { a, _ in a })
        for c in plan.changes {
            func time(_ offset: Int64?, _ ms: Int64?) -> String {
                if let ms { return TimeFormat.iso(ms) }
                return offset == c.maxOffset ? "end" : "-"
            }
            var row = [
                c.queue.topic, c.queue.brokerName, String(c.queue.queueId), c.current.map(String.init) ?? "-",
                String(c.new),
                Self.change(c), c.current == nil ? "-" : time(c.current, c.currentStoreTime),
                time(c.new, c.newStoreTime),
                c.window.map { TimeFormat.duration(millis: $0.to - $0.from) } ?? "-",
            ]
            if let r = byQueue[c.queue] {
                row.append(r.readBack.map(String.init) ?? "-")
                row.append(r.error.map { "FAILED: \($0)" } ?? Self.result(r))
            }
            t.add(row)
        }
        var out = t.render()
        for c in plan.changes { if let note = c.note { out += "note: \(c.queue): \(note)\n" } }
        let queues = plan.changes.count
        out +=
            "Total: replay \(plan.totalReplay), skip \(plan.totalSkip) messages on "
            + "\(queues) queue\(queues == 1 ? "" : "s").\n"
        if let results {
            let ok = results.filter(\.verified).count
            out += "Applied: \(ok) of \(results.count) queues changed and verified by reading them back.\n"
        }
        if let id = journalId.value { out += "Journal: \(id) (undo with `mqadmin offset undo --id \(id)`).\n" }
        return out
    }

    static func result(_ r: OffsetApplyResult) -> String {
        guard r.verified else { return "MISMATCH" }
        return r.readBack == r.offset ? "ok" : "ok (consumer online, already at \(r.readBack ?? 0))"
    }

    static func change(_ c: OffsetChange) -> String {
        guard let current = c.current else { return "set" }
        if c.new < current { return "replay \(current - c.new)" }
        if c.new > current { return "skip \(c.new - current)" }
        return "none"
    }
}

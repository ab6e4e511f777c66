import MQClient
import MQProtocol

/// `trace show`'s table: one row per hop (send, store, and per group deliver and consume) with its
/// time, offset from the first event, duration and status, and an ASCII timeline; the slowest hop
/// marked. Rows stay greppable (`-` for an empty cell).
enum TraceTimeline {
    static let barWidth = 40

    static func render(_ report: TraceReport) -> String {
        report.traces.map(render).joined(separator: "\n")
    }

    static func render(_ t: MessageTrace) -> String {
        var head = "Message \(t.msgId)"
        if let topic = t.topic { head += "  topic \(topic)" }
        if let tags = t.tags { head += "  tags \(tags)" }
        if !t.keys.isEmpty { head += "  keys \(t.keys.joined(separator: " "))" }
        var out = head + "\n\n"
        if t.isEmpty {
            out += "no trace records\n"
        } else {
            out += table(t) + "\n" + summary(t)
        }
        if let reason = t.storedReason { out += "note: \(reason)\n" }
        for e in t.transactions {
            out += "transaction \(e.transactionId): \(e.transactionState) by \(e.group) at "
                + TimeFormat.iso(e.timestamp) + (e.fromTransactionCheck ? " (answering a broker check)" : "") + "\n"
        }
        for r in t.recalls {
            out += "recall by \(r.group) at \(TimeFormat.iso(r.timestamp)): \(r.success ? "success" : "failed")\n"
        }
        if !t.unreadable.isEmpty {
            out += "\nunreadable trace records: \(t.unreadable.count)\n"
            for u in t.unreadable {
                out += "  trace message \(u.source.offsetMsgId), record \(u.unreadable.index): \(u.unreadable.reason)\n"
                if !u.unreadable.text.isEmpty {
                    out += "    \(TraceDecoder.preview(u.unreadable.text, limit: 100))\n"
                }
            }
        }
        return out
    }

    static func table(_ t: MessageTrace) -> String {
        let origin = t.hops.map(\.start).min() ?? 0
        let last = t.hops.map { $0.start + max(0, $0.duration ?? 0) }.max() ?? origin
        var table = TextTable(
            [
                .init("STEP"), .init("WHO"), .init("HOST"), .init("AT"), .init("+MS", .right), .init("TOOK", .right),
                .init("STATUS"), .init("RETRIES", .right), .init("TIMELINE"), .init(""),
            ])
        for (i, h) in t.hops.enumerated() {
            table.add([
                h.kind.rawValue, h.who.isEmpty ? "(no group)" : h.who, h.host ?? "-", TimeFormat.iso(h.start),
                String(h.start - origin), h.duration.map { "\($0)ms" } ?? "-", status(h) ?? "-",
                h.retryTimes.map(String.init) ?? "-",
                "[" + bar(h, origin: origin, last: last) + "]", i == t.slowestHop ? "<- slowest" : "",
            ])
        }
        return table.render(trimmingTrailingSpaces: true)
    }

    /// `success`/`failed` (`no end` for a consume without SubAfter), `stored`/`estimated`; nil for a deliver.
    static func status(_ h: MessageTrace.Hop) -> String? {
        switch h.kind {
        case .store: return h.estimated ? "estimated" : "stored"
        case .deliver: return nil
        case .send, .consume:
            guard let ok = h.success else { return "no end" }
            return ok ? "success" : "failed"
        }
    }

    /// The hop drawn on a `barWidth`-column scale from the first event to the last: `#` for work (send,
    /// consume), `.` for waiting (deliver), `|` for the store.
    static func bar(_ h: MessageTrace.Hop, origin: Int64, last: Int64) -> String {
        let span = max(1, last - origin)
        func column(_ t: Int64) -> Int {
            Int(min(max(0, t - origin), span) * Int64(barWidth - 1) / span)
        }
        var cells = [Character](repeating: " ", count: barWidth)
        let from = column(h.start)
        let to = max(from, column(h.start + max(0, h.duration ?? 0)))
        let mark: Character =
            switch h.kind {
            case .store: "|"
            case .deliver: "."
            case .send, .consume: "#"
            }
        for c in from...to { cells[c] = mark }
        return String(cells)
    }

    static func summary(_ t: MessageTrace) -> String {
        var parts: [String] = []
        let groups = t.consumers.map { $0.group.isEmpty ? "(no group)" : $0.group }
        parts.append(
            groups.isEmpty ? "not consumed by any traced group" : "consumed by \(groups.count) group(s): "
                + groups.joined(separator: ", "))
        if let e = t.endToEnd { parts.append("end to end \(e)ms") }
        if let i = t.slowestHop, let d = t.hops[i].duration {
            let h = t.hops[i]
            parts.append("slowest hop: \(h.kind.rawValue) \(h.kind == .deliver ? "to" : "by") \(h.who) (\(d)ms)")
        }
        return parts.joined(separator: "; ") + "\n"
    }
}

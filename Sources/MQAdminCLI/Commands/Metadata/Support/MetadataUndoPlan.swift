import Foundation
import MQProtocol

/// The changes that put back what a journaled apply changed: items it created are deleted, items it updated or
/// deleted are restored from the prior state saved for their broker.
enum MetadataUndoPlan {
    static func make(_ entry: MetadataJournalEntry, state: MetadataState, credentials: [String: String])
        -> MetadataPlan
    {
        var out: [MetadataChange] = []
        for prior in entry.prior {
            let b = prior.broker
            let done = entry.changes.filter { $0.broker == b }
            func touched(_ c: MetadataChange) -> Bool {
                done.contains {
                    $0.kind == c.kind && $0.name == c.name && $0.topic == c.topic && $0.queueId == c.queueId
                }
            }
            let restore = MetadataPlan.make(prior.document, state: state, prune: false, credentials: credentials)
            out += restore.changes.filter { $0.broker == b && touched($0) }
            for c in done where c.action == .create {
                out.append(MetadataChange(kind: c.kind, name: c.name, broker: b, action: .delete))
            }
            // An offset that did not exist before cannot be put back: no broker deletes one queue's offset.
            for c in done where c.kind == .offset && c.fields.first?.from == nil {
                out.append(
                    MetadataChange(
                        kind: .offset, name: c.name, broker: b, action: .blocked,
                        reason: "had no committed offset before \(entry.id); a broker cannot delete one queue's offset",
                        topic: c.topic, queueId: c.queueId))
            }
        }
        let ordered = out.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
        return MetadataPlan(changes: ordered.map(\.element))
    }

    /// What reading the cluster for an undo of `entry` needs besides topics and groups.
    static func sections(_ entry: MetadataJournalEntry) -> MetadataState.Sections {
        var s = MetadataState.Sections(includeSystem: true)
        s.auth = entry.changes.contains { $0.kind == .user || $0.kind == .acl }
        for c in entry.changes where c.kind == .offset {
            var topics = (s.offsets[c.name] ?? nil) ?? []
            if let t = c.topic, !topics.contains(t) { topics.append(t) }
            s.offsets[c.name] = topics
        }
        return s
    }
}

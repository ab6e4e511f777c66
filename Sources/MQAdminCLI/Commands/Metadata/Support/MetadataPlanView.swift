import Foundation

/// `metadata apply` output (docs/schemas/metadata/apply.json): the plan, and after --execute what each change did.
struct MetadataPlanView: Encodable {
    struct Counts: Encodable {
        var create = 0
        var update = 0
        var delete = 0
        var blocked = 0
    }

    var file: String
    var prune: Bool
    var executed: Bool
    var counts: Counts
    var changes: [MetadataChange]
    /// After --execute: one per change, in the order applied.
    var results: [MetadataChangeResult]?
    /// The journal entry holding the prior state (for `metadata undo`).
    var journalId: String?

    init(
        file: String, prune: Bool, plan: MetadataPlan, results: [MetadataChangeResult]? = nil, journalId: String? = nil
    ) {
        self.file = file
        self.prune = prune
        executed = results != nil
        changes = plan.changes
        self.results = results
        self.journalId = journalId
        var c = Counts()
        for change in plan.changes {
            switch change.action {
            case .create: c.create += 1
            case .update: c.update += 1
            case .delete: c.delete += 1
            case .blocked: c.blocked += 1
            }
        }
        counts = c
    }

    var table: String {
        guard !changes.isEmpty else { return "No changes: the cluster matches \(file).\n" }
        var t = TextTable("KIND", "NAME", "BROKER", "ACTION", "CHANGES")
        if let results {
            t = TextTable("KIND", "NAME", "BROKER", "ACTION", "CHANGES", "RESULT")
            for r in results {
                let c = r.change
                t.add(
                    c.kind.rawValue, c.displayName, c.broker, c.action.rawValue, c.summary,
                    r.error.map { "\(r.result): \($0)" } ?? r.result)
            }
        } else {
            for c in changes { t.add(c.kind.rawValue, c.displayName, c.broker, c.action.rawValue, c.summary) }
        }
        var out = t.render(trimmingTrailingSpaces: true)
        out += "\(counts.create) to create, \(counts.update) to update, \(counts.delete) to delete"
        out += counts.blocked > 0 ? ", \(counts.blocked) blocked.\n" : ".\n"
        return out
    }
}

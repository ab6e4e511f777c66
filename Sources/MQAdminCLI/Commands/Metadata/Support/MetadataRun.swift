import Foundation
import MQClient

/// Journals, applies and reports an executed metadata plan (apply and undo alike).
enum MetadataRun {
    /// Saves the prior state of every change (refusing, nothing changed, when the journal cannot be written),
    /// applies, keeps in the journal only what was applied, prints the results, and throws (exit 1) naming every
    /// change not made.
    static func execute(
        _ plan: MetadataPlan, label: String, prune: Bool, document: (String) -> MetadataDocument,
        state: MetadataState, credentials: [String: String], client: MQClientInstance,
        connection: ConnectionOptions, format: OutputFormat, yes: Bool, operation: String, undoOf: String? = nil
    ) async throws {
        if format == .table { Emit.write(MetadataPlanView(file: label, prune: prune, plan: plan).table) }
        let deletes = plan.changes.filter { $0.action == .delete }.count
        if deletes > 0 {
            try Confirm.destructive("delete \(deletes) item(s) (\(label))", token: "delete", yes: yes)
        }
        let journal = MetadataJournal(directory: GroupTargets.journalDirectory)
        let toMake = plan.changes.filter { $0.action != .blocked }
        var entry = MetadataJournalEntry(
            id: OffsetJournal.newId(), createdAt: Int64(Date().timeIntervalSince1970 * 1000),
            target: GroupTargets.journalTarget(connection), operation: operation, undoOf: undoOf, changes: toMake,
            prior: MetadataJournalEntry.prior(of: toMake, state: state))
        if !toMake.isEmpty {
            do {
                try journal.save(entry)
            } catch {
                throw CLIError(
                    "cannot save the undo journal in \(journal.directory) (\(error.localizedDescription)); "
                        + "nothing changed",
                    exit: .failed)
            }
            AuditRun.current?.recordJournal(entry.id)
        }
        let results = await MetadataExecutor.apply(
            plan, document: document, state: state, credentials: credentials, client: client)
        let applied = results.filter { $0.result == "applied" }.map(\.change)
        var journalId: String? = entry.id
        if applied.isEmpty {
            try? journal.remove(id: entry.id)
            AuditRun.current?.recordJournal(nil)
            journalId = nil
        } else if applied.count < toMake.count {
            entry.changes = applied
            try? journal.save(entry)
        }
        let view = MetadataPlanView(file: label, prune: prune, plan: plan, results: results, journalId: journalId)
        switch format {
        case .json: Emit.write(Emit.report(view))
        case .table:
            Emit.write("\n" + view.table)
            if let journalId { Emit.note("Journal \(journalId): undo with `mqadmin metadata undo \(journalId)`.") }
        }
        try check(results)
    }

    /// Exit 1 naming every change that failed or could not be made.
    static func check(_ results: [MetadataChangeResult]) throws {
        let bad = results.filter { $0.result != "applied" }
        guard let first = bad.first else { return }
        let done = results.count - bad.count
        throw CLIError(
            "\(bad.count) of \(results.count) change(s) not made (\(done) made): "
                + bad.map { "\($0.change.kind.rawValue) \($0.change.displayName) on \($0.change.broker)" }
                .joined(separator: ", ") + " — first: \(first.error ?? first.result)",
            exit: .failed)
    }
}

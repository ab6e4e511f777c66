import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// Shows an offset plan and, when asked, journals, applies and verifies it.
enum PlanRunner {
    /// Prints `plan`; with `execute`, confirms, saves the previous offsets to the journal, applies,
    /// reads back and prints the outcome. Throws (exit 1) when any queue did not end up as planned.
    static func run(
        _ plan: OffsetPlan, client: MQClientInstance, connection: ConnectionOptions, format: OutputFormat,
        execute: ExecuteOptions, operation: String, undoOf: String? = nil
    ) async throws {
        guard execute.execute else {
            let view = OffsetPlanView(plan)
            Emit.output(view, format: format) { view.table(plan, results: nil) }
            Emit.note("Plan only: nothing changed. Add --execute to apply it.")
            return
        }
        if format == .table { Emit.write(OffsetPlanView(plan).table(plan, results: nil)) }
        try Confirm.destructive(
            "change the offsets of group \(plan.group) on \(plan.changes.count) "
                + "queue\(plan.changes.count == 1 ? "" : "s")",
            token: plan.group, yes: execute.yes)
        let saved = try saveJournal(plan, connection: connection, operation: operation, undoOf: undoOf)
        let results = await client.apply(plan)
        let id = settleJournal(saved, results: results)
        let view = OffsetPlanView(plan, results: results, journalId: id)
        switch format {
        case .json: Emit.write(Emit.json(view))
        case .table:
            Emit.write("\n")
            Emit.write(view.table(plan, results: results))
        }
        try check(results, journalId: id)
    }

    /// Saves the offsets `plan` is about to overwrite; refuses (nothing changed) when the journal cannot be written.
    static func saveJournal(
        _ plan: OffsetPlan, connection: ConnectionOptions, operation: String, undoOf: String? = nil
    ) throws
        -> String
    {
        let id = OffsetJournal.newId()
        let entry = OffsetJournalEntry(
            plan: plan, id: id, target: GroupTargets.journalTarget(connection), operation: operation, undoOf: undoOf,
            now: Int64(Date().timeIntervalSince1970 * 1000))
        do {
            try OffsetJournal(directory: GroupTargets.journalDirectory).save(entry)
        } catch {
            throw CLIError(
                "cannot save the undo journal in \(GroupTargets.journalDirectory) "
                    + "(\(error.localizedDescription)); nothing changed",
                exit: .failed)
        }
        AuditRun.current?.recordJournal(id)
        return id
    }

    /// The journal was written before applying (so a crash mid-way leaves the way back); afterwards it keeps only
    /// the queues that did change. When none did, the entry is removed and nil returned: no undo for a change
    /// that changed nothing (a broker may refuse every queue, as Apache 4.9 does for a group without config).
    static func settleJournal(_ id: String, results: [OffsetApplyResult]) -> String? {
        let journal = OffsetJournal(directory: GroupTargets.journalDirectory)
        let applied = Set(results.filter(\.applied).map(\.queue))
        guard var entry = journal.entry(id: id) else { return id }
        if applied.isEmpty {
            do {
                try journal.remove(id: id)
                AuditRun.current?.recordJournal(nil)
                return nil
            } catch {
                Emit.note("could not remove journal entry \(id) of a change that changed nothing: \(error)")
                return id
            }
        }
        guard applied.count < entry.queues.count else { return id }
        entry.queues = entry.queues.filter { applied.contains($0.queue) }
        do { try journal.save(entry) } catch { Emit.note("could not narrow journal entry \(id): \(error)") }
        return id
    }

    /// Exit 1 with exactly what changed when some queue failed or reads back differently.
    static func check(_ results: [OffsetApplyResult], journalId: String?) throws {
        let failed = results.filter { !$0.applied }
        let mismatched = results.filter { $0.applied && !$0.verified }
        guard !failed.isEmpty || !mismatched.isEmpty else { return }
        let changed = results.filter(\.applied).map(\.queue.description)
        var message: String
        if let first = failed.first {
            message =
                "offsets NOT changed on \(failed.count) of \(results.count) queues "
                + "(\(failed.map(\.queue.description).joined(separator: ", "))): \(first.error ?? "")"
            message += changed.isEmpty ? "; no queue changed" : "; changed: \(changed.joined(separator: ", "))"
        } else {
            let m = mismatched[0]
            message =
                "\(mismatched.count) queue(s) read back differently, e.g. \(m.queue) is at "
                + "\(m.readBack.map(String.init) ?? "none") instead of \(m.offset) "
                + "(a consumer may have committed meanwhile)"
        }
        if let journalId, !changed.isEmpty { message += "; undo with `mqadmin offset undo --id \(journalId)`" }
        throw CLIError(message, exit: .failed)
    }
}

import ArgumentParser
import Foundation
import MQClient
import MQProtocol

/// `mqadmin offset undo [--id ID]`: puts back the offsets an executed change saved in the journal.
struct OffsetUndo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Restore the offsets saved before an executed reset/clone/import (plan; --execute applies).",
        discussion:
            "Without --id, the newest change not undone yet. The journal is ~/.mqadmin/journal; --list shows "
            + "this cluster's entries. A queue with no committed offset before the change goes to where a group "
            + "without one starts (no broker deletes one queue's offset). An undo is journaled: undo its id to "
            + "put the change back."
    )

    @Option(help: "Journal entry to undo (see --list).") var id: String?
    @Option(name: [.customShort("g"), .customLong("group")], help: "Without --id: the newest change of this group.",
        completion: .custom(LiveNames.groups))
    var group: String?
    @Flag(help: "List the journal's entries for this cluster or data directory instead.") var list = false
    @Flag(help: "With --list: the entries of every cluster and data directory.") var allTargets = false
    @OptionGroup var execute: ExecuteOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        // --list only reads the journal: combined with what selects or applies an undo it is a mistake.
        if list, id != nil || group != nil || execute.execute {
            throw ValidationError("--list only lists the journal; drop --id, --group and --execute (or drop --list)")
        }
        if allTargets, !list { throw ValidationError("--all-targets only goes with --list; add --list") }
    }

    func run() async throws {
        let journal = OffsetJournal(directory: GroupTargets.journalDirectory)
        let here = GroupTargets.journalTarget(connection)
        if list {
            let all = journal.entries()
            let view = JournalListView(
                allTargets ? all : all.filter { $0.target == here }, undone: OffsetJournal.undoneIds(all),
                target: allTargets ? nil : here)
            Emit.output(view, format: output.output) { view.table }
            return
        }
        let entry = try pick(journal)
        guard entry.target == here else {
            throw CLIError(
                "journal entry \(entry.id) was applied to \(entry.target), not \(here); "
                    + "connect to the same cluster (-n) or data directory",
                exit: .usage)
        }
        guard !entry.queues.isEmpty else {
            throw CLIError("journal entry \(entry.id) has no queues to restore", exit: .failed)
        }
        if journal.undoneIds().contains(entry.id) {
            Emit.note("note: \(entry.id) was undone before; this restores its offsets again.")
        }
        try await Session.with(connection) { session in
            let plan = try await session.client.planUndo(entry, what: "undo of \(entry.id) (\(entry.operation))")
            let standIns = plan.changes.filter { $0.undoRestore == .newGroupStart }.count
            if standIns > 0 {
                Emit.note(
                    "\(standIns) queue(s) had no committed offset before \(entry.id). A broker cannot delete one "
                        + "queue's offset, so they are set to where a group without an offset starts (note per queue)."
                )
            }
            try await PlanRunner.run(
                plan, client: session.client, connection: connection, format: output.output, execute: execute,
                operation: "offset undo --id \(entry.id)", undoOf: entry.id)
        }
    }

    func pick(_ journal: OffsetJournal) throws -> OffsetJournalEntry {
        if let id {
            guard let e = journal.entry(id: id) else {
                throw CLIError(
                    "no journal entry \(id) in \(journal.directory); see `mqadmin offset undo --list`", exit: .notFound)
            }
            return e
        }
        guard let e = journal.latestUndoable(group: group, target: GroupTargets.journalTarget(connection)) else {
            throw CLIError(
                "nothing to undo\(group.map { " for group \($0)" } ?? "") in \(journal.directory); "
                    + "see `mqadmin offset undo --list`",
                exit: .notFound)
        }
        return e
    }
}

/// `offset undo --list` as JSON and as a table (docs/json/groups.md).
struct JournalListView: Encodable {
    struct Entry: Encodable {
        var id: String
        var createdAt: Int64
        var createdTime: String
        var target: String
        var group: String
        var operation: String
        var queues: Int
        var undoOf: OrNull<String>
        var undone: Bool
    }

    /// The cluster or data directory listed; null with --all-targets.
    var target: OrNull<String>
    var entries: [Entry]

    init(_ entries: [OffsetJournalEntry], undone: Set<String>, target: String?) {
        self.target = OrNull(target)
        self.entries = entries.map {
            Entry(
                id: $0.id, createdAt: $0.createdAt, createdTime: TimeFormat.iso($0.createdAt), target: $0.target,
                group: $0.group, operation: $0.operation, queues: $0.queues.count, undoOf: OrNull($0.undoOf),
                undone: undone.contains($0.id))
        }
    }

    var table: String {
        var t = TextTable("ID", "TIME", "TARGET", "GROUP", "QUEUES", "UNDONE", "OPERATION")
        for e in entries {
            t.add(
                e.id, TimeFormat.iso(e.createdAt), e.target, e.group, String(e.queues), e.undone ? "yes" : "",
                e.operation)
        }
        var out = t.render()
        if let target = target.value {
            out += "Entries applied to \(target) only; --all-targets lists every cluster and data directory.\n"
        }
        return out
    }
}

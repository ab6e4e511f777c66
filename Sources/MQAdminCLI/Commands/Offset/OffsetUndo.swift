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
            "Without --id, the newest change not undone yet. The journal is ~/.mqadmin/journal; --list shows it."
    )

    @Option(help: "Journal entry to undo (see --list).") var id: String?
    @Option(name: [.customShort("g"), .customLong("group")], help: "Without --id: the newest change of this group.",
        completion: .custom(LiveNames.groups))
    var group: String?
    @Flag(help: "List the journal instead.") var list = false
    @OptionGroup var execute: ExecuteOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        // --list only reads the journal: combined with what selects or applies an undo it is a mistake.
        if list, id != nil || group != nil || execute.execute {
            throw ValidationError("--list only lists the journal; drop --id, --group and --execute (or drop --list)")
        }
    }

    func run() async throws {
        let journal = OffsetJournal(directory: GroupTargets.journalDirectory)
        if list {
            let view = JournalListView(journal.entries(), undone: journal.undoneIds())
            Emit.output(view, format: output.output) { view.table }
            return
        }
        let entry = try pick(journal)
        let here = GroupTargets.journalTarget(connection)
        guard entry.target == here else {
            throw CLIError(
                "journal entry \(entry.id) was applied to \(entry.target), not \(here); "
                    + "connect to the same cluster (-n) or data directory",
                exit: .usage)
        }
        let restorable = entry.queues.compactMap { q in q.previous.map { (queue: q.queue, offset: $0) } }
        let skipped = entry.queues.count - restorable.count
        if skipped > 0 {
            Emit.note(
                "\(skipped) queue(s) had no committed offset before \(entry.id); "
                    + "a committed offset cannot be removed, so they stay."
            )
        }
        guard !restorable.isEmpty else {
            throw CLIError("journal entry \(entry.id) has no previous offsets to restore", exit: .failed)
        }
        if journal.undoneIds().contains(entry.id) {
            Emit.note("note: \(entry.id) was undone before; this restores its offsets again.")
        }
        try await Session.with(connection) { session in
            let plan = try await session.client.planOffsets(
                group: entry.group, offsets: restorable, what: "undo of \(entry.id) (\(entry.operation))",
                clamp: true)
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

/// `offset undo --list` as JSON and as a table.
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

    var entries: [Entry]

    init(_ entries: [OffsetJournalEntry], undone: Set<String>) {
        self.entries = entries.map {
            Entry(
                id: $0.id, createdAt: $0.createdAt, createdTime: TimeFormat.iso($0.createdAt), target: $0.target,
                group: $0.group,
                operation: $0.operation, queues: $0.queues.count, undoOf: OrNull($0.undoOf),
                undone: undone.contains($0.id))
        }
    }

    var table: String {
        var t = TextTable("ID", "TIME", "GROUP", "QUEUES", "UNDONE", "OPERATION")
        for e in entries {
            t.add(e.id, TimeFormat.seconds(e.createdAt), e.group, String(e.queues), e.undone ? "yes" : "", e.operation)
        }
        return t.render()
    }
}

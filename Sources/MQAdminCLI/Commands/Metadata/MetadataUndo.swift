import ArgumentParser
import Foundation
import MQClient

/// `mqadmin metadata undo [ID] [--list] [--execute]`: puts back what an executed `metadata apply` changed.
struct MetadataUndo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Put back what an executed `metadata apply` changed (plan; --execute applies).",
        discussion: """
            Without ID, the newest apply on this cluster not undone yet. Items the apply created are deleted, \
            items it updated or deleted are restored from the state journaled before it ran (~/.mqadmin/journal). \
            A deleted user is recreated only with a password from --credentials-file. An undo is journaled too.
            """
    )

    @Argument(help: "Journal entry to undo (see --list).") var id: String?
    @Flag(help: "List this cluster's metadata journal entries instead.") var list = false
    @Option(help: "A YAML/JSON file of `user: password` for deleted users to recreate.") var credentialsFile: String?
    @OptionGroup var execute: ExecuteOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if list, id != nil || execute.execute {
            throw ValidationError("--list only lists the journal; drop ID and --execute (or drop --list)")
        }
    }

    func run() async throws {
        let journal = MetadataJournal(directory: GroupTargets.journalDirectory)
        let here = GroupTargets.journalTarget(connection)
        if list {
            let view = MetadataJournalListView(
                journal.entries().filter { $0.target == here }, undone: journal.undoneIds(), target: here)
            return Emit.output(view, format: output.output) { view.table }
        }
        let entry = try pick(journal, target: here)
        guard entry.target == here else {
            throw CLIError(
                "journal entry \(entry.id) was applied to \(entry.target), not \(here); "
                    + "connect to the same cluster (-n)",
                exit: .usage)
        }
        let credentials = try credentialsFile.map(MetadataApply.readCredentials) ?? [:]
        try await Session.withClient(connection) { client in
            let state = try await MetadataState.read(client, cluster: nil, sections: MetadataUndoPlan.sections(entry))
            let plan = MetadataUndoPlan.make(entry, state: state, credentials: credentials)
            let label = "undo of \(entry.id)"
            guard execute.execute, !plan.isEmpty else {
                let view = MetadataPlanView(file: label, prune: false, plan: plan)
                Emit.output(view, format: output.output) { view.table }
                if !plan.isEmpty { Emit.note("Plan only: nothing changed. Add --execute to apply it.") }
                return
            }
            let priors = Dictionary(entry.prior.map { ($0.broker, $0.document) }, uniquingKeysWith: { a, _ in a })
            try await MetadataRun.execute(
                plan, label: label, prune: false, document: { priors[$0] ?? MetadataDocument() }, state: state,
                credentials: credentials, client: client, connection: connection, format: output.output,
                yes: execute.yes, operation: "metadata undo \(entry.id)", undoOf: entry.id)
        }
    }

    func pick(_ journal: MetadataJournal, target: String) throws -> MetadataJournalEntry {
        let all = journal.entries()
        if let id {
            guard let e = all.first(where: { $0.id == id }) else {
                throw CLIError(
                    "no metadata journal entry \(id) in \(journal.directory); see `mqadmin metadata undo --list`",
                    exit: .notFound)
            }
            return e
        }
        let undone = journal.undoneIds()
        guard let e = all.last(where: { $0.target == target && $0.undoOf == nil && !undone.contains($0.id) }) else {
            throw CLIError(
                "nothing to undo in \(journal.directory); see `mqadmin metadata undo --list`", exit: .notFound)
        }
        return e
    }
}

/// `metadata undo --list` (docs/schemas/metadata.undo.list.json).
struct MetadataJournalListView: Encodable {
    struct Entry: Encodable {
        var id: String
        var createdTime: String
        var operation: String
        var changes: Int
        var undoOf: String?
        var undone: Bool
    }

    var target: String
    var entries: [Entry]

    init(_ entries: [MetadataJournalEntry], undone: Set<String>, target: String) {
        self.target = target
        self.entries = entries.map {
            Entry(
                id: $0.id, createdTime: TimeFormat.iso($0.createdAt), operation: $0.operation,
                changes: $0.changes.count, undoOf: $0.undoOf, undone: undone.contains($0.id))
        }
    }

    var table: String {
        var t = TextTable("ID", "TIME", "CHANGES", "UNDONE", "OPERATION")
        for e in entries { t.add(e.id, e.createdTime, String(e.changes), e.undone ? "yes" : "", e.operation) }
        return t.render(trimmingTrailingSpaces: true)
    }
}

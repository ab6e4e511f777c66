import ArgumentParser

/// `mqadmin audit [--since TIME]`: what mqadmin changed from this account, from ~/.mqadmin/audit.jsonl.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit log of changes made with mqadmin from this account.",
        discussion: """
            Every command that changes a cluster (noun-verb and classic; executed offset changes, not plans) \
            appends one JSON line to ~/.mqadmin/audit.jsonl (0600): time, OS user, target, the command line with \
            secrets replaced by ***, result (ok, failed, or refused by a read-only context), exit code, error \
            line, and the undo journal id. When the log cannot be written the command still runs and one \
            warning goes to stderr.
            """)

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Only entries at or after this time: epoch ms, ISO-8601 with a zone, or relative like -2h.",
            valueName: "time"))
    var since: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let since { _ = try TimeArgument.require(since, option: "--since") }
    }

    func run() async throws {
        let (all, unreadable) = AuditLog.read(home: Console.current.home)
        let from = try since.map { try TimeArgument.require($0, option: "--since") }
        let entries = from.map { from in all.filter { ($0.millis ?? .min) >= from } } ?? all
        if unreadable > 0 {
            let file = BundledStore.abbreviate(AuditLog.path(home: Console.current.home))
            Emit.note("note: \(unreadable) line(s) of \(file) are not audit entries; skipped")
        }
        let view = AuditView(entries: entries)
        Emit.output(view, format: output.output) { view.table }
    }
}

/// `audit -o json` (docs/json/audit.md): the entries as the log holds them, oldest first.
struct AuditView: Encodable {
    var entries: [AuditEntry]

    var table: String {
        guard !entries.isEmpty else { return "no audit entries\n" }
        var t = TextTable("TIME", "USER", "TARGET", "RESULT", "JOURNAL", "COMMAND")
        for e in entries {
            let result = e.result == "ok" ? "ok" : "\(e.result) (exit \(e.exit))"
            t.add(e.millis.map { TimeFormat.iso($0) } ?? e.time, e.user, e.target.text, result, e.journalId ?? "-", e.argv.joined(separator: " "))
        }
        return t.render(trimmingTrailingSpaces: true)
    }
}

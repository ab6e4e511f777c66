import ArgumentParser
import Foundation
import MQClient
import Yams

/// `mqadmin metadata apply FILE [--prune] [--execute] [--check]`: the changes that make the cluster match FILE.
struct MetadataApply: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Plan (and with --execute make) the changes that make a cluster match a metadata file.",
        discussion: """
            Prints the plan: creates, updates field by field, and with --prune deletes of what the file does not \
            name. Nothing changes without --execute, which applies topics, groups, users, ACLs, then offsets, and \
            deletes last; every failed change is named and the exit status is 1. --check exits 1 when the plan is \
            not empty (drift), 0 when it is. Users and ACLs are compared only when the file has those sections; a \
            new user needs a password from the file or --credentials-file.
            """
    )

    @Argument(
        help: "The metadata file (YAML or JSON; - for stdin).", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String
    @Flag(help: "Also delete topics, groups, users (never Super users) and ACLs the file does not name.")
    var prune = false
    @Flag(help: "Only report drift: exit 1 when the plan is not empty, 0 when the cluster matches.")
    var check = false
    @Option(help: "A YAML/JSON file of `user: password` for users to create.") var credentialsFile: String?
    @Option(name: [.customShort("c"), .customLong("cluster")], help: "The cluster to change (needed with several).")
    var cluster: String?
    @OptionGroup var execute: ExecuteOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if check && execute.execute { throw ValidationError("--check only reports; drop --execute (or --check)") }
    }

    func run() async throws {
        let document = try MetadataFile.read(file)
        let credentials = try credentialsFile.map(Self.readCredentials) ?? [:]
        try await Session.withClient(connection) { client in
            let state = try await MetadataState.read(client, cluster: cluster, sections: sections(document))
            let plan = MetadataPlan.make(document, state: state, prune: prune, credentials: credentials)
            guard execute.execute, !plan.isEmpty else {
                let view = MetadataPlanView(file: file, prune: prune, plan: plan)
                Emit.output(view, format: output.output) { view.table }
                if check, !plan.isEmpty {
                    throw CLIError(
                        "drift: \(plan.changes.count) change(s) would make the cluster match \(file)", exit: .failed)
                }
                if !check, !plan.isEmpty { Emit.note("Plan only: nothing changed. Add --execute to apply it.") }
                return
            }
            try await MetadataRun.execute(
                plan, label: file, prune: prune, document: { _ in document }, state: state, credentials: credentials,
                client: client, connection: connection, format: output.output, yes: execute.yes,
                operation: "metadata apply \(file)\(prune ? " --prune" : "")")
        }
    }

    /// What to read besides topics and groups: only the sections the file has.
    func sections(_ d: MetadataDocument) -> MetadataState.Sections {
        var s = MetadataState.Sections(includeSystem: true, auth: d.users != nil || d.acls != nil)
        for g in d.offsets ?? [] { s.offsets[g.group] = Array(Set(g.queues.map(\.topic))).sorted() }
        return s
    }

    /// `user: password` lines (YAML or JSON).
    static func readCredentials(_ path: String) throws -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw CLIError("cannot read --credentials-file \(path)", exit: .usage) }
        do {
            return try YAMLDecoder().decode([String: String].self, from: text)
        } catch {
            throw CLIError("--credentials-file \(path) is not a map of user: password", exit: .usage)
        }
    }
}

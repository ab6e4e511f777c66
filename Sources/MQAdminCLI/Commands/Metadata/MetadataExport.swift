import ArgumentParser
import Foundation
import MQClient

/// `mqadmin metadata export [-f FILE] [--format yaml|json] [--cluster C] [--with-offsets] [--with-auth]`.
struct MetadataExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the topics and groups of a cluster (optionally offsets, users and ACLs) as YAML or JSON.",
        discussion: """
            Names are sorted, so exporting an unchanged cluster twice gives the same bytes. System topics and \
            groups are left out unless --include-system. Passwords are never exported. The format follows \
            --format, else the file's extension (.json), else -o json, else YAML. docs/metadata.md describes the file.
            """
    )

    @Option(name: [.customShort("f"), .customLong("file")], help: "Write to this file (mode 0600) instead of stdout.")
    var file: String?
    @Option(help: "yaml or json (default: from --file's extension, else yaml).") var format: MetadataFormat?
    @Option(name: [.customShort("c"), .customLong("cluster")], help: "The cluster to export (needed with several).")
    var cluster: String?
    @Flag(help: "Also export every exported group's committed offsets.") var withOffsets = false
    @Flag(help: "Also export users (without passwords) and ACLs.") var withAuth = false
    @Flag(help: "Keep system topics and groups (retry, DLQ, the brokers' own).") var includeSystem = false
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let document = try await Session.withClient(connection) { client in
            let sections = MetadataState.Sections(includeSystem: includeSystem, auth: withAuth)
            var state = try await MetadataState.read(client, cluster: cluster, sections: sections)
            if withOffsets {
                for g in Set(state.groups.values.flatMap(\.keys)).sorted() {
                    state.offsets[g] = try await MetadataState.readOffsets(
                        client, group: g, topics: nil, masters: state.masters)
                }
            }
            return state.document(withAuth: withAuth, withOffsets: withOffsets)
        }
        let chosen = format ?? file.map(MetadataFormat.of(path:)) ?? (output.output == .json ? .json : .yaml)
        let text = try MetadataFile.encode(document, format: chosen)
        guard let file else { return Emit.write(text) }
        guard
            FileManager.default.createFile(
                atPath: file, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw CLIError("cannot write \(file); check the directory exists and is writable", exit: .failed)
        }
        let view = MetadataExportView(file: file, format: chosen.rawValue, document: document)
        Emit.output(view, format: output.output) { view.table }
    }
}

/// `metadata export --file F` output (docs/schemas/metadata/export.json): what was written where.
struct MetadataExportView: Encodable {
    var file: String
    var format: String
    var cluster: String?
    var topics: Int
    var groups: Int
    var users: Int?
    var acls: Int?
    var offsetGroups: Int?

    init(file: String, format: String, document d: MetadataDocument) {
        self.file = file
        self.format = format
        cluster = d.cluster
        topics = d.topics.count
        groups = d.groups.count
        users = d.users?.count
        acls = d.acls?.count
        offsetGroups = d.offsets?.count
    }

    var table: String {
        var parts = ["\(topics) topics", "\(groups) groups"]
        if let users { parts.append("\(users) users") }
        if let acls { parts.append("\(acls) ACLs") }
        if let offsetGroups { parts.append("offsets of \(offsetGroups) groups") }
        return "Wrote \(parts.joined(separator: ", ")) to \(file) (\(format)).\n"
    }
}

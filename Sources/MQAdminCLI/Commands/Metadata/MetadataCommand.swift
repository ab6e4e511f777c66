import ArgumentParser

/// `mqadmin metadata ...`: topics, groups, users, ACLs and offsets as a file (docs/metadata.md).
struct MetadataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metadata",
        abstract:
            "Export a cluster's metadata to a YAML/JSON file and make a cluster match one (plan, then --execute).",
        subcommands: [MetadataExport.self, MetadataApply.self, MetadataUndo.self]
    )
}

import ArgumentParser

/// `mqadmin offset ...`: a consumer group's committed offsets.
struct OffsetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offset",
        abstract: "Show, reset, clone, export and import consumer group offsets (changes are plans until --execute).",
        subcommands: [
            OffsetShow.self, OffsetReset.self, OffsetUndo.self, OffsetClone.self, OffsetExport.self, OffsetImport.self,
        ]
    )
}

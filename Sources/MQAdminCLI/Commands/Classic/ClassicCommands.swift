import ArgumentParser

/// The groups area's commands: noun-verb groups and Apache's classic names.
enum GroupsCommands {
    /// Top-level commands this area adds to `mqadmin`.
    static let topLevel: [any ParsableCommand.Type] = [
        GroupCommand.self, OffsetCommand.self,
        // Apache's classic names, option letters and output layouts.
        UpdateSubGroup.self, DeleteSubGroup.self, ConsumerConnectionClassic.self, ConsumerProgress.self,
        ResetOffsetByTime.self, SkipAccumulatedMessage.self, CloneGroupOffsetClassic.self,
    ]
    /// Subcommands this area adds under `mqadmin broker`.
    static let brokerSubcommands: [any ParsableCommand.Type] = []
}

import ArgumentParser

/// The messages area's commands: noun-verb groups and Apache's classic names.
enum MessagesCommands {
    /// Top-level commands this area adds to `mqadmin`.
    static let topLevel: [any ParsableCommand.Type] = [
        MessageCommand.self, BacklogCommand.self, ClassicSendMessage.self, ClassicQueryMsgByKey.self,
        ClassicQueryMsgById.self, ClassicQueryMsgByUniqueKey.self, ClassicQueryMsgByOffset.self,
    ]
    /// Subcommands this area adds under `mqadmin broker`.
    static let brokerSubcommands: [any ParsableCommand.Type] = []
}

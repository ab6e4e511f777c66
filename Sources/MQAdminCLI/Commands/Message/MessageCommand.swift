import ArgumentParser

/// `mqadmin message ...`
struct MessageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "message",
        abstract: "Send, consume and look up messages.",
        subcommands: [
            MessageSend.self, MessageConsume.self, MessageQuery.self, MessageGet.self, MessageBrowse.self,
            MessageTail.self, MessageResend.self,
        ] + [MessageExport.self, MessageImport.self]
    )
}

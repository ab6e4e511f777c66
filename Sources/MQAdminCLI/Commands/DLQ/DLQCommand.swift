import ArgumentParser

/// `mqadmin dlq ...`: a consumer group's dead-letter queue (`%DLQ%GROUP`).
struct DLQCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlq",
        abstract: "List a group's dead-letter messages and resend them to their topics (journaled; docs/dlq.md).",
        subcommands: [DLQList.self, DLQResend.self]
    )
}

import ArgumentParser
import MQClient
import MQProtocol

/// `mqadmin dlq resend GROUP [--since T] [--until T] [--key K] [--execute]`
struct DLQResend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resend",
        abstract: "Resend a group's dead-letter messages to their original topics (plan; --execute resends).",
        discussion: """
            Without --execute prints which messages would go to which topic and changes nothing. With --execute \
            sends each, one at a time, to the topic it was consumed from (RETRY_TOPIC) with its body, flag, \
            keys, tags and user properties; the retry bookkeeping is dropped and it gets a new message id \
            (ORIGIN_MESSAGE_ID keeps the first one). Every message is recorded in \
            ~/.mqadmin/journal/dlq-resend.GROUP.jsonl before and after its send, so a later run skips what was \
            resent, even after a crash. Prints a result per message; exits 1 when any failed, naming it and why. \
            The DLQ messages stay where they are (docs/dlq.md).
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Consumer group.", completion: .custom(LiveNames.groups)) var group: String
    @OptionGroup var window: DLQWindowOptions
    @Option(help: "At most this many messages per run (default 10000).") var limit = 10000
    @Flag(help: "Also resend messages an interrupted run may or may not have resent (same new message id).")
    var retryUncertain = false
    @OptionGroup var execute: ExecuteOptions

    func validate() throws {
        try GroupTargets.validateName(group)
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        try window.validate()
    }

    func run() async throws {
        let w = try window.window(group: group, limit: limit)
        let journal = DeadLetterJournal(directory: GroupTargets.journalDirectory, group: group)
        let target = GroupTargets.journalTarget(connection)
        let (found, items, sent) = try await Session.withClient(connection) { client in
            let found = try await client.deadLetters(w)
            let resend = DeadLetterResend(client: client, journal: journal, target: target)
            let plan = resend.plan(found.letters, retryUncertain: retryUncertain)
            guard execute.execute, plan.contains(where: { $0.outcome == .pending }) else {
                return (found, await resend.checkTopics(plan), false)
            }
            if output.output == .table {
                Emit.write(DLQResendView(group: group, items: plan, executed: false).table() + "\n")
            }
            let count = plan.filter { $0.outcome == .pending }.count
            try Confirm.destructive(
                "resend \(count) dead-letter message\(count == 1 ? "" : "s") of group \(group)", token: group,
                yes: execute.yes)
            return (found, try await resend.execute(plan), true)
        }
        let view = DLQResendView(group: group, items: items, executed: sent, journal: journal.path)
        Emit.output(view, format: output.output) { view.table() }
        if found.more { Emit.note("more messages in the DLQ window: this run covers the first \(limit)") }
        if !execute.execute && view.pending > 0 { Emit.note("Plan only: nothing resent. Add --execute to resend.") }
        if view.uncertain > 0 {
            Emit.note(
                "\(view.uncertain) message(s) an interrupted run may have resent were skipped; check them with "
                    + "`mqadmin message get`, then --retry-uncertain to resend")
        }
        try LookupFailures.finish(found.failures, what: "dlq resend")
        let failed = items.filter(\.isFailure)
        if execute.execute, let first = failed.first, case .failed(let why) = first.outcome {
            throw CLIError(
                "\(failed.count) of \(items.count) dead-letter messages not resent: first "
                    + "\(first.letter.message.msgId): \(why)",
                exit: .failed)
        }
    }
}

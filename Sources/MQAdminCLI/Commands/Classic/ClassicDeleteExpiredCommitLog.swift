import ArgumentParser
import MQClient

/// Apache's `deleteExpiredCommitLog [-b BROKER_ADDR | -c CLUSTER]`;
/// `mqadmin broker clean expired-commitlog` plans it first.
struct ClassicDeleteExpiredCommitLog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deleteExpiredCommitLog",
        abstract: "Delete expired CommitLog files (Apache's classic command and output).",
        discussion: "Prints success or false, without a newline, as Apache's does. Without -b or -c: every broker"
            + " of every cluster.")

    @OptionGroup var target: ClassicCleanupTarget
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func run() async throws {
        try await target.run(.expiredCommitLog, connection: connection, output: output)
    }
}

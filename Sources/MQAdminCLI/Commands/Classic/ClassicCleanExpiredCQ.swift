import ArgumentParser
import MQClient

/// Apache's `cleanExpiredCQ [-b BROKER_ADDR | -c CLUSTER]`; `mqadmin broker clean expired-cq` plans it first.
struct ClassicCleanExpiredCQ: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanExpiredCQ",
        abstract: "Clean expired ConsumeQueue on broker (Apache's classic command and output).",
        discussion: "Prints success or false, without a newline, as Apache's does. Without -b or -c: every broker"
            + " of every cluster.")

    @OptionGroup var target: ClassicCleanupTarget
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func run() async throws {
        try await target.run(.expiredConsumeQueue, connection: connection, output: output)
    }
}

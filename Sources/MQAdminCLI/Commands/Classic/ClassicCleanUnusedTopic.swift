import ArgumentParser
import MQClient

/// Apache's `cleanUnusedTopic [-b BROKER_ADDR | -c CLUSTER]`; `mqadmin broker clean unused-topics` plans it first.
struct ClassicCleanUnusedTopic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanUnusedTopic",
        abstract: "Clean unused topic on broker (Apache's classic command and output).",
        discussion: "Prints success or false, without a newline, as Apache's does. Without -b or -c: every broker"
            + " of every cluster.")

    @OptionGroup var target: ClassicCleanupTarget
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func run() async throws {
        try await target.run(.unusedTopics, connection: connection, output: output)
    }
}

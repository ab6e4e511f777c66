import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `updateAcl` (the same options; the broker merges alike).
struct ClassicUpdateAcl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "updateAcl", abstract: "Update acl to cluster.")

    @OptionGroup var target: ClassicAuthTarget
    @OptionGroup var acl: ClassicAclOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func run() async throws {
        try await acl.write(update: true, target: target, connection: connection, output: output.output)
    }
}

import ArgumentParser
import MQClient
import MQProtocol

/// Apache's `createAcl -c|-b -s SUBJECT -r RES[,RES] -a ACT[,ACT] -d DECISION [-i IP[,IP]]`.
struct ClassicCreateAcl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "createAcl", abstract: "Create acl to cluster.")

    @OptionGroup var target: ClassicAuthTarget
    @OptionGroup var acl: ClassicAclOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func run() async throws {
        try await acl.write(update: false, target: target, connection: connection, output: output.output)
    }
}

import ArgumentParser
import Foundation
import MQClient

/// Apache's `addWritePerm -b BROKER_NAME`: on every name server of -n, the broker's topics' routes regain write.
struct ClassicAddWritePerm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "addWritePerm",
        abstract: "Add write perm of broker in all name server you defined in the '-n' param"
            + " (Apache's classic command and output).",
        discussion: "On each name server only: producers may send to the broker again."
            + " A name server keeps it until the broker restarts or a topic on it changes"
            + " (docs/compatibility.md, \"Write permission on the name server\").")

    @Option(name: [.customShort("b"), .customLong("brokerName")], help: "broker name")
    var brokerName: String

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func validate() throws {
        if brokerName.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("-b needs a broker name, e.g. -b broker-a")
        }
    }

    func run() async throws {
        let name = brokerName.trimmingCharacters(in: .whitespaces)
        let view = try await Session.withClient(connection) { client in
            WritePermissionView(
                brokerName: name, writable: true,
                results: await client.setWritePermissionEverywhere(brokerName: name, writable: true))
        }
        Emit.output(view, format: output.output) { view.classicLines() }
        try view.failIfPartial()
    }
}

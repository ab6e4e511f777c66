import Foundation
import ArgumentParser

/// Apache's `updateKvConfig -s NAMESPACE -k KEY -v VALUE`: PUT_KV_CONFIG on every name server of -n.
struct ClassicUpdateKvConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "updateKvConfig",
        abstract: "Create or update KV config (Apache's classic command and output).")

    @Option(name: [.customShort("s"), .customLong("namespace")], help: "set the namespace") var namespace: String
    @Option(name: [.customShort("k"), .customLong("key")], help: "set the key name") var key: String
    @Option(name: [.customShort("v"), .customLong("value")], help: "set the key value") var value: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func run() async throws {
        // Apache trims all three.
        let (ns, k, v) = (namespace.apacheTrimmed, key.apacheTrimmed, value.apacheTrimmed)
        let view = try await Session.withClient(connection) { client in
            NamesrvKVView(
                action: "set", namespace: ns, key: k, value: v,
                before: await client.kvConfigEverywhere(namespace: ns, key: k),
                results: await client.putKVConfig(namespace: ns, key: k, value: v))
        }
        Emit.output(view, format: output.output) {
            view.succeeded ? "create or update kv config to namespace success.\n" : ""
        }
        try view.failIfPartial()
    }
}

extension String {
    /// Without leading and trailing spaces, as Apache's tools `trim()` option values.
    var apacheTrimmed: String { trimmingCharacters(in: .whitespaces) }
}

import ArgumentParser

/// Apache's `deleteKvConfig -s NAMESPACE -k KEY`: DELETE_KV_CONFIG on every name server of -n. Like Apache's it
/// succeeds for a key that is not there (`mqadmin namesrv kv delete` refuses that, exit 3).
struct ClassicDeleteKvConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deleteKvConfig",
        abstract: "Delete KV config (Apache's classic command and output).")

    @Option(name: [.customShort("s"), .customLong("namespace")], help: "set the namespace") var namespace: String
    @Option(name: [.customShort("k"), .customLong("key")], help: "set the key name") var key: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: ClassicOutputOptions

    func run() async throws {
        let (ns, k) = (namespace.apacheTrimmed, key.apacheTrimmed)
        let view = try await Session.withClient(connection) { client in
            NamesrvKVView(
                action: "delete", namespace: ns, key: k, value: nil,
                before: await client.kvConfigEverywhere(namespace: ns, key: k),
                results: await client.deleteKVConfig(namespace: ns, key: k))
        }
        Emit.output(view, format: output.output) {
            view.succeeded ? "delete kv config from namespace success.\n" : ""
        }
        try view.failIfPartial()
    }
}

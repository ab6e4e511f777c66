import ArgumentParser

/// `mqadmin namesrv kv set NAMESPACE KEY VALUE`: writes the entry on every name server (PUT_KV_CONFIG), after
/// reading what each held, so the output says what was replaced.
struct NamesrvKVSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Create or update a KV config entry on every name server.")

    @Argument(help: "The namespace (e.g. ORDER_TOPIC_CONFIG).") var namespace: String
    @Argument(help: "The key.") var key: String
    @Argument(help: "The value.") var value: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let view = try await Session.withClient(connection) { client in
            let before = await client.kvConfigEverywhere(namespace: namespace, key: key)
            return NamesrvKVView(
                action: "set", namespace: namespace, key: key, value: value, before: before,
                results: await client.putKVConfig(namespace: namespace, key: key, value: value))
        }
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfPartial()
    }
}

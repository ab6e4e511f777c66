import ArgumentParser

/// `mqadmin namesrv kv delete NAMESPACE KEY`: removes the entry from every name server (DELETE_KV_CONFIG). A key
/// no name server has is refused (exit 3) rather than "deleted" with success, as Apache's name server would.
struct NamesrvKVDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a KV config entry from every name server.")

    @Argument(help: "The namespace (e.g. ORDER_TOPIC_CONFIG).") var namespace: String
    @Argument(help: "The key.") var key: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let view = try await Session.withClient(connection) { client in
            let before = await client.kvConfigEverywhere(namespace: namespace, key: key)
            let probe = NamesrvKVView(action: "delete", namespace: namespace, key: key, values: before)
            try probe.failIfMissing()
            return NamesrvKVView(
                action: "delete", namespace: namespace, key: key, value: nil, before: before,
                results: await client.deleteKVConfig(namespace: namespace, key: key))
        }
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfPartial()
    }
}

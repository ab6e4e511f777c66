import ArgumentParser

/// `mqadmin namesrv kv get NAMESPACE KEY`: the value on every name server (GET_KV_CONFIG).
struct NamesrvKVGet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Show a KV config value on every name server.")

    @Argument(help: "The namespace (e.g. ORDER_TOPIC_CONFIG).") var namespace: String
    @Argument(help: "The key.") var key: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let view = try await Session.withClient(connection) { client in
            NamesrvKVView(
                action: "get", namespace: namespace, key: key,
                values: await client.kvConfigEverywhere(namespace: namespace, key: key))
        }
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfPartial()
        try view.failIfMissing()
    }
}

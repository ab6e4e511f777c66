import ArgumentParser

/// `mqadmin namesrv kv list NAMESPACE`: every entry of a namespace, per name server (GET_KVLIST_BY_NAMESPACE).
struct NamesrvKVList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the KV config entries of a namespace on every name server.")

    @Argument(help: "The namespace (e.g. ORDER_TOPIC_CONFIG).") var namespace: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let view = try await Session.withClient(connection) { client in
            NamesrvKVView(namespace: namespace, lists: await client.kvListEverywhere(namespace: namespace))
        }
        Emit.output(view, format: output.output) { view.table() }
        try view.failIfPartial()
    }
}

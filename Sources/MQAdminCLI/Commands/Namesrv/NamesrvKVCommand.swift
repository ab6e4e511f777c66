import ArgumentParser

/// `mqadmin namesrv kv get|set|delete|list`: the name servers' KV config, asked of every name server of the target.
struct NamesrvKVCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kv",
        abstract: "Read and change the name servers' KV config (e.g. ORDER_TOPIC_CONFIG).",
        discussion: "Each name server keeps its own table (Apache's kvConfig.json), so every command asks every"
            + " name server of the target and reports each one's answer.",
        subcommands: [NamesrvKVGet.self, NamesrvKVSet.self, NamesrvKVDelete.self, NamesrvKVList.self]
    )
}

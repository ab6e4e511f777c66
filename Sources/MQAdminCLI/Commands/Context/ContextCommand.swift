import ArgumentParser

/// `mqadmin context ...`: named targets, kubectl-style.
struct ContextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "context",
        abstract: "Save named targets (name servers, read-only, credentials file) and pick one.",
        discussion: """
            Contexts live in ~/.mqadmin/contexts.json (0600; never a secret, only the path of a credentials \
            file). A command's target is, first match wins: -n, --data, --context NAME, NAMESRV_ADDR, \
            MQADMIN_DATA, MQADMIN_CONTEXT, the current context (`context use`), the bundled broker. A read-only \
            context refuses every command that changes the cluster (exit 5) before connecting.
            """,
        subcommands: [ContextAdd.self, ContextUse.self, ContextList.self, ContextShow.self, ContextDelete.self])
}

import ArgumentParser

/// The root of the command tree.
public struct MQAdmin: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mqadmin",
        abstract: "Administer Apache RocketMQ clusters, or run a lightweight bundled broker.",
        discussion: """
            With -n/--namesrv (or NAMESRV_ADDR) commands talk to a RocketMQ cluster over its remoting \
            protocol. Without, they use the bundled broker on the data directory (--data): the running \
            `mqadmin broker start` holding it, or the store a broker left there; with neither they refuse \
            (exit 4) and create nothing. `mqadmin demo` and `mqadmin broker start` create a bundled broker. \
            `mqadmin context` saves named targets (--context NAME); `mqadmin audit` lists the changes made.
            """,
        version: MQAdminVersion.current,
        // One entry per folder of Commands/; the classic names follow the nouns they spell the Apache way.
        subcommands: [Demo.self, BrokerCommand.self, ReplCommand.self, ContextCommand.self, AuditCommand.self]
            + [NamesrvCommand.self] + ClassicCommands.config + ClassicCommands.namesrvKV
            + [TopicCommand.self, ClusterCommand.self]
            + ClassicCommands.topics + ClassicCommands.cleanup
            + [GroupCommand.self, OffsetCommand.self] + ClassicCommands.groups
            + [ProducerCommand.self] + ClassicCommands.producers
            + [MessageCommand.self, BacklogCommand.self, DLQCommand.self] + ClassicCommands.messages
            + [UserCommand.self, AclCommand.self] + ClassicCommands.auth
            + [TraceCommand.self] + ClassicCommands.trace + [TransactionCommand.self]
            + [TimerCommand.self, MetadataCommand.self, BenchCommand.self, GenerateManual.self]
    )

    public init() {}
}

public enum MQAdminVersion {
    public static let current = "0.1.0"
}
